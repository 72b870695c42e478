import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestEngine } from './testing/node-database'
import { TODOS_SCHEMA, tree } from './test-fixtures'
import type { FileTree, RunOutcome, RunResult } from './types'

// One PGlite for the whole file: creating it costs seconds, resetting it milliseconds.
const engine = createTestEngine()
beforeAll(() => engine.ready())
afterAll(() => engine.close())

function ok(outcome: RunOutcome): RunResult {
  if (!outcome.ok) throw new Error(`run failed: ${outcome.error.kind}: ${outcome.error.message}`)
  return outcome
}

const POOL_PER_REQUEST = tree({
  'pages/api/todos.ts': `
import type { NextApiRequest, NextApiResponse } from 'next'
import { Pool } from 'pg'

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL })
  try {
    const { rows } = await pool.query('select id, title from todos order by id')
    res.status(200).json(rows)
  } catch (error: any) {
    res.status(500).json({ error: error.message, code: error.code })
  }
}
`,
})

const MODULE_POOL = tree({
  'lib/db.ts': `import { Pool } from 'pg'\nexport const pool = new Pool({ max: 2 })\n`,
  'pages/api/todos.ts': `
import { pool } from '@/lib/db'
export default async function handler(req, res) {
  try {
    const { rows } = await pool.query('select id, title from todos order by id')
    res.status(200).json(rows)
  } catch (error: any) {
    res.status(500).json({ error: error.message, code: error.code })
  }
}
`,
})

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

