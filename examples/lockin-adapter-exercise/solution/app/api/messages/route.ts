import { z } from 'zod'
import { pool } from '@/lib/db'
import { notifySupport } from '@/lib/notify'
import { runAfterResponse } from '@/lib/platform'

const NewMessage = z.object({
  email: z.email(),
  body: z.string().trim().min(1).max(2000),
})

export async function POST(request: Request) {
  const parsed = NewMessage.safeParse(await request.json().catch(() => null))
  if (!parsed.success) return Response.json({ error: 'Invalid message', issues: parsed.error.issues }, { status: 400 })

  const { rows } = await pool.query<{ id: number }>(
    'INSERT INTO messages (email, body) VALUES ($1, $2) RETURNING id',
    [parsed.data.email, parsed.data.body],
  )

  // The platform module asks whichever host this runs on to finish the notification.
  runAfterResponse(() => notifySupport(rows[0].id))

  return Response.json({ id: rows[0].id, status: 'received' }, { status: 201 })
}
