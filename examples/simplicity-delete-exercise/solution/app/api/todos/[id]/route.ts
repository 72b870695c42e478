import { pool } from '@/lib/db'
import { TodoId, type Todo } from '@/lib/todos'

type Context = { params: Promise<{ id: string }> }

export async function GET(_request: Request, { params }: Context) {
  const id = TodoId.safeParse((await params).id)
  if (!id.success) {
    return Response.json({ error: 'Invalid id', issues: id.error.issues }, { status: 400 })
  }

  const { rows } = await pool.query<Todo>('SELECT id, title, done FROM todos WHERE id = $1', [id.data])
  if (rows.length === 0) return Response.json({ error: `No todo with id ${id.data}` }, { status: 404 })
  return Response.json(rows[0])
}

export async function DELETE(_request: Request, { params }: Context) {
  const id = TodoId.safeParse((await params).id)
  if (!id.success) {
    return Response.json({ error: 'Invalid id', issues: id.error.issues }, { status: 400 })
  }

  // rowCount tells you whether the row existed, in the same round trip as the delete.
  const { rowCount } = await pool.query('DELETE FROM todos WHERE id = $1', [id.data])
  if (rowCount === 0) return Response.json({ error: `No todo with id ${id.data}` }, { status: 404 })
  return new Response(null, { status: 204 })
}
