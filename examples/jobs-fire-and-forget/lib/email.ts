import { pool } from '@/lib/db'

// Stands in for an email provider's API (the lab has no network): the provider takes 1.5 s to
// accept a message. The row in emails_sent is written only once the provider has accepted it.
export async function sendWelcomeEmail(to: string): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1500))
  await pool.query('INSERT INTO emails_sent (recipient, template) VALUES ($1, $2)', [to, 'welcome'])
  console.log(`welcome email sent to ${to}`)
}
