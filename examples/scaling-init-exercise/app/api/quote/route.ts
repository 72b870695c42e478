import { z } from 'zod'
import { pool } from '@/lib/db'
import { loadTaxRules } from '@/lib/tax-rules'

const Query = z.object({
  region: z.string().length(2).toUpperCase(),
  sku: z.string().min(1).max(20),
})

export async function GET(request: Request) {
  const parsed = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!parsed.success) return Response.json({ error: 'Invalid query', issues: parsed.error.issues }, { status: 400 })

  // Runs on every request, warm or cold: every caller pays for the start-up work.
  const rules = await loadTaxRules()

  const rate = rules.get(parsed.data.region)
  if (rate === undefined) return Response.json({ error: `No tax rate for ${parsed.data.region}` }, { status: 404 })

  // Per-request work stays per request: the price can change at any time.
  const { rows } = await pool.query<{ price: string }>('SELECT price FROM products WHERE sku = $1', [parsed.data.sku])
  if (rows.length === 0) return Response.json({ error: `No product ${parsed.data.sku}` }, { status: 404 })
  const price = Number(rows[0].price)
  const tax = Math.round(price * rate * 100) / 100
  return Response.json({ ...parsed.data, price, rate, tax, total: price + tax })
}
