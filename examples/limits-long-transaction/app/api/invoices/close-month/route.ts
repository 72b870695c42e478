import { z } from 'zod'
import { pool } from '@/lib/db'
import { taxFor } from '@/lib/tax'

const CloseMonth = z.object({ month: z.string().regex(/^\d{4}-\d{2}$/) })

export async function POST(request: Request) {
  const parsed = CloseMonth.safeParse(await request.json().catch(() => null))
  if (!parsed.success) return Response.json({ error: 'month must look like 2025-12' }, { status: 400 })

  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const { rows } = await client.query(
      "SELECT id, amount_cents FROM invoices WHERE month = $1 AND status = 'open' ORDER BY id FOR UPDATE",
      [parsed.data.month],
    )
    for (const invoice of rows) {
      // A slow network call while the transaction holds its connection and its row locks.
      const tax = await taxFor(invoice.amount_cents)
      await client.query("UPDATE invoices SET tax_cents = $1, status = 'closed' WHERE id = $2", [tax, invoice.id])
    }
    await client.query('COMMIT')
    return Response.json({ closed: rows.length })
  } catch (error) {
    await client.query('ROLLBACK')
    throw error
  } finally {
    client.release()
  }
}
