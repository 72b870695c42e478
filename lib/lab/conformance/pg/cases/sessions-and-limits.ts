/** Transactions on one connection, and how many connections the server allows. */
import type { PgCase } from '../schema'
import { POOL, RESERVED_16, RESERVED_15, FILL } from './sources'

export const sessionsAndLimitsCases: PgCase[] = [
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
]
