/**
 * The tables as the run left them, read the way any other connection reads them: committed data.
 *
 * PGlite has one session. A transaction the reader's code left open (a function stopped at
 * maxDuration between BEGIN and COMMIT) is that session's transaction, so a plain SELECT at the end of
 * the run would read inside it and show its uncommitted writes as if they were saved, the opposite of
 * what Postgres shows everyone else. So when a transaction is open, the tables are read twice:
 * 1. inside it, as it sees them (its own writes, and which rows it holds locks on);
 * 2. after a ROLLBACK, which is the committed state: while a transaction is open every other
 *    connection's statements wait (server.ts), so nothing else can have committed since its BEGIN.
 * The run is over by then, and the next run starts from a reset anyway.
 */
import type { PGlite, Results } from '@electric-sql/pglite'
import type { TableDump, UncommittedRowState, UncommittedTable } from '../types'

export interface TablesRead {
  tables: TableDump[]
  /** Present when a transaction was open: whether its writes could be read (not when it had failed). */
  openTransaction?: { failed: boolean; counts?: Record<UncommittedRowState, number> }
}

interface TableInfo {
  name: string
  primaryKey: string[]
}

/** A row's identity (its primary key, or its whole text for a table without one) and its content. */
interface RowKey {
  key: string
  hash: string
  locked: boolean
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`

/** Read every table of `public`, committed data only; ROLLBACKs a transaction left open (see above). */
export async function readTables(pg: PGlite, maxRows: number): Promise<TablesRead> {
  if (!pg.isInTransaction()) return { tables: await readCommitted(pg, await listTables(pg), maxRows) }
  let inside: Array<{ rows: DisplayRows; keys: RowKey[] }> | null = null
  let tables: TableInfo[] = []
  try {
    tables = await listTables(pg)
    inside = []
    for (const table of tables) inside.push(await readTable(pg, table, maxRows))
  } catch {
    // An aborted transaction (25P02) refuses every statement but ROLLBACK: what it wrote cannot be read.
    inside = null
  }
  await pg.exec('ROLLBACK')
  if (!inside)
    return { tables: await readCommitted(pg, await listTables(pg), maxRows), openTransaction: { failed: true } }
  // DDL inside the transaction may have made or dropped tables: compare the tables both views have.
  const committedTables = await listTables(pg)
  const totals = emptyCounts()
  const result: TableDump[] = []
  for (const table of committedTables) {
    const committed = await readTable(pg, table, maxRows)
    const index = tables.findIndex((candidate) => candidate.name === table.name)
    const dump = toDump(table, committed.rows)
    if (index !== -1) {
      const uncommitted = compare(inside[index], committed, table.primaryKey.length > 0)
      for (const state of STATES) totals[state] += uncommitted.counts[state]
      if (STATES.some((state) => uncommitted.counts[state] > 0)) dump.uncommitted = uncommitted
    }
    result.push(dump)
  }
  return { tables: result, openTransaction: { failed: false, counts: totals } }
}

const STATES: UncommittedRowState[] = ['changed', 'inserted', 'deleted', 'locked']

function emptyCounts(): Record<UncommittedRowState, number> {
  return { changed: 0, inserted: 0, deleted: 0, locked: 0 }
}

async function listTables(pg: PGlite): Promise<TableInfo[]> {
  const [result] = await pg.exec(
    `SELECT c.relname AS name,
       (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM pg_index i
          CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
          JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
        WHERE i.indrelid = c.oid AND i.indisprimary) AS primary_key
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
  )
  return (result.rows as Array<{ name: string; primary_key: string[] | null }>).map((row) => ({
    name: row.name,
    primaryKey: row.primary_key ?? [],
  }))
}

function orderBy(table: TableInfo): string {
  return table.primaryKey.length ? ` ORDER BY ${table.primaryKey.map((column) => `t.${ident(column)}`).join(', ')}` : ''
}

/** The first rows of each table, with the total count, in one round trip into PGlite. */
async function readCommitted(pg: PGlite, tables: TableInfo[], maxRows: number): Promise<TableDump[]> {
  if (tables.length === 0) return []
  // Simple protocol; the window count rides along with the rows: one statement per table instead of two.
  const results = (await pg.exec(tables.map((table) => `${displayQuery(table, maxRows, false)};`).join('\n'), {
    rowMode: 'array',
  })) as Array<Results<unknown[]>>
  return tables.map((table, i) => toDump(table, splitDisplay(results[i], 1)))
}

interface DisplayRows {
  columns: string[]
  rows: unknown[][]
  rowCount: number
  /** Per row, with `withKeys`: its key. */
  keys: string[]
}

function displayQuery(table: TableInfo, maxRows: number, withKeys: boolean): string {
  const key = withKeys ? `, ${keyExpression(table)} AS lab_row_key` : ''
  return `SELECT t.*${key}, count(*) OVER () AS lab_row_count FROM public.${ident(table.name)} AS t${orderBy(table)} LIMIT ${maxRows}`
}

