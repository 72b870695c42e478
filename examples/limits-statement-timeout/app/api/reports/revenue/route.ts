import { DatabaseError } from 'pg'
import { pool } from '@/lib/db'

export async function GET() {
  try {
    // pg_sleep(420) stands in for a scan that takes seven minutes on a large table.
    const { rows } = await pool.query(
      'SELECT month, sum(amount_cents)::int AS revenue_cents FROM invoices, pg_sleep(420) GROUP BY month ORDER BY month',
    )
    return Response.json(rows)
  } catch (error) {
    // 57014 query_canceled: statement_timeout stopped the query, and the connection is free again.
    if (error instanceof DatabaseError && error.code === '57014') {
      return Response.json({ error: 'The report took too long. Try a shorter period.' }, { status: 503 })
    }
    throw error
  }
}
