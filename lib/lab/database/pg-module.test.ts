/**
 * What the pg conformance cases cannot show on a real server on this machine: opening a connection
 * that takes longer than connectionTimeoutMillis (a local server answers in a millisecond). The
 * messages are pg's and pg-pool's (packages/pg/lib/client.js `_connect`, packages/pg-pool/index.js
 * `newClient`); the lab's handshake takes `connectLatencyMs`.
 */
import { describe, expect, it } from 'vitest'
import { engineForTestFile, ok } from '../testing/engine-fixture'
import { tree } from '../testing/fixtures'

const engine = engineForTestFile()

const ROUTE = tree({
  'app/api/t/route.ts': `import pg from 'pg'
const errorOf = async (promise: Promise<unknown>) => {
  try { await promise; return null } catch (e: any) { return e.message }
}
export async function GET() {
  const client = new pg.Client({ connectionTimeoutMillis: 10, application_name: 'reports' })
  const bare = await errorOf(client.connect())
  const pool = new pg.Pool({ connectionTimeoutMillis: 10 })
  const pooled = await errorOf(pool.query('select 1'))
  const slow = new pg.Pool({ connectionTimeoutMillis: 100 })
  const fine = (await slow.query('select 1 as one')).rows[0].one
  return Response.json({ bare, pooled, fine, total: pool.totalCount, name: client.connectionParameters.application_name })
}
`,
})

describe('connectionTimeoutMillis while opening a connection', () => {
  it('fails a bare Client with "timeout expired" and a pool with the message pg-pool uses; a longer limit passes', async () => {
    const r = ok(
      await engine.run({
        files: ROUTE,
        scenario: {
          platform: { profile: 'server' },
          requests: [{ path: '/api/t' }],
          database: { connectLatencyMs: 25 },
        },
      }),
    )
    expect(JSON.parse(r.requests[0].body)).toEqual({
      bare: 'timeout expired',
      pooled: 'Connection terminated due to connection timeout',
      fine: 1,
      total: 0,
      name: 'reports',
    })
    // The two abandoned handshakes were closed once they completed: only the good pool's connection is left.
    expect(r.database.stats.openAtEnd).toBe(1)
  })
})

describe('an idle pool client closed by the server', () => {
  it('is removed, and its error reaches the pool with err.client; the next query opens a new connection', async () => {
    const files = tree({
      'app/api/t/route.ts': `import { Pool } from 'pg'
const pool = new Pool()
export async function GET() {
  const seen: unknown[] = []
  pool.on('error', (error: any, client: unknown) => seen.push([error.code, error.client === client]))
  await pool.query('select 1')
  await new Promise((resolve) => setTimeout(resolve, 300))
  const after = pool.totalCount
  await pool.query('select 1')
  return Response.json({ seen, after, total: pool.totalCount })
}
`,
    })
    const r = ok(
      await engine.run({
        files,
        scenario: {
          platform: { profile: 'server' },
          requests: [{ path: '/api/t' }],
          database: { idleSessionTimeoutMs: 100 },
        },
      }),
    )
    expect(JSON.parse(r.requests[0].body)).toEqual({ seen: [['57P05', true]], after: 0, total: 1 })
    expect(r.database.stats.connectionsOpened).toBe(2)
  })
})
