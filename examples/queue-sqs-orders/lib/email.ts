import { pool } from './db'

// Stands in for an email provider's API (the lab has no network): 400 ms per message. It refuses
// addresses at invalid.example for good, as a provider answers "550 mailbox unavailable".
export async function sendReceipt(email: string, orderId: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 400))
  if (email.endsWith('@invalid.example')) throw new Error(`550 mailbox unavailable: ${email}`)
  await pool.query('INSERT INTO receipts_sent (order_id, email) VALUES ($1, $2)', [orderId, email])
}
