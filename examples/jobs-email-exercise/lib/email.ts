import { pool } from '@/lib/db'

// Stands in for an email provider's API (the lab has no network): it takes 1.5 s to accept a message,
// and it is in the middle of an outage: it refuses the next two messages it is sent, whoever sends them
// (the outage is kept in the database, so every instance sees the same provider). The row in
// emails_sent is written only once the provider has accepted the message.
export async function sendWelcomeEmail(to: string): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1500))
  const outage = await pool.query(
    'UPDATE email_provider SET refusals_left = refusals_left - 1 WHERE refusals_left > 0 RETURNING refusals_left',
  )
  if (outage.rowCount) throw new Error(`email provider unavailable (503), message to ${to} refused`)
  await pool.query('INSERT INTO emails_sent (recipient, template) VALUES ($1, $2)', [to, 'welcome'])
  console.log(`welcome email sent to ${to}`)
}
