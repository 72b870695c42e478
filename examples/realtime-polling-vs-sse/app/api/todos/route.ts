import { z } from 'zod'
import { pool } from '@/lib/db'
import { todosAfter } from '@/lib/todos'

// Polling: the client fetches the list on a timer and compares it with what it has.
// Most answers are the same as the previous one.
export async function GET() {
  return Response.json(await todosAfter(0))
}

const NewTodo = z.object({ title: z.string().trim().min(1).max(200) })

export async function POST(request: Request) {
  const parsed = NewTodo.safeParse(await request.json().catch(() => null))
  if (!parsed.success) return Response.json({ error: 'title is required' }, { status: 400 })
  const { rows } = await pool.query('INSERT INTO todos (title) VALUES ($1) RETURNING id, title', [parsed.data.title])
  return Response.json(rows[0], { status: 201 })
}
