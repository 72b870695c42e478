/**
 * The pg conformance cases. Each names the node-postgres or PostgreSQL source of the behaviour it
 * checks; run on the lab by lab.test.ts and on the real `pg` package + a real PostgreSQL server by
 * examples/verify/scripts/pg-conformance.ts. Case code is plain JavaScript (see schema.ts).
 */
import { NOTIFY_CASES } from './cases-notify'
import { pgCaseSchema, type PgCase } from './schema'

/** Helpers every case's code may use. */
export const CASE_PRELUDE = `
const errorOf = async (promise) => {
  try { await promise; return null } catch (e) { return { message: e.message, code: e.code } }
}
`

const PG = 'brianc/node-postgres:packages/pg/lib/client.js'
const POOL = 'brianc/node-postgres:packages/pg-pool/index.js'
const RESERVED_16 = 'remaining connection slots are reserved for roles with the SUPERUSER attribute'
const RESERVED_15 = 'remaining connection slots are reserved for non-replication superuser connections'

/** Opens clients until the server refuses one; reports how many it got and the refusal. */
const FILL = `
const clients = []
let refusal = null
for (let i = 0; i < 40 && !refusal; i++) {
  const client = new pg.Client(url)
  client.on('error', () => {})
  try { await client.connect(); clients.push(client) } catch (e) { refusal = { code: e.code, message: e.message } }
}
for (const client of clients) await client.end()
return { opened: clients.length, refusal }
`