/** The primary key's values as text, or for a table without one the whole row's. */
function keyExpression(table: TableInfo): string {
  return table.primaryKey.length
    ? `ROW(${table.primaryKey.map((column) => `t.${ident(column)}`).join(', ')})::text`
    : 't::text'
}

/** `extra`: the trailing helper columns (the key, then the count). */
function splitDisplay(result: Results<unknown[]>, extra: number): DisplayRows {
  const width = result.fields.length - extra
  return {
    columns: result.fields.slice(0, width).map((field) => field.name),
    rows: result.rows.map((row) => row.slice(0, width).map(cloneable)),
    rowCount: result.rows.length ? Number(result.rows[0][result.fields.length - 1]) : 0,
    keys: extra > 1 ? result.rows.map((row) => String(row[width])) : [],
  }
}

async function readTable(
  pg: PGlite,
  table: TableInfo,
  maxRows: number,
): Promise<{ rows: DisplayRows; keys: RowKey[] }> {
  const [display, keys] = (await pg.exec(
    `${displayQuery(table, maxRows, true)};
     SELECT ${keyExpression(table)} AS key, md5(t::text) AS hash,
       coalesce(t.xmax::text = pg_current_xact_id_if_assigned()::text, false) AS locked
     FROM public.${ident(table.name)} AS t;`,
    { rowMode: 'array' },
  )) as Array<Results<unknown[]>>
  return {
    rows: splitDisplay(display, 2),
    keys: keys.rows.map(([key, hash, locked]) => ({ key: String(key), hash: String(hash), locked: locked === true })),
  }
}

function toDump(table: TableInfo, rows: DisplayRows): TableDump {
  return {
    name: table.name,
    columns: rows.columns,
    rows: rows.rows,
    rowCount: rows.rowCount,
    primaryKey: table.primaryKey,
  }
}

/**
 * What the open transaction did, row by row: by primary key, a row whose content differs was
 * changed, one only it sees was inserted, one only the others see was deleted, and an unchanged row
 * whose xmax is the transaction's own id is locked (`SELECT … FOR UPDATE`). A table without a primary
 * key has no row identity, so there an UPDATE shows as a deletion and an insertion, as MVCC stores
 * it. Locks taken inside a savepoint carry the savepoint's id and are not counted.
 */
function compare(
  inside: { rows: DisplayRows; keys: RowKey[] },
  committed: { rows: DisplayRows; keys: RowKey[] },
  hasPrimaryKey: boolean,
): UncommittedTable {
  const counts = emptyCounts()
  const ownStates = new Map<string, UncommittedRowState>()
  const committedStates = new Map<string, UncommittedRowState>()
  if (hasPrimaryKey) {
    const before = new Map(committed.keys.map((row) => [row.key, row.hash]))
    const after = new Set(inside.keys.map((row) => row.key))
    for (const row of inside.keys) {
      const old = before.get(row.key)
      const state: UncommittedRowState | null =
        old === undefined ? 'inserted' : old !== row.hash ? 'changed' : row.locked ? 'locked' : null
      if (!state) continue
      counts[state]++
      ownStates.set(row.key, state)
      if (state !== 'inserted') committedStates.set(row.key, state)
    }
    for (const row of committed.keys) {
      if (after.has(row.key)) continue
      counts.deleted++
      committedStates.set(row.key, 'deleted')
    }
  } else {
    // Rows are their own keys: compare the two views as multisets.
    const left = new Map<string, number>()
    for (const row of committed.keys) left.set(row.key, (left.get(row.key) ?? 0) + 1)
    for (const row of inside.keys) {
      const n = left.get(row.key) ?? 0
      if (n > 0) {
        left.set(row.key, n - 1)
        if (row.locked) {
          counts.locked++
          ownStates.set(row.key, 'locked')
          committedStates.set(row.key, 'locked')
        }
      } else {
        counts.inserted++
        ownStates.set(row.key, 'inserted')
      }
    }
    for (const [key, n] of left) {
      if (n === 0) continue
      counts.deleted += n
      committedStates.set(key, 'deleted')
    }
  }
  return {
    rowStates: committed.rows.keys.map((key) => committedStates.get(key) ?? null),
    rows: inside.rows.rows,
    rowCount: inside.rows.rowCount,
    ownRowStates: inside.rows.keys.map((key) => ownStates.get(key) ?? null),
    counts,
  }
}

/** Table cells go over postMessage and into JSON snapshots: keep them plain. */
function cloneable(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString()
  if (typeof v === 'bigint') return v.toString()
  if (v instanceof Uint8Array) return '\\x' + Array.from(v, (b) => b.toString(16).padStart(2, '0')).join('')
  return v
}
