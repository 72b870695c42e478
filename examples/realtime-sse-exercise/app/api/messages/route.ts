import { z } from 'zod'
import { pool } from '@/lib/db'

const NewMessage = z.object({ body: z.string().trim().min(1).max(500) })

export async function POST(request: Request) {
  const parsed = NewMessage.safeParse(await request.json().catch(() => null))
  if (!parsed.success) return Response.json({ error: 'body is required' }, { status: 400 })
  const { rows } = await pool.query('INSERT INTO messages (body) VALUES ($1) RETURNING id, body', [parsed.data.body])
  return Response.json(rows[0], { status: 201 })
}
