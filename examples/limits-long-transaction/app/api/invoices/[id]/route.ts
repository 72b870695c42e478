import { z } from 'zod'
import { pool } from '@/lib/db'

// `serial` column (4-byte integer): bound the id by it, or 99999999999 reaches Postgres and fails with
// 22003 (out of range), a 500 instead of a 400.
const Id = z.coerce.number().int().positive().max(2_147_483_647)

// Mark one invoice as paid.
export async function PATCH(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = Id.safeParse((await params).id)
  if (!id.success) return Response.json({ error: 'id must be a positive integer' }, { status: 400 })

  const { rows } = await pool.query('UPDATE invoices SET paid = true WHERE id = $1 RETURNING id, status, paid', [id.data])
  if (rows.length === 0) return Response.json({ error: 'Not found' }, { status: 404 })
  return Response.json(rows[0])
}
