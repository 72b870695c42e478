import { pool } from '@/lib/db'
import { TodoId, TodoPatch, type Todo } from '@/lib/todos'

type Context = { params: Promise<{ id: string }> }

async function todoId(context: Context) {
  const { id } = await context.params
  return TodoId.safeParse(id)
}

export async function GET(_request: Request, context: Context) {
  const id = await todoId(context)
  if (!id.success) return Response.json({ error: 'id must be a positive integer' }, { status: 400 })
  const { rows } = await pool.query<Todo>('SELECT id, title, done FROM todos WHERE id = $1', [id.data])
  if (rows.length === 0) return Response.json({ error: 'Not found' }, { status: 404 })
  return Response.json(rows[0])
}

export async function PATCH(request: Request, context: Context) {
  const id = await todoId(context)
  if (!id.success) return Response.json({ error: 'id must be a positive integer' }, { status: 400 })
  const patch = TodoPatch.safeParse(await request.json().catch(() => null))
  if (!patch.success) return Response.json({ error: patch.error.issues[0].message }, { status: 400 })
  const { rows } = await pool.query<Todo>(
    `UPDATE todos SET title = COALESCE($2, title), done = COALESCE($3, done)
     WHERE id = $1 RETURNING id, title, done`,
    [id.data, patch.data.title ?? null, patch.data.done ?? null],
  )
  if (rows.length === 0) return Response.json({ error: 'Not found' }, { status: 404 })
  return Response.json(rows[0])
}

export async function DELETE(_request: Request, context: Context) {
  const id = await todoId(context)
  if (!id.success) return Response.json({ error: 'id must be a positive integer' }, { status: 400 })
  const { rowCount } = await pool.query('DELETE FROM todos WHERE id = $1', [id.data])
  if (rowCount === 0) return Response.json({ error: 'Not found' }, { status: 404 })
  return new Response(null, { status: 204 })
}
