import 'server-only'
import { pool } from '@/lib/db'

/** Messages with an id greater than afterId, oldest first. */
export async function messagesAfter(afterId: number) {
  const { rows } = await pool.query(
    'SELECT id, body FROM messages WHERE id > $1 ORDER BY id LIMIT 100',
    [afterId],
  )
  return rows as Array<{ id: number; body: string }>
}
