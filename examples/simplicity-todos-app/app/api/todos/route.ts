import { pool } from '@/lib/db'
import { NewTodo, type Todo } from '@/lib/todos'

// App Router: one named export per HTTP method. Next.js answers 405 for any other method.
export async function GET() {
  const { rows } = await pool.query<Todo>('SELECT id, title, done FROM todos ORDER BY id')
  return Response.json(rows)
}

export async function POST(request: Request) {
  // A body that is not JSON becomes null, which zod then rejects with a 400.
  const body = await request.json().catch(() => null)
  const parsed = NewTodo.safeParse(body)
  if (!parsed.success) {
    return Response.json({ error: 'Invalid todo', issues: parsed.error.issues }, { status: 400 })
  }
  const { rows } = await pool.query<Todo>(
    'INSERT INTO todos (title, done) VALUES ($1, $2) RETURNING id, title, done',
    [parsed.data.title, parsed.data.done],
  )
  return Response.json(rows[0], { status: 201 })
}
