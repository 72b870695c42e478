import type { NextApiRequest, NextApiResponse } from 'next'
import { pool } from '@/lib/db'
import { TodoId, type Todo } from '@/lib/todos'

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== 'GET') {
    res.setHeader('Allow', 'GET')
    return res.status(405).json({ error: `Method ${req.method} not allowed` })
  }

  // req.query.id is whatever the URL held: validate it before it reaches SQL.
  const id = TodoId.safeParse(req.query.id)
  if (!id.success) {
    return res.status(400).json({ error: 'Invalid id', issues: id.error.issues })
  }

  const { rows } = await pool.query<Todo>('SELECT id, title, done FROM todos WHERE id = $1', [id.data])
  if (rows.length === 0) return res.status(404).json({ error: `No todo with id ${id.data}` })
  return res.status(200).json(rows[0])
}
