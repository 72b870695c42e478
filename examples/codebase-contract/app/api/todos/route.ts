import { pool } from '@/lib/db'
import { NewTodoSchema, type Todo } from '@/lib/todo-contract'

export async function GET() {
  const { rows } = await pool.query<Todo>('SELECT id, title, done FROM todos ORDER BY id')
  return Response.json(rows)
}

export async function POST(request: Request) {
  const parsed = NewTodoSchema.safeParse(await request.json().catch(() => null))
  if (!parsed.success) {
    // The same schema the client compiles against decides what is rejected at run time.
    return Response.json({ error: 'Invalid todo', issues: parsed.error.issues }, { status: 400 })
  }
  const { rows } = await pool.query<Todo>(
    'INSERT INTO todos (title) VALUES ($1) RETURNING id, title, done',
    [parsed.data.title],
  )
  return Response.json(rows[0], { status: 201 })
}