const cases: PgCase[] = [
  {
    id: 'rollback-after-error',
    title: 'ROLLBACK after an error inside a transaction runs and ends it',
    source: 'https://node-postgres.com/features/transactions',
    setup: "CREATE TABLE users (email text PRIMARY KEY); INSERT INTO users VALUES ('ada@example.com');",
    code: `
const client = new pg.Client(url)
await client.connect()
const seen = [client.getTransactionStatus()]
await client.query('BEGIN')
seen.push(client.getTransactionStatus())
const error = await errorOf(client.query('INSERT INTO users VALUES ($1)', ['ada@example.com']))
// pg rejects on the ErrorResponse; the status comes with the ReadyForQuery right behind it.
await sleep(20)
seen.push(client.getTransactionStatus())
const rollback = await client.query('ROLLBACK')
seen.push(client.getTransactionStatus())
const { rows } = await client.query('SELECT count(*)::int AS n FROM users')
await client.end()
return { seen, code: error.code, rollback: rollback.command, n: rows[0].n }
`,
    expect: { seen: ['I', 'T', 'E', 'I'], code: '23505', rollback: 'ROLLBACK', n: 1 },
  },
  {
    id: 'aborted-transaction-refuses',
    title: 'An aborted transaction refuses every statement but ROLLBACK with 25P02',
    source: 'postgres/postgres:src/backend/tcop/postgres.c (IsAbortedTransactionBlockState)',
    code: `
const client = new pg.Client(url)
await client.connect()
await client.query('BEGIN')
await errorOf(client.query('SELECT 1/0'))
const refused = await errorOf(client.query('SELECT 1'))
await client.query('ROLLBACK')
await client.end()
return refused
`,
    expect: {
      code: '25P02',
      message: 'current transaction is aborted, commands ignored until end of transaction block',
    },
  },
  {
    id: 'commit-of-failed-transaction',
    title: 'COMMIT of a failed transaction rolls it back and reports ROLLBACK',
    source: 'postgres/postgres:src/backend/access/transam/xact.c (EndTransactionBlock)',
    code: `
const client = new pg.Client(url)
await client.connect()
await client.query('BEGIN')
await errorOf(client.query('SELECT 1/0'))
const commit = await client.query('COMMIT')
const status = client.getTransactionStatus()
await client.end()
return { command: commit.command, status }
`,
    expect: { command: 'ROLLBACK', status: 'I' },
  },
  {
    id: 'app-role-reserved-slots',
    title: 'An ordinary role gets max_connections less the superuser-reserved slots, then 53300',
    source: 'postgres/postgres:src/backend/utils/init/postinit.c (InitPostgres, ReservedConnections)',
    code: FILL,
    expect: { opened: 17, refusal: { code: '53300', message: RESERVED_16 } },
    expectBefore16: { opened: 17, refusal: { code: '53300', message: RESERVED_15 } },
  },
  {
    id: 'superuser-too-many-clients',
    title: 'A superuser gets every slot, then "sorry, too many clients already"',
    source: 'postgres/postgres:src/backend/storage/lmgr/proc.c (InitProcess)',
    database: { role: 'superuser' },
    code: FILL,
    expect: { opened: 20, refusal: { code: '53300', message: 'sorry, too many clients already' } },
  },
  {
    id: 'no-reserved-slots',
    title: 'With superuser_reserved_connections = 0 an ordinary role gets every slot and the same message',
    source: 'https://www.postgresql.org/docs/current/runtime-config-connection.html#GUC-SUPERUSER-RESERVED-CONNECTIONS',
    database: { superuserReservedConnections: 0 },
    code: FILL,
    expect: { opened: 20, refusal: { code: '53300', message: 'sorry, too many clients already' } },
  },
  {
    id: 'pool-max',
    title: 'A pool opens at most max clients; the rest wait',
    source: POOL,
    code: `
const pool = new pg.Pool({ connectionString: url, max: 2 })
const queries = Array.from({ length: 5 }, () => pool.query('SELECT 1'))
const waiting = pool.waitingCount
await Promise.all(queries)
const result = { waiting, total: pool.totalCount, idle: pool.idleCount }
await pool.end()
return result
`,
    expect: { waiting: 3, total: 2, idle: 2 },
  },
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
  {
    id: 'row-count-and-command',
    title: 'rowCount is null for statements whose tag has no count; command is the tag',
    source: 'brianc/node-postgres:packages/pg/lib/result.js (addCommandComplete)',
    code: `
const client = new pg.Client(url)
await client.connect()
const out = []
for (const sql of ['BEGIN', 'CREATE TEMP TABLE t (n int)', 'INSERT INTO t VALUES (1), (2)', 'UPDATE t SET n = n + 1', 'SELECT * FROM t', 'DELETE FROM t WHERE n = 2', 'COMMIT']) {
  const r = await client.query(sql)
  out.push([r.command, r.rowCount])
}
await client.end()
return out
`,
    expect: [
      ['BEGIN', null],
      ['CREATE', null],
      ['INSERT', 2],
      ['UPDATE', 2],
      ['SELECT', 2],
      ['DELETE', 1],
      ['COMMIT', null],
    ],
  },
  {
    id: 'fields',
    title: 'fields describe each column',
    source: 'brianc/node-postgres:packages/pg-protocol/src/messages.ts (Field)',
    code: `
const client = new pg.Client(url)
await client.connect()
const { fields } = await client.query('SELECT 1::int AS n, \\'x\\'::text AS t')
await client.end()
return { names: fields.map((f) => f.name), types: fields.map((f) => f.dataTypeID), keys: Object.keys(fields[0]).sort() }
`,
    expect: {
      names: ['n', 't'],
      types: [23, 25],
      keys: ['columnID', 'dataTypeID', 'dataTypeModifier', 'dataTypeSize', 'format', 'name', 'tableID'],
    },
    labDiffers: {
      why: 'PGlite reports only the name and type of each column, so the lab gives name, dataTypeID and format (always "text"), not tableID, columnID, dataTypeSize or dataTypeModifier.',
      expect: { names: ['n', 't'], types: [23, 25], keys: ['dataTypeID', 'format', 'name'] },
    },
  },
  {
    id: 'arrays-and-numbers',
    title: 'int4 and float8 are numbers, int8 and numeric strings; in arrays, numeric is a number too (pg-types)',
    source: 'brianc/node-pg-types:lib/textParsers.js',
    code: `
const client = new pg.Client(url)
await client.connect()
const { rows } = await client.query("SELECT 1::int4 AS i, 2::int8 AS b, 1.5::numeric AS n, 2.5::float8 AS f, ARRAY[1,2]::int4[] AS ia, ARRAY[3]::int8[] AS ba, ARRAY[1.5]::numeric[] AS na, ARRAY[0.5]::float8[] AS fa, ARRAY['a','b'] AS ta, ARRAY[true] AS boa")
await client.end()
return rows[0]
`,
    expect: {
      i: 1,
      b: '2',
      n: '1.5',
      f: 2.5,
      ia: [1, 2],
      ba: ['3'],
      na: [1.5],
      fa: [0.5],
      ta: ['a', 'b'],
      boa: [true],
    },
  },
  {
    id: 'bytea-buffer',
    title: 'bytea comes back as a Buffer',
    source: 'brianc/node-pg-types:lib/textParsers.js (parseByteA)',
    code: `
const client = new pg.Client(url)
await client.connect()
const { rows } = await client.query("SELECT '\\\\x0102ff'::bytea AS b")
await client.end()
return { buffer: Buffer.isBuffer(rows[0].b), bytes: Array.from(rows[0].b) }
`,
    expect: { buffer: true, bytes: [1, 2, 255] },
  },
  {
    id: 'parameters-prepared-as-pg-does',
    title: 'Objects become JSON, arrays become Postgres arrays, toPostgres() is used, null stays null',
    source: 'brianc/node-postgres:packages/pg/lib/utils.js (prepareValue)',
    code: `
const client = new pg.Client(url)
await client.connect()
const { rows } = await client.query('SELECT $1::text AS o, $2::jsonb AS j, $3::int[] AS a, $4::text AS c, $5::text AS z', [
  { a: 1 }, { b: [1, 2] }, [1, null, 3], { toPostgres: () => 'custom' }, null,
])
const arrayToJson = await errorOf(client.query('SELECT $1::jsonb AS j', [[1, 2]]))
await client.end()
return { row: rows[0], arrayToJson: arrayToJson && arrayToJson.code }
`,
    expect: { row: { o: '{"a":1}', j: { b: [1, 2] }, a: [1, null, 3], c: 'custom', z: null }, arrayToJson: '22P02' },
  },
  {
    id: 'per-query-types',
    title: "A query's own types.getTypeParser decides how its columns are parsed",
    source: 'https://node-postgres.com/features/queries#types',
    code: `
const client = new pg.Client(url)
await client.connect()
const types = { getTypeParser: (oid) => (oid === 1700 ? (v) => Number(v) * 2 : (v) => 'raw:' + v) }
const { rows } = await client.query({ text: 'SELECT 1.5::numeric AS n, 7::int4 AS i', types })
await client.end()
return rows[0]
`,
    expect: { n: 3, i: 'raw:7' },
  },
  {
    id: 'error-fields',
    title: 'A server error carries code, severity and position, named "error" as in pg-protocol',
    source: 'brianc/node-postgres:packages/pg-protocol/src/messages.ts (DatabaseError)',
    code: `
const client = new pg.Client(url)
await client.connect()
let out = null
try { await client.query('SELECT nope FROM missing_table') } catch (e) {
  out = { name: e.name, code: e.code, severity: e.severity, position: e.position, message: e.message, isDatabaseError: e instanceof pg.DatabaseError }
}
await client.end()
return out
`,
    expect: {
      name: 'error',
      code: '42P01',
      severity: 'ERROR',
      position: '18',
      message: 'relation "missing_table" does not exist',
      isDatabaseError: true,
    },
  },
  {
    id: 'deadlock',
    title: 'Two transactions that lock two rows in opposite order: one gets 40P01',
    source: 'postgres/postgres:src/backend/storage/lmgr/deadlock.c (DeadLockReport)',
    setup: 'CREATE TABLE counters (id int PRIMARY KEY, n int NOT NULL); INSERT INTO counters VALUES (1, 0), (2, 0);',
    code: `
const a = new pg.Client(url)
const b = new pg.Client(url)
await a.connect()
await b.connect()
await a.query('BEGIN')
await a.query('UPDATE counters SET n = n + 1 WHERE id = 1')
const second = (async () => {
  await b.query('BEGIN')
  await b.query('UPDATE counters SET n = n + 1 WHERE id = 2')
  const error = await errorOf(b.query('UPDATE counters SET n = n + 1 WHERE id = 1'))
  await b.query(error ? 'ROLLBACK' : 'COMMIT')
  return error && error.code
})()
await sleep(100)
const first = await errorOf(a.query('UPDATE counters SET n = n + 1 WHERE id = 2'))
await a.query(first ? 'ROLLBACK' : 'COMMIT')
const codes = [first && first.code, await second].filter(Boolean)
await a.end()
await b.end()
return codes
`,
    expect: ['40P01'],
    labDiffers: {
      why: 'PGlite has one session, so the lab runs transactions one after another: the second waits for the first to end, row locks never conflict, and nothing deadlocks.',
      expect: [],
    },
  },
  {
    id: 'escape-identifier-and-literal',
    title: 'escapeIdentifier and escapeLiteral quote text so the server reads it back unchanged',
    source: 'brianc/node-postgres:packages/pg/lib/utils.js (escapeIdentifier, escapeLiteral)',
    code: `
const client = new pg.Client(url)
await client.connect()
const text = "it's a " + String.fromCharCode(92) + 'path'
const sql = 'SELECT ' + pg.escapeLiteral(text) + ' AS ' + client.escapeIdentifier('Say "hi"') + ', ' + pg.escapeLiteral("it's") + ' AS plain'
const { rows } = await client.query(sql)
await client.end()
return { sql, row: rows[0] }
`,
    expect: {
      sql: `SELECT  E'it''s a \\\\path' AS "Say ""hi""", 'it''s' AS plain`,
      row: { 'Say "hi"': "it's a \\path", plain: "it's" },
    },
  },
  {
    id: 'transaction-status-null-before-connect',
    title: 'getTransactionStatus() is null before the connection is ready',
    source: `${PG} (getTransactionStatus, _handleReadyForQuery)`,
    code: `
const client = new pg.Client(url)
const before = client.getTransactionStatus()
await client.connect()
const after = client.getTransactionStatus()
await client.end()
return [before, after]
`,
    expect: [null, 'I'],
  },
]

export const PG_CASES: PgCase[] = [...cases, ...NOTIFY_CASES].map((c) => pgCaseSchema.parse(c))
