import type { NextApiRequest, NextApiResponse } from 'next'
import { pool } from '@/lib/db'
import { NewTodo, type Todo } from '@/lib/todos'

// Pages Router: one default export per file, and you branch on req.method yourself.
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method === 'GET') {
    const { rows } = await pool.query<Todo>('SELECT id, title, done FROM todos ORDER BY id')
    return res.status(200).json(rows)
  }

  if (req.method === 'POST') {
    // req.body is already parsed from JSON; zod decides whether it is a valid todo.
    const parsed = NewTodo.safeParse(req.body)
    if (!parsed.success) {
      return res.status(400).json({ error: 'Invalid todo', issues: parsed.error.issues })
    }
    const { rows } = await pool.query<Todo>(
      'INSERT INTO todos (title, done) VALUES ($1, $2) RETURNING id, title, done',
      [parsed.data.title, parsed.data.done],
    )
    return res.status(201).json(rows[0])
  }

  res.setHeader('Allow', 'GET, POST')
  return res.status(405).json({ error: `Method ${req.method} not allowed` })
}
