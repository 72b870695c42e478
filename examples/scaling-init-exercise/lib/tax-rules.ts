import { pool } from '@/lib/db'

export type TaxRules = Map<string, number>

/**
 * Expensive start-up work: read the rates and build the rule engine.
 * The 200 ms wait stands in for what real apps do here (download a rules file, compile a
 * schema, create an SDK client that fetches credentials). It costs the same every time it runs.
 */
export async function loadTaxRules(): Promise<TaxRules> {
  const { rows } = await pool.query<{ region: string; rate: string }>('SELECT region, rate FROM tax_rates')
  await new Promise((resolve) => setTimeout(resolve, 200))
  return new Map(rows.map((row) => [row.region, Number(row.rate)]))
}
