/** The pool's life: end(), its options, release, max uses and lifetime, min idle, the connect hook, callbacks. */
import type { PgCase } from '../schema'
import { PG, POOL } from './sources'

export const poolLifecycleCases: PgCase[] = [
  {
    id: 'pool-end-waits',
    title: 'pool.end() resolves only once checked-out clients are released and closed',
    source: `${POOL} (end, _pulseQueue)`,
    code: `
const pool = new pg.Pool({ connectionString: url })
const order = []
const client = await pool.connect()
const ended = pool.end().then(() => order.push('ended'))
await sleep(50)
order.push('release')
client.release()
await ended
return { order, ended: pool.ended }
`,
    expect: { order: ['release', 'ended'], ended: true },
  },
  {
    id: 'pool-end-twice',
    title: 'A second pool.end() rejects; a pool that ended refuses connect()',
    source: `${POOL} (end, connect)`,
    code: `
const pool = new pg.Pool({ connectionString: url })
await pool.query('SELECT 1')
await pool.end()
return { again: await errorOf(pool.end()), connect: await errorOf(pool.connect()) }
`,
    expect: {
      again: { message: 'Called end on pool more than once' },
      connect: { message: 'Cannot use a pool after calling end on the pool' },
    },
  },
  {
    id: 'explicit-undefined-options',
    title: 'Options given as undefined keep pg-pool defaults',
    source: `${POOL} (constructor)`,
    code: `
const pool = new pg.Pool({ connectionString: url, max: undefined, idleTimeoutMillis: undefined, min: undefined })
const { max, idleTimeoutMillis, min, maxUses } = pool.options
await pool.end()
return { max, idleTimeoutMillis, min, maxUses: String(maxUses) }
`,
    expect: { max: 10, idleTimeoutMillis: 10000, min: 0, maxUses: 'Infinity' },
  },
  {
    id: 'release-true',
    title: "release(true) reports true in 'release' and removes the client",
    source: `${POOL} (_release)`,
    code: `
const pool = new pg.Pool({ connectionString: url })
const events = []
pool.on('release', (err) => events.push(['release', err]))
pool.on('remove', () => events.push(['remove']))
const client = await pool.connect()
client.release(true)
const removedAtOnce = events.length
await sleep(50)
const twice = (() => { try { client.release(); return null } catch (e) { return e.message } })()
await pool.end()
return { events, removedAtOnce, total: pool.totalCount, twice }
`,
    expect: {
      events: [['release', true], ['remove']],
      removedAtOnce: 1,
      total: 0,
      twice: 'Release called on client which has already been released to the pool.',
    },
  },
  {
    id: 'max-uses',
    title: 'maxUses retires a client after that many checkouts',
    source: `${POOL} (_release: maxUses)`,
    code: `
const pool = new pg.Pool({ connectionString: url, maxUses: 2 })
let connects = 0
pool.on('connect', () => connects++)
for (let i = 0; i < 5; i++) await pool.query('SELECT 1')
await pool.end()
return connects
`,
    expect: 3,
  },
  {
    id: 'max-lifetime',
    title: 'maxLifetimeSeconds retires an idle client once it has lived that long',
    source: `${POOL} (_afterConnect: maxLifetimeSeconds)`,
    code: `
const pool = new pg.Pool({ connectionString: url, maxLifetimeSeconds: 1 })
let removed = 0
pool.on('remove', () => removed++)
await pool.query('SELECT 1')
const before = pool.totalCount
await sleep(1300)
const result = { before, after: pool.totalCount, removed }
await pool.end()
return result
`,
    expect: { before: 1, after: 0, removed: 1 },
  },
  {
    id: 'min-idle-clients',
    title: 'min keeps that many idle clients past idleTimeoutMillis',
    source: `${POOL} (_release: _isAboveMin)`,
    code: `
const pool = new pg.Pool({ connectionString: url, min: 1, idleTimeoutMillis: 100 })
await Promise.all([pool.query('SELECT pg_sleep(0.1)'), pool.query('SELECT pg_sleep(0.1)')])
const busy = pool.totalCount
await sleep(700)
const result = { busy, idle: pool.idleCount, total: pool.totalCount }
await pool.end()
return result
`,
    expect: { busy: 2, idle: 1, total: 1 },
  },
  {
    id: 'on-connect-hook',
    title: 'A connect hook runs on each new client before it is handed out',
    source: `${POOL} (newClient: hooks.connect)`,
    code: `
let ran = 0
const pool = new pg.Pool({ connectionString: url, onConnect: async () => { ran++ }, hooks: { connect: async () => { ran++ } } })
await pool.query('SELECT 1')
await pool.query('SELECT 1')
await pool.end()
return ran > 0
`,
    expect: true,
  },
  {
    id: 'callbacks',
    title:
      'Callback forms: pool.query(text, cb), pool.query(text, values, cb), pool.connect(cb), client.query(text, cb)',
    source: 'https://node-postgres.com/apis/pool',
    code: `
const pool = new pg.Pool({ connectionString: url })
const a = await new Promise((resolve) => pool.query('SELECT 1 AS n', (err, res) => resolve(err ? err.message : res.rows[0].n)))
const b = await new Promise((resolve) => pool.query('SELECT $1::int AS n', [2], (err, res) => resolve(err ? err.message : res.rows[0].n)))
const c = await new Promise((resolve) =>
  pool.connect((err, client, done) =>
    client.query('SELECT 3 AS n', (err2, res) => { done(); resolve(typeof done === 'function' && !err && !err2 ? res.rows[0].n : 'error') }),
  ),
)
await pool.end()
return [a, b, c]
`,
    expect: [1, 2, 3],
  },
  {
    id: 'client-reuse-and-closed',
    title: 'A client connects once, and refuses queries after end()',
    source: PG,
    code: `
const client = new pg.Client(url)
await client.connect()
const again = await errorOf(client.connect())
await client.end()
const closed = await errorOf(client.query('SELECT 1'))
return { again, closed }
`,
    expect: {
      again: { message: 'Client has already been connected. You cannot reuse a client.' },
      closed: { message: 'Client was closed and is not queryable' },
    },
  },
]
