import { describe, expect, it } from 'vitest'
import type { LabDatabase } from './database/pglite'
import { createEngine } from './engine'
import { ok, engineForTestFile } from './testing/engine-fixture'
import { MODULE_POOL, POOL_PER_REQUEST, tree } from './testing/fixtures'

const engine = engineForTestFile()

describe('connections', () => {
  it('a Pool per request under a burst of 50 exhausts the 17 slots of max_connections 20 an ordinary role gets', async () => {
    const r = ok(
      await engine.run({ files: POOL_PER_REQUEST, scenario: { requests: [{ path: '/api/todos', count: 50 }] } }),
    )
    expect(r.summary.byStatus).toEqual({ 200: 17, 500: 33 })
    expect(r.database.stats.peakConnections).toBe(17)
    expect(r.database.stats.errorsByCode).toEqual({ '53300': 33 })
    expect(JSON.parse(r.requests[49].body)).toEqual({
      error: 'remaining connection slots are reserved for roles with the SUPERUSER attribute',
      code: '53300',
    })
    // Nobody called pool.end(): the 17 connections are still open when the run ends.
    expect(r.database.stats.openAtEnd).toBe(17)
    expect(r.summary.line).toBe('50 requests · 200 ×17 · 500 ×33 · peak 17/20 connections · p95 283 ms')
  })

  it('a superuser, or a server with no reserved slots, gets all 20, then "sorry, too many clients already"', async () => {
    for (const database of [{ role: 'superuser' as const }, { superuserReservedConnections: 0 }]) {
      const r = ok(
        await engine.run({
          files: POOL_PER_REQUEST,
          scenario: { requests: [{ path: '/api/todos', count: 50 }], database },
        }),
      )
      expect(r.summary.byStatus).toEqual({ 200: 20, 500: 30 })
      expect(JSON.parse(r.requests[49].body)).toEqual({ error: 'sorry, too many clients already', code: '53300' })
    }
  })

  it('a module-scope pool with a small max behind a pooler produces no errors', async () => {
    const r = ok(
      await engine.run({
        files: MODULE_POOL,
        scenario: {
          requests: [{ path: '/api/todos', count: 50 }],
          database: { pooler: { maxClientConnections: 200, poolSize: 10 } },
        },
      }),
    )
    expect(r.summary.byStatus).toEqual({ 200: 50 })
    expect(r.database.stats.errors).toBe(0)
    expect(r.database.stats.peakConnections).toBe(10)
    expect(r.connections.at(-1)?.poolerClients).toBe(50)
  })

  it('the same scenario twice gives identical results', async () => {
    const input = {
      files: POOL_PER_REQUEST,
      scenario: { requests: [{ path: '/api/todos', count: 30, interval: 7 }], seed: 42 },
    }
    const a = await engine.run(input)
    const b = await engine.run(input)
    expect(JSON.stringify(b)).toBe(JSON.stringify(a))
    expect(b).toEqual(a)
  })
})

