import { describe, expect, it } from 'vitest'
import { engineForTestFile, ok } from '../testing/engine-fixture'
import { QUERY_ROUTE, tree } from '../testing/fixtures'

const engine = engineForTestFile()

describe('simulated Postgres', () => {
  it('statement_timeout cancels a long pg_sleep with 57014, in virtual time', async () => {
    const r = ok(
      await engine.run({
        files: QUERY_ROUTE('select pg_sleep(5)'),
        scenario: {
          requests: [{ method: 'POST', path: '/api/q', body: { values: [] } }],
          database: { statementTimeoutMs: 1000 },
        },
      }),
    )
    const req = r.requests[0]
    expect(req.status).toBe(500)
    expect(JSON.parse(req.body)).toEqual({
      message: 'canceling statement due to statement timeout',
      code: '57014',
      name: 'error',
    })
    // connect 25 ms + 1.5 ms up ... round trip 3 ms + 1000 ms until cancelled.
    expect(req.timing.databaseMs).toBe(25 + 3 + 1000)
    expect(r.database.stats.errorsByCode).toEqual({ '57014': 1 })
  })

  it('pg_sleep costs virtual time, not real time', async () => {
    const started = performance.now()
    const r = ok(
      await engine.run({
        files: QUERY_ROUTE('select pg_sleep($1)'),
        scenario: { requests: [{ method: 'POST', path: '/api/q', body: { values: [5] } }] },
      }),
    )
    expect(performance.now() - started).toBeLessThan(5000)
    expect(r.requests[0].status).toBe(200)
    expect(r.requests[0].timing.databaseMs).toBe(25 + 3 + 5000)
  })

  it('real SQLSTATE codes from PGlite surface as err.code (23505)', async () => {
    const r = ok(
      await engine.run({
        files: QUERY_ROUTE('insert into todos (title) values ($1) returning id'),
        scenario: {
          requests: [
            { method: 'POST', path: '/api/q', body: { values: ['New'] } },
            { method: 'POST', path: '/api/q', body: { values: ['Buy milk'] }, at: 100 },
          ],
        },
      }),
    )
    expect(JSON.parse(r.requests[0].body)).toEqual({ rows: [{ id: 4 }], rowCount: 1, command: 'INSERT' })
    expect(r.requests[1].status).toBe(500)
    expect(JSON.parse(r.requests[1].body)).toMatchObject({
      code: '23505',
      message: 'duplicate key value violates unique constraint "todos_title_key"',
    })
    const todos = r.database.tables.find((t) => t.name === 'todos')!
    expect(todos.rowCount).toBe(4)
    expect(todos.columns).toEqual(['id', 'title', 'done', 'created_at'])
    // now() follows the virtual clock: cold start 260 ms + connect 25 ms + half a round trip.
    expect(todos.rows[3]).toEqual([4, 'New', false, '2026-01-01T00:00:00.286Z'])
  })

  it('each run starts from schema.sql + seed.sql again', async () => {
    const files = QUERY_ROUTE('delete from todos')
    ok(await engine.run({ files, scenario: { requests: [{ method: 'POST', path: '/api/q', body: { values: [] } }] } }))
    const again = ok(await engine.run({ files, scenario: { requests: [] } }))
    expect(again.database.tables[0].rowCount).toBe(3)
  })

  it('transactions hold their connection; other connections wait for COMMIT', async () => {
    const files = tree({
      'lib/db.ts': `import { Pool } from 'pg'\nexport const pool = new Pool()\n`,
      'app/api/tx/route.ts': `
import { pool } from '@/lib/db'
export async function POST() {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    await client.query("update todos set done = true where id = 1")
    await client.query('select pg_sleep(1)')
    await client.query('COMMIT')
  } finally {
    client.release()
  }
  return Response.json({ ok: true })
}
export async function GET() {
  const { rows } = await pool.query('select done from todos where id = 1')
  return Response.json(rows[0])
}
`,
    })
    const r = ok(
      await engine.run({
        files,
        scenario: {
          platform: { profile: 'fluid' },
          requests: [
            { method: 'POST', path: '/api/tx' },
            { path: '/api/tx', at: 400 },
          ],
        },
      }),
    )
    const [tx, read] = r.requests
    expect(tx.status).toBe(200)
    // The read arrives while the transaction is open and only runs after COMMIT, so it sees the update.
    expect(JSON.parse(read.body)).toEqual({ done: true })
    expect(read.timing.end).toBeGreaterThan(tx.timing.end - 3)
  })

  it('a quota refuses queries beyond its window with 53400', async () => {
    const r = ok(
      await engine.run({
        files: QUERY_ROUTE('select 1 as one'),
        scenario: {
          requests: [{ method: 'POST', path: '/api/q', body: { values: [] }, count: 5, interval: 100 }],
          database: { quota: { maxQueries: 3, windowMs: 60_000 } },
        },
      }),
    )
    expect(r.summary.byStatus).toEqual({ 200: 3, 500: 2 })
    expect(JSON.parse(r.requests[4].body).code).toBe('53400')
  })

  it('the server idle timeout closes connections a recycled instance leaked', async () => {
    const r = ok(
      await engine.run({
        files: QUERY_ROUTE('select 1 as one'),
        scenario: {
          requests: [{ method: 'POST', path: '/api/q', body: { values: [] } }],
          platform: { recycleAfterIdleMs: 60_000 },
          database: { idleSessionTimeoutMs: 120_000 },
          runForMs: 300_000,
        },
      }),
    )
    // The server saw the connection go idle at 286 ms (before the reply's last 2 ms of travel).
    const recycle = r.timeline.find((e) => e.type === 'instance-recycle')
    expect(recycle).toEqual({ t: 60_288, type: 'instance-recycle', instance: 'λ1', leakedConnections: 1 })
    expect(r.timeline.find((e) => e.type === 'db-disconnect')).toEqual({
      t: 120_286,
      type: 'db-disconnect',
      connection: 1,
      reason: 'idle-timeout',
    })
    expect(r.database.stats.openAtEnd).toBe(0)
  })

  it('attachDatabasePool (on Vercel: fluid) keeps the instance alive until idle clients close, so nothing leaks', async () => {
    const files = tree({
      'lib/db.ts': `
import { Pool } from 'pg'
import { attachDatabasePool } from '@vercel/functions'
export const pool = new Pool({ idleTimeoutMillis: 5000 })
attachDatabasePool(pool)
`,
      'app/api/q/route.ts': `
import { pool } from '@/lib/db'
export async function GET() {
  const { rows } = await pool.query('select 1 as one')
  return Response.json(rows)
}
`,
    })
    const r = ok(
      await engine.run({
        files,
        scenario: {
          requests: [{ path: '/api/q' }],
          platform: { profile: 'fluid', recycleAfterIdleMs: 60_000 },
          runForMs: 120_000,
        },
      }),
    )
    expect(r.timeline.find((e) => e.type === 'db-disconnect')).toEqual({
      t: 5288,
      type: 'db-disconnect',
      connection: 1,
      reason: 'client',
    })
    expect(r.timeline.find((e) => e.type === 'instance-freeze')?.t).toBe(5288)
    expect(r.timeline.find((e) => e.type === 'instance-recycle')).toMatchObject({ leakedConnections: 0 })
  })
})
