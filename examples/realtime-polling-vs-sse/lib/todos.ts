import 'server-only'
import { pool } from '@/lib/db'

/** Todos created after the given id, oldest first. */
export async function todosAfter(afterId: number) {
  const { rows } = await pool.query(
    'SELECT id, title FROM todos WHERE id > $1 ORDER BY id LIMIT 100',
    [afterId],
  )
  return rows as Array<{ id: number; title: string }>
}
