import { pool } from '@/lib/db'
import { TodoId, type Todo } from '@/lib/todos'

// In Next.js 16, params is a Promise: await it before use.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = TodoId.safeParse((await params).id)
  if (!id.success) {
    return Response.json({ error: 'Invalid id', issues: id.error.issues }, { status: 400 })
  }

  const { rows } = await pool.query<Todo>('SELECT id, title, done FROM todos WHERE id = $1', [id.data])
  if (rows.length === 0) return Response.json({ error: `No todo with id ${id.data}` }, { status: 404 })
  return Response.json(rows[0])
}
