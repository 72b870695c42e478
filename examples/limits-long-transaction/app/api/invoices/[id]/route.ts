import { z } from 'zod'
import { pool } from '@/lib/db'

const Id = z.coerce.number().int().positive()

// Mark one invoice as paid.
export async function PATCH(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = Id.safeParse((await params).id)
  if (!id.success) return Response.json({ error: 'id must be a positive integer' }, { status: 400 })

  const { rows } = await pool.query('UPDATE invoices SET paid = true WHERE id = $1 RETURNING id, status, paid', [id.data])
  if (rows.length === 0) return Response.json({ error: 'Not found' }, { status: 404 })
  return Response.json(rows[0])
}
