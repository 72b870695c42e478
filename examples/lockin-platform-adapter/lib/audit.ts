import { pool } from '@/lib/db'

/** Records an audit event. Not needed for the response, but it must not be lost. */
export async function recordAudit(event: string, orderId: number): Promise<void> {
  // Stands in for a call to an external audit service: 150 ms in the lab.
  await new Promise((resolve) => setTimeout(resolve, 150))
  await pool.query('INSERT INTO audit_log (event, order_id) VALUES ($1, $2)', [event, orderId])
}