describe('platform', () => {
  it('cold versus warm latency', async () => {
    const r = ok(
      await engine.run({
        files: MODULE_POOL,
        scenario: { requests: [{ path: '/api/todos' }, { path: '/api/todos', at: 1000 }] },
      }),
    )
    const [cold, warm] = r.requests
    // 250 ms cold start + 2 modules × 5 ms, then connect 25 ms + query 3 ms.
    expect(cold.timing).toEqual({ start: 0, end: 288, queuedMs: 0, coldStartMs: 260, handlerMs: 28, databaseMs: 28 })
    expect(cold.cold).toBe(true)
    // Same (thawed) instance, pooled connection reused: one 3 ms round trip.
    expect(warm.timing).toEqual({ start: 1000, end: 1003, queuedMs: 0, coldStartMs: 0, handlerMs: 3, databaseMs: 3 })
    expect(warm.cold).toBe(false)
    expect(warm.instance).toBe(cold.instance)
  })

  it('requests queue when maxInstances are busy; a server process starts once', async () => {
    const files = tree({
      'app/api/work/route.ts': `export async function GET() {\n  await new Promise((r) => setTimeout(r, 100))\n  return new Response('done')\n}\n`,
    })
    const lambda = ok(
      await engine.run({
        files,
        scenario: { requests: [{ path: '/api/work', count: 4 }], platform: { maxInstances: 2 } },
      }),
    )
    expect(
      lambda.requests.map((q) => [q.instance, q.cold, q.timing.queuedMs, q.timing.coldStartMs, q.timing.end]),
    ).toEqual([
      ['λ1', true, 0, 255, 355],
      ['λ2', true, 0, 255, 355],
      ['λ1', false, 355, 0, 455],
      ['λ2', false, 355, 0, 455],
    ])
    const server = ok(
      await engine.run({
        files,
        scenario: {
          requests: [
            { path: '/api/work', count: 3 },
            { path: '/api/work', at: 1000 },
          ],
          platform: { profile: 'server' },
        },
      }),
    )
    expect(server.requests.map((q) => [q.instance, q.cold, q.timing.end])).toEqual([
      ['node1', true, 505],
      ['node1', true, 505],
      ['node1', true, 505],
      ['node1', false, 1100],
    ])
    expect(server.summary.instancesStarted).toBe(1)
  })

  it('ends a handler at maxDuration with a 504, leaving its connection checked out', async () => {
    const files = tree({
      'lib/db.ts': `import { Pool } from 'pg'\nexport const pool = new Pool({ max: 1 })\n`,
      'app/api/slow/route.ts': `
import { pool } from '@/lib/db'
export const maxDuration = 2
export async function GET() {
  const client = await pool.connect()
  await client.query('select pg_sleep(5)')
  client.release()
  return Response.json({ ok: true })
}
`,
      'app/api/count/route.ts': `
import { pool } from '@/lib/db'
export async function GET() {
  return Response.json({ total: pool.totalCount, idle: pool.idleCount })
}
`,
    })
    const r = ok(
      await engine.run({
        files,
        scenario: {
          requests: [{ path: '/api/slow' }, { path: '/api/count', at: 10_000 }],
          platform: { profile: 'fluid' },
        },
      }),
    )
    const [slow, count] = r.requests
    expect(slow.status).toBe(504)
    expect(slow.platformError).toBe('FUNCTION_INVOCATION_TIMEOUT')
    expect(slow.body).toContain('FUNCTION_INVOCATION_TIMEOUT')
    expect(slow.timing.end).toBe(260 + 2000)
    expect(JSON.parse(count.body)).toEqual({ total: 1, idle: 0 })
    expect(r.database.stats.openAtEnd).toBe(1)
  })

  it('a handler that never responds ends at maxDuration', async () => {
    const files = tree({ 'pages/api/hang.ts': `export default function handler(req, res) { /* forgot to respond */ }` })
    const r = ok(
      await engine.run({ files, scenario: { requests: [{ path: '/api/hang' }], platform: { maxDurationSeconds: 3 } } }),
    )
    expect(r.requests[0].status).toBe(504)
    expect(r.requests[0].timing.handlerMs).toBe(3000)
    expect(r.console.map((l) => l.text)).toContain(
      '[lab hint, from `next dev`] API resolved without sending a response for /api/hang, this may result in stalled requests. (Set `export const config = { api: { externalResolver: true } }` if another library sends it.)',
    )
  })

  it('after() work completes while a bare setTimeout after the response is lost', async () => {
    const files = tree({
      'app/api/signup/route.ts': `
import { after } from 'next/server'
export async function GET() {
  after(async () => {
    await new Promise((resolve) => setTimeout(resolve, 500))
    console.log('after: welcome email sent')
  })
  setTimeout(() => console.log('bare: analytics sent'), 1000)
  return Response.json({ ok: true })
}
`,
    })
    const r = ok(await engine.run({ files, scenario: { requests: [{ path: '/api/signup' }], runForMs: 5000 } }))
    expect(r.requests[0].status).toBe(200)
    expect(r.console.map((l) => l.text)).toEqual(['after: welcome email sent'])
    const events = r.timeline.filter((e) =>
      ['after-start', 'after-end', 'background-lost', 'instance-freeze'].includes(e.type),
    )
    expect(events).toEqual([
      { t: 255, type: 'after-start', instance: 'λ1', request: 0 },
      { t: 755, type: 'after-end', instance: 'λ1', request: 0 },
      { t: 755, type: 'background-lost', instance: 'λ1', request: 0, what: 'setTimeout (1000 ms)' },
      { t: 755, type: 'instance-freeze', instance: 'λ1' },
    ])
  })

  it('after() work of a request that waited for a pool client runs under that request', async () => {
    // Regression: the waiter used to resume in the context of the request that released the client,
    // so its after() work was filed under a request whose after() phase had already finished.
    const files = tree({
      'db/schema.sql': `${TODOS_SCHEMA}\ncreate table audit (id serial primary key, request int);`,
      'lib/db.ts': `import { Pool } from 'pg'\nexport const pool = new Pool({ max: 5 })\n`,
      'app/api/orders/route.ts': `
import { after } from 'next/server'
import { pool } from '@/lib/db'
export async function POST(request: Request) {
  const { n } = await request.json()
  await pool.query('select pg_sleep(0.05)')
  after(() => pool.query('insert into audit (request) values ($1)', [n]))
  return Response.json({ ok: true }, { status: 201 })
}
`,
    })
    const requests = Array.from({ length: 20 }, (_, n) => ({ method: 'POST', path: '/api/orders', body: { n } }))
    const r = ok(await engine.run({ files, scenario: { requests, platform: { profile: 'fluid' }, runForMs: 5000 } }))
    expect(r.requests.map((request) => request.status)).toEqual(Array(20).fill(201))
    expect(r.database.tables.find((table) => table.name === 'audit')?.rowCount).toBe(20)
    expect(r.timeline.filter((event) => event.type === 'after-end')).toHaveLength(20)
  })

  it('a GET with revalidate is cached only when its route file exports no mutating method', async () => {
    const cached = `import { Pool } from 'pg'\nconst pool = new Pool()\nexport const revalidate = 60\nexport async function GET() {\n  const { rows } = await pool.query('select 1')\n  return Response.json(rows)\n}\n`
    const plan = { requests: [{ path: '/api/list', count: 3, interval: 1000 }] }
    const alone = ok(await engine.run({ files: tree({ 'app/api/list/route.ts': cached }), scenario: plan }))
    expect(alone.database.stats.queries).toBe(1)
    const withPost = `${cached}export async function POST() {\n  return new Response(null, { status: 204 })\n}\n`
    const mixed = ok(await engine.run({ files: tree({ 'app/api/list/route.ts': withPost }), scenario: plan }))
    expect(mixed.database.stats.queries).toBe(3)
  })

  it('streams SSE chunks over virtual time', async () => {
    const files = tree({
      'app/api/events/route.ts': `
export async function GET() {
  const encoder = new TextEncoder()
  let i = 0
  const stream = new ReadableStream({
    start(controller) {
      const tick = () => {
        controller.enqueue(encoder.encode('data: ' + i + '\\n\\n'))
        if (++i === 3) controller.close()
        else setTimeout(tick, 100)
      }
      setTimeout(tick, 100)
    },
  })
  return new Response(stream, { headers: { 'content-type': 'text/event-stream' } })
}
`,
    })
    const r = ok(await engine.run({ files, scenario: { requests: [{ path: '/api/events' }] } }))
    const req = r.requests[0]
    expect(req.chunks).toEqual([
      { t: 355, text: 'data: 0\n\n' },
      { t: 455, text: 'data: 1\n\n' },
      { t: 555, text: 'data: 2\n\n' },
    ])
    expect(req.body).toBe('data: 0\n\ndata: 1\n\ndata: 2\n\n')
    expect(req.timing.end).toBe(555)
  })

  it('a proxy that answers 401 keeps every query away from the database', async () => {
    const files = tree({
      'proxy.ts': `
import { NextResponse, type NextRequest } from 'next/server'
export function proxy(request: NextRequest) {
  if (request.headers.get('authorization') !== 'Bearer secret') {
    return NextResponse.json({ error: 'unauthorized' }, { status: 401 })
  }
  return NextResponse.next()
}
export const config = { matcher: '/api/:path*' }
`,
      ...MODULE_POOL,
    })
    const r = ok(
      await engine.run({
        files,
        scenario: {
          requests: [
            { path: '/api/todos', count: 10 },
            { path: '/api/todos', at: 1000, headers: { Authorization: 'Bearer secret' } },
          ],
        },
      }),
    )
    expect(r.summary.byStatus).toEqual({ 200: 1, 401: 10 })
    expect(r.requests[0].body).toBe('{"error":"unauthorized"}')
    expect(r.database.stats.queries).toBe(1)
    const unauthorised = ok(await engine.run({ files, scenario: { requests: [{ path: '/api/todos', count: 10 }] } }))
    expect(unauthorised.database.stats.queries).toBe(0)
    expect(unauthorised.database.stats.connectionsOpened).toBe(0)
  })

  it('a cached GET spares the database over a trickle', async () => {
    const route = (revalidate: string) =>
      tree({
        'lib/db.ts': `import { Pool } from 'pg'\nexport const pool = new Pool()\n`,
        'app/api/todos/route.ts': `
import { pool } from '@/lib/db'
${revalidate}
export async function GET() {
  const { rows } = await pool.query('select id, title from todos order by id')
  return Response.json(rows)
}
`,
      })
    const scenario = {
      requests: [{ path: '/api/todos', count: 20, interval: 1000 }],
      platform: { profile: 'fluid' as const },
    }
    const uncached = ok(await engine.run({ files: route(''), scenario }))
    const cached = ok(await engine.run({ files: route('export const revalidate = 10'), scenario }))
    expect(uncached.database.stats.queries).toBe(20)
    // Miss at 0 s (stored at 288 ms); stale from 10.288 s, so the request at 11 s gets the stale copy and
    // triggers one background refresh; the next expiry (21 s) is after the run.
    expect(cached.database.stats.queries).toBe(2)
    expect(cached.requests.map((r) => r.headers['x-vercel-cache'])).toEqual([
      'MISS',
      ...Array(10).fill('HIT'),
      'STALE',
      ...Array(8).fill('HIT'),
    ])
    expect(cached.timeline.filter((e) => e.type === 'cache' && e.result === 'revalidate')).toHaveLength(1)
  })

  it('crons from vercel.json fire during runForMs with the cron secret', async () => {
    const files = tree({
      '.env': 'CRON_SECRET=s3cret\n',
      'vercel.json': JSON.stringify({ crons: [{ path: '/api/cron', schedule: '*/5 * * * *' }] }),
      'app/api/cron/route.ts': `
export async function GET(request: Request) {
  if (request.headers.get('authorization') !== 'Bearer ' + process.env.CRON_SECRET) return new Response('no', { status: 401 })
  return Response.json({ agent: request.headers.get('user-agent') })
}
`,
    })
    const r = ok(await engine.run({ files, scenario: { requests: [], runForMs: 11 * 60_000 } }))
    expect(r.timeline.filter((e) => e.type === 'cron').map((e) => e.t)).toEqual([300_000, 600_000])
    expect(r.requests.map((q) => q.status)).toEqual([200, 200])
    expect(r.requests[0].body).toBe('{"agent":"vercel-cron/1.0"}')
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
        "Module not found: Can't resolve 'axios' in app/api/x/route.ts. A build fails the same way when a package is not installed, and the lab cannot install packages. The lab provides next, next/server, next/headers, next/cache, next/navigation, pg, @vercel/functions, server-only, zod, fs, fs/promises, path, buffer, @aws-sdk/client-sqs, aws-lambda, bullmq, and this project's own files (relative paths or '@/'). The list, with what each module supports, is under \"What the lab provides\" on the Playground page (/playground/#what-the-lab-provides).",
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
})

// Routing and built-ins share this file's database (one PGlite per test file keeps the suite fast).
describe('handlers', () => {
  it('Pages Router: dynamic route, req.query, body parsing, cookies', async () => {
    const files: FileTree = {
      'pages/api/posts/[id].ts': `
export default function handler(req, res) {
  res.setHeader('x-method', req.method)
  res.status(201).json({ query: req.query, body: req.body, session: req.cookies.session, agent: req.headers['x-agent'] })
}
`,
      'pages/api/files/[...slug].ts': `export default (req, res) => res.send(req.query.slug.join('|'))`,
    }
    const r = ok(
      await engine.run({
        files,
        scenario: {
          requests: [
            {
              method: 'POST',
              path: '/api/posts/42?tab=comments&tag=a&tag=b',
              body: { title: 'Hi' },
              headers: { Cookie: 'session=abc', 'X-Agent': 'lab' },
            },
            {
              method: 'POST',
              path: '/api/posts/7',
              body: 'a=1&b=2',
              headers: { 'content-type': 'application/x-www-form-urlencoded' },
            },
            { path: '/api/files/a/b/c' },
          ],
        },
      }),
    )
    const [json, form, slug] = r.requests
    expect(json.status).toBe(201)
    expect(json.headers['x-method']).toBe('POST')
    expect(JSON.parse(json.body)).toEqual({
      query: { tab: 'comments', tag: ['a', 'b'], id: '42' },
      body: { title: 'Hi' },
      session: 'abc',
      agent: 'lab',
    })
    expect(JSON.parse(form.body).body).toEqual({ a: '1', b: '2' })
    expect(slug.body).toBe('a|b|c')
  })

  it('App Router: params is a Promise; a bare 405 (as in Next.js 16); automatic OPTIONS; HEAD falls back to GET', async () => {
    const files: FileTree = {
      'app/api/items/[id]/route.ts': `
import { NextResponse, type NextRequest } from 'next/server'
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  return NextResponse.json({ id, verbose: request.nextUrl.searchParams.get('verbose') })
}
export async function DELETE() {
  return new Response(null, { status: 204 })
}
`,
    }
    const r = ok(
      await engine.run({
        files,
        scenario: {
          requests: [
            { path: '/api/items/9?verbose=1' },
            { method: 'POST', path: '/api/items/9', body: {} },
            { method: 'OPTIONS', path: '/api/items/9' },
            { method: 'HEAD', path: '/api/items/9' },
          ],
        },
      }),
    )
    const [get, post, options, head] = r.requests
    expect(JSON.parse(get.body)).toEqual({ id: '9', verbose: '1' })
    expect(post.status).toBe(405)
    expect(post.headers.allow).toBeUndefined()
    expect(options.status).toBe(204)
    expect(options.headers.allow).toBe('DELETE, GET, HEAD, OPTIONS')
    expect(head.status).toBe(200)
    expect(head.body).toBe('')
  })

  it('unknown paths are 404; uncaught errors are 500 with the stack mapped to the file', async () => {
    const files: FileTree = {
      'app/api/boom/route.ts': `export async function GET() {\n  const data: any = undefined\n  return Response.json(data.items)\n}\n`,
    }
    const r = ok(await engine.run({ files, scenario: { requests: [{ path: '/api/nope' }, { path: '/api/boom' }] } }))
    expect(r.requests[0].status).toBe(404)
    expect(r.requests[1].status).toBe(500)
    expect(r.requests[1].error).toMatchObject({ kind: 'runtime', file: 'app/api/boom/route.ts', line: 3 })
    expect(r.requests[1].error?.message).toMatch(/^TypeError: Cannot read properties of undefined/)
    expect(r.console[0]).toMatchObject({ level: 'error', instance: 'λ1', request: 1 })
  })

  it('fetch reaches the app’s own routes but not the network', async () => {
    const files: FileTree = {
      'app/api/inner/route.ts': `export async function GET() { return Response.json({ inner: true }) }`,
      'app/api/outer/route.ts': `
export async function GET() {
  const own = await fetch('http://localhost:3000/api/inner').then((r) => r.json())
  let blocked = ''
  try { await fetch('https://example.com/') } catch (error: any) { blocked = error.message }
  return Response.json({ own, blocked })
}
`,
    }
    const r = ok(await engine.run({ files, scenario: { requests: [{ path: '/api/outer' }] } }))
    const body = JSON.parse(r.requests[0].body)
    expect(body.own).toEqual({ inner: true })
    expect(body.blocked).toMatch(/^fetch failed: https:\/\/example.com is not reachable from the lab/)
  })
})

describe('next/* built-ins', () => {
  it('cookies() and headers() are async and bound to the request; cookies().set adds Set-Cookie', async () => {
    const files: FileTree = {
      'app/api/me/route.ts': `
import { cookies, headers } from 'next/headers'
export async function GET() {
  const jar = await cookies()
  const h = await headers()
  jar.set('seen', '1', { httpOnly: true })
  return Response.json({ session: jar.get('session')?.value ?? null, agent: h.get('user-agent') })
}
`,
    }
    const r = ok(
      await engine.run({
        files,
        scenario: { requests: [{ path: '/api/me', headers: { cookie: 'session=s1', 'user-agent': 'lab-test' } }] },
      }),
    )
    expect(JSON.parse(r.requests[0].body)).toEqual({ session: 's1', agent: 'lab-test' })
    expect(r.requests[0].headers['set-cookie']).toBe('seen=1; Path=/; HttpOnly')
  })

  it('unstable_cache serves hits platform-wide and revalidateTag(tag, "max") serves stale while refreshing', async () => {
    const files: FileTree = {
      'db/schema.sql': 'create table n (v int); insert into n values (1);',
      'lib/data.ts': `
import { unstable_cache } from 'next/cache'
import { Pool } from 'pg'
const pool = new Pool()
export const getValue = unstable_cache(async () => (await pool.query('select v from n')).rows[0].v, ['value'], { tags: ['n'] })
`,
      'app/api/value/route.ts': `
import { getValue } from '@/lib/data'
export async function GET() { return Response.json({ v: await getValue() }) }
`,
      'app/api/bump/route.ts': `
import { revalidateTag } from 'next/cache'
import { Pool } from 'pg'
const pool = new Pool()
export async function POST() {
  await pool.query('update n set v = v + 1')
  revalidateTag('n', 'max')
  return Response.json({ ok: true })
}
`,
    }
    const r = ok(
      await engine.run({
        files,
        scenario: {
          platform: { profile: 'fluid' },
          requests: [
            { path: '/api/value' },
            { path: '/api/value', at: 1000 },
            { method: 'POST', path: '/api/bump', at: 2000 },
            { path: '/api/value', at: 3000 },
            { path: '/api/value', at: 4000 },
          ],
        },
      }),
    )
    expect(r.requests.map((q) => q.body)).toEqual(['{"v":1}', '{"v":1}', '{"ok":true}', '{"v":1}', '{"v":2}'])
    expect(r.timeline.filter((e) => e.type === 'cache').map((e) => e.type === 'cache' && e.result)).toEqual([
      'miss',
      'hit',
      'revalidate',
      'stale',
      'revalidate',
      'hit',
    ])
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
    expect(r).toEqual({ ok: false, error: { kind: 'timeout', message: 'The run was cancelled.' }, console: [] })
  })
})

describe('proxy', () => {
  it('rewrites, passes request headers on with NextResponse.next, and skips unmatched paths', async () => {
    const files: FileTree = {
      'middleware.ts': `
import { NextResponse } from 'next/server'
export function middleware(request) {
  if (request.nextUrl.pathname === '/api/old') return NextResponse.rewrite(new URL('/api/new', request.url))
  return NextResponse.next({ request: { headers: new Headers({ 'x-user': 'ada' }) }, headers: { 'x-proxied': '1' } })
}
export const config = { matcher: ['/api/old', '/api/new', '/api/who'] }
`,
      'app/api/new/route.ts': `export const GET = () => new Response('new')`,
      'app/api/who/route.ts': `export const GET = (request) => new Response(request.headers.get('x-user') ?? 'nobody')`,
      'app/api/open/route.ts': `export const GET = () => new Response('open')`,
    }
    const r = ok(
      await engine.run({
        files,
        scenario: { requests: [{ path: '/api/old' }, { path: '/api/who' }, { path: '/api/open' }] },
      }),
    )
    expect(r.requests.map((q) => q.body)).toEqual(['new', 'ada', 'open'])
    expect(r.requests[1].headers['x-proxied']).toBe('1')
    expect(r.requests[2].headers['x-proxied']).toBeUndefined()
  })
})
