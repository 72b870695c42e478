/**
 * `BEGIN … catch { ROLLBACK }`, node-postgres's documented transaction pattern
 * (https://node-postgres.com/features/transactions), once virtual time has moved: the lab sets its
 * clock (`SET lab.now`) before statements, and an aborted transaction refuses that with 25P02.
 */
import { describe, expect, it } from 'vitest'
import { loadExample } from '@/lib/examples/load'
import { engineForTestFile, ok } from '../testing/engine-fixture'
import { tree, TODOS_SCHEMA, TODOS_SEED } from '../testing/fixtures'

const engine = engineForTestFile()

const TX_ROUTE = tree({
  'db/schema.sql': TODOS_SCHEMA,
  'db/seed.sql': TODOS_SEED,
  'lib/db.ts': `import { Pool } from 'pg'\nexport const pool = new Pool()\n`,
  'app/api/add/route.ts': `
import { pool } from '@/lib/db'
export async function POST(request: Request) {
  const { title } = await request.json()
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    await new Promise((resolve) => setTimeout(resolve, 50))
    const { rows } = await client.query('insert into todos (title) values ($1) returning id, created_at', [title])
    await client.query('COMMIT')
    return Response.json(rows[0], { status: 201 })
  } catch (error: any) {
    await client.query('ROLLBACK')
    return Response.json({ code: error.code, status: client.getTransactionStatus?.() ?? null }, { status: 409 })
  } finally {
    client.release()
  }
}
export async function GET() {
  const { rows } = await pool.query('select count(*)::int as n, now() as now from todos')
  return Response.json(rows[0])
}
`,
})

describe('ROLLBACK after an error inside a transaction', () => {
  it('runs, ends the transaction, and later statements see the clock again', async () => {
    const r = ok(
      await engine.run({
        files: TX_ROUTE,
        scenario: {
          platform: { profile: 'server' },
          requests: [
            { method: 'POST', path: '/api/add', body: { title: 'New' } },
            { method: 'POST', path: '/api/add', body: { title: 'New' }, at: 1000 },
            { method: 'POST', path: '/api/add', body: { title: 'Other' }, at: 2000 },
            { path: '/api/add', at: 3000 },
          ],
        },
      }),
    )
    expect(r.requests.map((q) => q.status)).toEqual([201, 409, 201, 200])
    expect(JSON.parse(r.requests[1].body)).toEqual({ code: '23505', status: 'I' })
    const last = JSON.parse(r.requests[3].body) as { n: number; now: string }
    expect(last.n).toBe(5)
    // now() is the virtual time of the statement, not the time before the rolled-back transaction.
    expect(last.now).toBe(new Date(Date.UTC(2026, 0, 1) + 3000 + 1).toISOString())
    // The statement that failed and the ROLLBACK both reached the server; nothing is left open.
    const failed = r.timeline.filter((e) => e.type === 'db-query' && e.error)
    expect(failed.map((e) => (e as { error?: string }).error)).toEqual(['23505'])
    expect(r.database.stats.errorsByCode).toEqual({ '23505': 1 })
  })

  it('jobs-cron-outbox: a duplicate sign-up answers 500 between two 201s, and commits nothing', async () => {
    const example = await loadExample('jobs-cron-outbox')
    const signup = (email: string, at: number) => ({ at, method: 'POST', path: '/api/signup', body: { email } })
    const r = ok(
      await engine.run({
        files: example.files,
        scenario: {
          platform: { profile: 'fluid' },
          requests: [
            signup('ada@example.com', 0),
            signup('ada@example.com', 60_000),
            signup('grace@example.com', 120_000),
          ],
        },
      }),
    )
    expect(r.requests.map((q) => q.status)).toEqual([201, 500, 201])
    expect(r.requests[1].error?.message).toContain('duplicate key value violates unique constraint "users_email_key"')
    const rows = (name: string) => r.database.tables.find((t) => t.name === name)!
    // After the seeded user: ada once, grace (the duplicate's id 3 was used up by the failed INSERT).
    expect(rows('users').rows.map((row) => [row[0], row[1]])).toEqual([
      [1, 'first@example.com'],
      [2, 'ada@example.com'],
      [4, 'grace@example.com'],
    ])
    // The failed sign-up's outbox row was never written: one row per committed user.
    expect(rows('email_outbox').rows.map((row) => row[1])).toEqual([
      'first@example.com',
      'ada@example.com',
      'grace@example.com',
    ])
    // Its ROLLBACK ran: grace's sign-up, a minute later, did not wait on a leaked transaction.
    expect(r.requests[2].timing.end - r.requests[2].timing.start).toBeLessThan(100)
  })

  it.each(['limits-long-transaction', 'limits-close-month-exercise'])(
    '%s: an UPDATE that fails mid-transaction is rolled back, and the invoices stay open and writable',
    async (id) => {
      const example = await loadExample(id)
      // The exercise has no PATCH route: borrow the lesson's, which writes the same table.
      const patch = (await loadExample('limits-long-transaction')).files['app/api/invoices/[id]/route.ts']
      // The third tax call answers garbage, so its UPDATE fails (22P02) inside the transaction
      // that has closed two invoices already, and the route's catch sends ROLLBACK.
      const files = {
        'app/api/invoices/[id]/route.ts': patch,
        ...example.files,
        'lib/tax.ts': `let calls = 0
export async function taxFor(amountCents: number): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 1500))
  if (++calls === 3) return 'n/a' as unknown as number
  return Math.round(amountCents * 0.2)
}
`,
      }
      const r = ok(
        await engine.run({
          files,
          scenario: {
            platform: { profile: 'fluid' },
            requests: [
              { method: 'POST', path: '/api/invoices/close-month', body: { month: '2025-12' } },
              { at: 10_000, method: 'PATCH', path: '/api/invoices/1', body: { paid: true } },
            ],
          },
        }),
      )
      expect(r.requests.map((q) => q.status)).toEqual([500, 200])
      expect(r.requests[0].error?.message).toContain('invalid input syntax for type integer: "n/a"')
      // The PATCH did not wait: no transaction (or row lock) was left behind.
      expect(r.requests[1].timing.end - r.requests[1].timing.start).toBeLessThan(100)
      const invoices = r.database.tables.find((t) => t.name === 'invoices')!
      const status = invoices.columns.indexOf('status')
      expect(invoices.rows.every((row) => row[status] === 'open')).toBe(true)
    },
  )
})
