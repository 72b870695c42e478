/** Timeouts (the server's, the client's, the pool's) and where a connection's errors go. */
import type { PgCase } from '../schema'
import { PG, POOL } from './sources'

export const timeoutsAndErrorsCases: PgCase[] = [
  {
    id: 'client-statement-timeout',
    title: 'statement_timeout in the client config cancels a long statement with 57014',
    source: `${PG} (getStartupConf: statement_timeout)`,
    code: `
const client = new pg.Client({ connectionString: url, statement_timeout: 100 })
await client.connect()
const error = await errorOf(client.query('SELECT pg_sleep(2)'))
const after = await client.query('SELECT 1 AS one')
await client.end()
return { error, after: after.rows[0].one }
`,
    expect: { error: { code: '57014', message: 'canceling statement due to statement timeout' }, after: 1 },
  },
  {
    id: 'pool-statement-timeout',
    title: 'statement_timeout in the pool config reaches every client',
    source: `${PG} (getStartupConf: statement_timeout)`,
    code: `
const pool = new pg.Pool({ connectionString: url, statement_timeout: 100 })
const error = await errorOf(pool.query('SELECT pg_sleep(2)'))
await pool.end()
return error
`,
    expect: { code: '57014', message: 'canceling statement due to statement timeout' },
  },
  {
    id: 'query-timeout',
    title: 'query_timeout makes the client give up with "Query read timeout"',
    source: `${PG} (query: readTimeout)`,
    code: `
const client = new pg.Client({ connectionString: url, query_timeout: 100 })
await client.connect()
const error = await errorOf(client.query('SELECT pg_sleep(0.5)'))
await sleep(600)
await client.end()
return error
`,
    expect: { message: 'Query read timeout', code: undefined },
  },
  {
    id: 'idle-in-transaction-timeout',
    title: 'idle_in_transaction_session_timeout closes the connection with 25P03',
    source: 'postgres/postgres:src/backend/tcop/postgres.c (IdleInTransactionSessionTimeout)',
    code: `
const client = new pg.Client({ connectionString: url, idle_in_transaction_session_timeout: 100 })
const events = []
client.on('error', (e) => events.push({ code: e.code, message: e.message }))
await client.connect()
await client.query('BEGIN')
await sleep(500)
const next = await errorOf(client.query('SELECT 1'))
return { events, next }
`,
    expect: {
      events: [
        { code: '25P03', message: 'terminating connection due to idle-in-transaction timeout' },
        { message: 'Connection terminated unexpectedly' },
      ],
      next: { message: 'Client has encountered a connection error and is not queryable' },
    },
  },
  {
    id: 'checked-out-client-error',
    title: "A checked-out client's error goes to the client's listeners, not the pool's",
    source: `${POOL} (makeIdleListener, _acquireClient)`,
    code: `
const pool = new pg.Pool({ connectionString: url, idle_in_transaction_session_timeout: 100 })
const poolErrors = []
pool.on('error', (e) => poolErrors.push(e.code))
const client = await pool.connect()
const clientErrors = []
client.on('error', (e) => clientErrors.push(e.code))
await client.query('BEGIN')
await sleep(500)
client.release(true)
await pool.end()
return { poolErrors, clientErrors }
`,
    expect: { poolErrors: [], clientErrors: ['25P03', null] },
  },
  {
    id: 'pool-wait-timeout',
    title: 'connectionTimeoutMillis bounds the wait for a free client',
    source: `${POOL} (connect: timeout exceeded when trying to connect)`,
    code: `
const pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 100 })
const held = await pool.connect()
const error = await errorOf(pool.connect())
held.release()
await pool.end()
return error
`,
    expect: { message: 'timeout exceeded when trying to connect', code: undefined },
  },
  {
    id: 'failed-query-removes-client',
    title: 'A failed pool.query releases its client with the error, which closes it',
    source: `${POOL} (query: client.release(err); _release)`,
    code: `
const pool = new pg.Pool({ connectionString: url })
const events = []
pool.on('connect', () => events.push('connect'))
pool.on('remove', () => events.push('remove'))
const error = await errorOf(pool.query('SELECT 1/0'))
await sleep(50)
const total = pool.totalCount
await pool.query('SELECT 1')
await pool.end()
await sleep(50)
return { code: error.code, total, events }
`,
    expect: { code: '22012', total: 0, events: ['connect', 'remove', 'connect', 'remove'] },
  },
]
