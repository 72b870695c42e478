import { DatabaseError } from 'pg'
import { pool } from '@/lib/db'

export async function GET() {
  try {
    const { rows } = await pool.query('SELECT id, name, price_cents FROM products ORDER BY id')
    return Response.json(rows)
  } catch (error) {
    // 53400: the plan's quota is used up. Say so, rather than answer a bare 500.
    if (error instanceof DatabaseError && error.code === '53400') {
      return Response.json({ error: 'The shop is busy. Try again later.' }, { status: 503 })
    }
    throw error
  }
}
