import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { pool } from '@/lib/db'

const NewTodo = z.object({ title: z.string().trim().min(1).max(200) })

export async function POST(request: Request) {
  const parsed = NewTodo.safeParse(await request.json().catch(() => null))
  if (!parsed.success) return Response.json({ error: z.flattenError(parsed.error) }, { status: 400 })

  const { rows } = await pool.query('INSERT INTO todos (title) VALUES ($1) RETURNING id, title, done', [
    parsed.data.title,
  ])
  // Purge the cached list: the next GET runs the query and sees the new row.
  revalidatePath('/api/todos/cached')
  return Response.json(rows[0], { status: 201 })
}
