import { pool } from '@/lib/db'

export async function GET() {
  // A realistic read: the list plus a count, as a dashboard would ask for.
  const { rows } = await pool.query(
    `SELECT id, title, done, count(*) OVER ()::int AS total
     FROM todos ORDER BY id LIMIT 50`,
  )
  return Response.json({ todos: rows })
}
