import { pool } from '@/lib/db'

// The list is cached for an hour (previous caching model, no cacheComponents). It has a file of its
// own: a route file that also exports POST is not cached at all.
export const revalidate = 3600

export async function GET() {
  const { rows } = await pool.query('SELECT id, title, done FROM todos ORDER BY id')
  return Response.json(rows)
}
