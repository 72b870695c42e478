import type { NextApiRequest, NextApiResponse } from 'next'
import { pool } from '@/lib/db'
import { TodoId, TodoPatch, type Todo } from '@/lib/todos'

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const id = TodoId.safeParse(req.query.id)
  if (!id.success) return res.status(400).json({ error: 'id must be a positive integer' })

  if (req.method === 'GET') {
    const { rows } = await pool.query<Todo>('SELECT id, title, done FROM todos WHERE id = $1', [id.data])
    if (rows.length === 0) return res.status(404).json({ error: 'Not found' })
    return res.status(200).json(rows[0])
  }

  if (req.method === 'PATCH') {
    const patch = TodoPatch.safeParse(req.body)
    if (!patch.success) return res.status(400).json({ error: patch.error.issues[0].message })
    const { rows } = await pool.query<Todo>(
      `UPDATE todos SET title = COALESCE($2, title), done = COALESCE($3, done)
       WHERE id = $1 RETURNING id, title, done`,
      [id.data, patch.data.title ?? null, patch.data.done ?? null],
    )
    if (rows.length === 0) return res.status(404).json({ error: 'Not found' })
    return res.status(200).json(rows[0])
  }

  if (req.method === 'DELETE') {
    const { rowCount } = await pool.query('DELETE FROM todos WHERE id = $1', [id.data])
    if (rowCount === 0) return res.status(404).json({ error: 'Not found' })
    return res.status(204).end()
  }

  res.setHeader('Allow', 'GET, PATCH, DELETE')
  return res.status(405).json({ error: `Method ${req.method} not allowed` })
}
