import { describe, expect, it } from 'vitest'
import { ok, engineForTestFile } from '../testing/engine-fixture'
import { MODULE_POOL, TODOS_SCHEMA, tree } from '../testing/fixtures'
import type { FileTree } from '../types'

const engine = engineForTestFile()

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