describe('failures and budgets', () => {
  it('an unknown import fails the run, naming the module and what is available', async () => {
    const files = tree({
      'app/api/x/route.ts': `import axios from 'axios'\nexport async function GET() { return Response.json(await axios.get('/')) }\n`,
    })
    const r = await engine.run({ files, scenario: { requests: [{ path: '/api/x' }] } })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error).toEqual({
      kind: 'unknown-import',
      message:
        "Module not found: Can't resolve 'axios' in app/api/x/route.ts. A build fails the same way when a package is not installed, and the lab cannot install packages. The lab provides next, next/server, next/headers, next/cache, next/navigation, pg, @vercel/functions, server-only, zod, fs, fs/promises, path, buffer, process, @prisma/adapter-pg, @aws-sdk/client-sqs, aws-lambda, bullmq, and this project's own files (relative paths or '@/'). The list, with what each module supports, is under \"What the lab provides\" on the Playground page (/playground/#what-the-lab-provides).",
      file: 'app/api/x/route.ts',
      line: 1,
      column: 1,
    })
  })

  it('a missing relative import lists the paths tried', async () => {
    const r = await engine.run({
      files: tree({
        'app/api/x/route.ts': `import { pool } from '../../../lib/dbb'\nexport const GET = () => pool.query('select 1')\n`,
      }),
      scenario: { requests: [] },
    })
    expect(!r.ok && r.error.message).toBe(
      "Module not found: Can't resolve '../../../lib/dbb' in app/api/x/route.ts (tried lib/dbb.ts, lib/dbb.tsx, lib/dbb.js, lib/dbb.jsx, lib/dbb.mjs, lib/dbb.cjs, lib/dbb.json, lib/dbb/index.ts, lib/dbb/index.tsx, lib/dbb/index.js, lib/dbb/index.jsx).",
    )
  })

  it('a syntax error reports file, line and column', async () => {
    const files = tree({ 'lib/db.ts': `import { Pool } from 'pg'\nexport const pool = new Pool({ max: 5 )\n` })
    const r = await engine.run({ files, scenario: { requests: [] } })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error).toEqual({
      kind: 'compile',
      message: 'lib/db.ts:2:39 Unexpected token, expected ","',
      file: 'lib/db.ts',
      line: 2,
      column: 39,
    })
  })

  it('an SQL error in schema.sql fails the run with its line', async () => {
    const r = await engine.run({
      files: { 'db/schema.sql': 'create table a (id int);\ncreate tabel b (id int);\n' },
      scenario: { requests: [] },
    })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error).toMatchObject({
      kind: 'compile',
      file: 'db/schema.sql',
      line: 2,
      message: 'db/schema.sql: syntax error at or near "tabel"',
    })
  })

  it('refuses a plan over the request limit', async () => {
    const r = await engine.run({
      files: tree({}),
      scenario: {
        requests: [
          { path: '/api/x', count: 300 },
          { path: '/api/y', count: 201 },
        ],
      },
    })
    expect(r).toEqual({
      ok: false,
      console: [],
      error: { kind: 'plan', message: 'The plan sends 501 requests; the lab allows at most 500 per run.' },
    })
  })

  it('truncates console output at 2,000 lines', async () => {
    const files = tree({
      'pages/api/noisy.ts': `export default function handler(req, res) {\n  for (let i = 0; i < 3000; i++) console.log('line', i)\n  res.end('ok')\n}\n`,
    })
    const r = ok(await engine.run({ files, scenario: { requests: [{ path: '/api/noisy' }] } }))
    expect(r.console).toHaveLength(2000)
    expect(r.consoleTruncated).toBe(true)
    expect(r.console[1999]).toEqual({ t: 255, level: 'log', instance: 'λ1', request: 0, text: 'line 1999' })
  })

  it('truncates a response over 1 MB and flags it', async () => {
    const files = tree({
      'app/api/big/route.ts': `export async function GET() { return new Response('x'.repeat(1_200_000)) }`,
    })
    const r = ok(await engine.run({ files, scenario: { requests: [{ path: '/api/big' }] } }))
    expect(r.requests[0].body).toHaveLength(1024 * 1024)
    expect(r.requests[0].truncated).toBe(true)
  })

  it('user code sees the virtual clock and a seeded Math.random', async () => {
    const files = tree({
      'app/api/now/route.ts': `
import * as z from 'zod'
const loadedAt = Date.now()
export async function GET() {
  await new Promise((r) => setTimeout(r, 1500))
  return Response.json({ loadedAt: new Date(loadedAt).toISOString(), now: new Date().toISOString(), perf: performance.now(), random: Math.random(), called: typeof Date(), isDate: new Date() instanceof Date, zod: z.string().safeParse(1).success })
}
`,
    })
    const a = ok(await engine.run({ files, scenario: { requests: [{ path: '/api/now' }], seed: 7 } }))
    const b = ok(await engine.run({ files, scenario: { requests: [{ path: '/api/now' }], seed: 8 } }))
    const body = JSON.parse(a.requests[0].body)
    expect(body).toMatchObject({
      loadedAt: '2026-01-01T00:00:00.255Z',
      now: '2026-01-01T00:00:01.755Z',
      perf: 1755,
      called: 'string',
      isDate: true,
      zod: false,
    })
    expect(JSON.parse(b.requests[0].body).random).not.toBe(body.random)
  })

  it('a proxy matcher next build could not read fails the run with its file, line and fix', async () => {
    const r = await engine.run({
      files: {
        'proxy.ts': `import { NextResponse } from 'next/server'
const PATHS = ['/api/:path*']
export function proxy() { return NextResponse.next() }
export const config = { matcher: PATHS }
`,
        'app/api/x/route.ts': 'export const GET = () => new Response("x")',
      },
      scenario: { requests: [{ path: '/api/x' }] },
    })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error).toMatchObject({ kind: 'compile', file: 'proxy.ts', line: 4, column: 34 })
    expect(r.error.message).toMatch(
      /^proxy\.ts:4:34: Next\.js can't recognize the exported `config` field: Unknown identifier "PATHS"/,
    )
  })

  it('a cancelled run ends with a RunFailure', async () => {
    const controller = new AbortController()
    controller.abort()
    const r = await engine.run(
      {
        files: { 'app/api/x/route.ts': 'export const GET = () => new Response("x")' },
        scenario: { requests: [{ path: '/api/x' }] },
      },
      { signal: controller.signal },
    )
    expect(r).toEqual({ ok: false, error: { kind: 'cancelled', message: 'The run was cancelled.' }, console: [] })
  })

  it('a run cancelled before its turn (a newer Run replaced it) touches neither the compiler nor the database', async () => {
    const touched: PropertyKey[] = []
    // Any use of the database is recorded (`then`: the engine holds it in a promise, which asks).
    const database = new Proxy({}, { get: (_target, key) => (key !== 'then' && touched.push(key), undefined) })
    // A syntax error: a compile would fail the run with it.
    const controller = new AbortController()
    controller.abort()
    const r = await createEngine({ database: database as LabDatabase }).run(
      { files: { 'app/api/x/route.ts': 'export const GET = (' }, scenario: { requests: [{ path: '/api/x' }] } },
      { signal: controller.signal },
    )
    expect(r).toEqual({ ok: false, error: { kind: 'cancelled', message: 'The run was cancelled.' }, console: [] })
    expect(touched).toEqual([])
  })
})
