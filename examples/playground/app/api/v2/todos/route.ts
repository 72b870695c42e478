import { pool } from '@/lib/db'
import { TodoInput, type Todo } from '@/lib/todos'

// The same API in the App Router style: one export per method; a missing method answers 405.
export async function GET() {
  const { rows } = await pool.query<Todo>('SELECT id, title, done FROM todos ORDER BY id')
  return Response.json(rows)
}

export async function POST(request: Request) {
  const body = await request.json().catch(() => null)
  const parsed = TodoInput.safeParse(body)
  if (!parsed.success) {
    return Response.json({ error: parsed.error.issues[0].message }, { status: 400 })
  }
  const { rows } = await pool.query<Todo>(
    'INSERT INTO todos (title, done) VALUES ($1, $2) RETURNING id, title, done',
    [parsed.data.title, parsed.data.done],
  )
  return Response.json(rows[0], { status: 201 })
}
