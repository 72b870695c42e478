/** What a query returns: row counts and commands, fields, type parsing, parameters, errors, escaping, status. */
import type { PgCase } from '../schema'
import { PG } from './sources'

export const resultsAndTypesCases: PgCase[] = [
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
