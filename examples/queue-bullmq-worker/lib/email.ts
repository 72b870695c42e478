import { pool } from './db'

// Stands in for an email provider's API (the lab has no network): 300 ms per message. Its status page
// for this run: down for the first 3 s, and again from 10 s to 40 s (the lab's clock starts at
// 2026-01-01T00:00:00Z).
const start = Date.parse('2026-01-01T00:00:00Z')
const down = (t: number) => t < start + 3_000 || (t >= start + 10_000 && t < start + 40_000)

export async function sendWelcomeEmail(userId: number, email: string): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 300))
  if (down(Date.now())) throw new Error('503 Service Unavailable from the email provider')
  await pool.query('INSERT INTO emails_sent (user_id, email) VALUES ($1, $2)', [userId, email])
}
