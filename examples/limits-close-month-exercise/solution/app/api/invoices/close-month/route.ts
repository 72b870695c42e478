import { z } from 'zod'
import { pool } from '@/lib/db'
import { taxFor } from '@/lib/tax'

const CloseMonth = z.object({ month: z.string().regex(/^\d{4}-\d{2}$/) })
const BATCH = 10

export async function POST(request: Request) {
  const parsed = CloseMonth.safeParse(await request.json().catch(() => null))
  if (!parsed.success) return Response.json({ error: 'month must look like 2025-12' }, { status: 400 })

  // 1. Read what needs doing. No transaction yet, so no locks are held.
  const { rows } = await pool.query<{ id: number; amount_cents: number }>(
    "SELECT id, amount_cents FROM invoices WHERE month = $1 AND status = 'open' ORDER BY id",
    [parsed.data.month],
  )

  // 2. The slow calls, outside any transaction, ten at a time.
  const taxes: number[] = []
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH)
    taxes.push(...(await Promise.all(batch.map((invoice) => taxFor(invoice.amount_cents)))))
  }

  // 3. One short write: a single statement is its own transaction, over in milliseconds.
  //    `status = 'open'` skips any invoice another request closed in the meantime.
  const { rowCount } = await pool.query(
    `UPDATE invoices AS i SET tax_cents = t.tax, status = 'closed'
       FROM unnest($1::int[], $2::int[]) AS t(id, tax)
      WHERE i.id = t.id AND i.status = 'open'`,
    [rows.map((invoice) => invoice.id), taxes],
  )
  return Response.json({ closed: rowCount })
}
