import { z } from 'zod'
import { announceOrder } from '@/lib/dashboards'
import { pool } from '@/lib/db'

const NewOrder = z.object({
  item: z.string().trim().min(1).max(100),
  quantity: z.number().int().positive(),
})

export async function POST(request: Request) {
  const parsed = NewOrder.safeParse(await request.json().catch(() => null))
  if (!parsed.success) return Response.json({ error: 'Send { item, quantity }.' }, { status: 400 })
  const { rows } = await pool.query<{ id: number; item: string; quantity: number }>(
    'INSERT INTO orders (item, quantity) VALUES ($1, $2) RETURNING id, item, quantity',
    [parsed.data.item, parsed.data.quantity],
  )
  await announceOrder(rows[0])
  return Response.json(rows[0], { status: 201 })
}
