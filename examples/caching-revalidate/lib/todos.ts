import 'server-only'
import { pool } from '@/lib/db'

export async function listTodos() {
  const { rows } = await pool.query('SELECT id, title, done FROM todos ORDER BY id')
  return rows
}
