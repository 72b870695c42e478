import type { NextApiRequest, NextApiResponse } from 'next'
import { pool } from '@/lib/db'
import { TodoInput, type Todo } from '@/lib/todos'

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method === 'GET') {
    const { rows } = await pool.query<Todo>('SELECT id, title, done FROM todos ORDER BY id')
    return res.status(200).json(rows)
  }

  if (req.method === 'POST') {
    const parsed = TodoInput.safeParse(req.body)
    if (!parsed.success) {
      return res.status(400).json({ error: parsed.error.issues[0].message })
    }
    const { title, done } = parsed.data
    // Values travel separately from the SQL text: no injection, whatever the title holds.
    const { rows } = await pool.query<Todo>(
      'INSERT INTO todos (title, done) VALUES ($1, $2) RETURNING id, title, done',
      [title, done],
    )
    return res.status(201).json(rows[0])
  }

  res.setHeader('Allow', 'GET, POST')
  return res.status(405).json({ error: `Method ${req.method} not allowed` })
}
