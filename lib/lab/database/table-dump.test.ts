/**
 * The Database tab's data: committed rows, as any other connection reads them, ordered by primary key,
 * plus what a transaction still open at the end of the run did (table-dump.ts). The lesson
 * (pages/where-they-hurt/serverless-database-limits.mdx) says the close-month function stops after
 * 199 of 240 updates with no COMMIT: none of them is saved.
 */
import { describe, expect, it } from 'vitest'
import { loadExample } from '@/lib/examples/load'
import { buildScenario } from '@/lib/examples/scenario'
import { engineForTestFile, ok } from '../testing/engine-fixture'
import { tree } from '../testing/fixtures'
import type { RunResult, TableDump } from '../types'

const engine = engineForTestFile()

const column = (table: TableDump, name: string) => table.rows.map((row) => row[table.columns.indexOf(name)])
const table = (r: RunResult, name: string) => r.database.tables.find((t) => t.name === name)!

describe('the long transaction left open at maxDuration', () => {
  it('shows the committed invoices (all still open), ordered by id, and labels the 199 uncommitted changes', async () => {
    const example = await loadExample('limits-long-transaction')
    const r = ok(
      await engine.run({ files: example.files, scenario: buildScenario(example.meta, example.meta.defaultPreset) }),
    )
    expect(r.requests.map((q) => q.status)).toEqual([504, 504])
    const invoices = table(r, 'invoices')
    expect(invoices.primaryKey).toEqual(['id'])
    expect(invoices.rowCount).toBe(240)
    // Ordered by the primary key: 1…100, not the storage order the UPDATEs left (200…240, then 1…).
    expect(column(invoices, 'id')).toEqual(Array.from({ length: 100 }, (_, i) => i + 1))
    // Committed data: no COMMIT ran, so every invoice is still open, as other connections see it.
    expect(new Set(column(invoices, 'status'))).toEqual(new Set(['open']))
    expect(new Set(column(invoices, 'tax_cents'))).toEqual(new Set([null]))
    expect(r.database.openTransaction).toEqual({
      connection: 1,
      instance: 'λ1',
      since: expect.any(Number),
      failed: false,
      counts: { changed: 199, inserted: 0, deleted: 0, locked: 41 },
    })
    expect(r.database.openTransaction!.since).toBeLessThan(1000)
    const uncommitted = invoices.uncommitted!
    expect(uncommitted.counts).toEqual({ changed: 199, inserted: 0, deleted: 0, locked: 41 })
    expect(uncommitted.rowStates).toEqual(Array(100).fill('changed'))
    // The transaction's own view: what it wrote, marked as such, in the same order.
    expect(uncommitted.rowCount).toBe(240)
    const own = { ...invoices, rows: uncommitted.rows }
    expect(column(own, 'id')).toEqual(Array.from({ length: 100 }, (_, i) => i + 1))
    expect(new Set(column(own, 'status'))).toEqual(new Set(['closed']))
  }, 120_000)

  it('on Lambda the timeout closes the session, the transaction rolls back, and nothing is left open', async () => {
    const example = await loadExample('limits-long-transaction')
    const scenario = buildScenario(example.meta, example.meta.defaultPreset, { profile: 'lambda' })
    const r = ok(await engine.run({ files: example.files, scenario }))
    expect(r.database.openTransaction).toBeUndefined()
    const invoices = table(r, 'invoices')
    expect(invoices.uncommitted).toBeUndefined()
    expect(column(invoices, 'id').slice(0, 3)).toEqual([1, 2, 3])
    // The PATCH answered at once and its write is committed.
    expect(r.requests[1].status).toBe(200)
    expect(invoices.rows[0][invoices.columns.indexOf('paid')]).toBe(true)
  }, 120_000)
})

const leaveOpen = (sql: string[]) =>
  tree({
    'db/schema.sql': `create table todos (id serial primary key, title text not null);
create table notes (body text);`,
    'db/seed.sql': `insert into todos (title) values ('a'), ('b'), ('c'), ('d');
insert into notes values ('x'), ('y');`,
    'app/api/go/route.ts': `import { Client } from 'pg'
export async function POST() {
  const client = new Client()
  await client.connect()
  ${sql.map((statement) => `await client.query(${JSON.stringify(statement)}).catch(() => {})`).join('\n  ')}
  // Never committed: the function returns with the transaction open and the client never closed.
  return Response.json({ ok: true })
}`,
  })

describe('a transaction left open by a route', () => {
  it('labels changed, inserted, deleted and locked rows, and keeps the committed rows in key order', async () => {
    const files = leaveOpen([
      'BEGIN',
      'SELECT * FROM todos WHERE id = 4 FOR UPDATE',
      "UPDATE todos SET title = 'B' WHERE id = 2",
      "INSERT INTO todos (title) VALUES ('e')",
      'DELETE FROM todos WHERE id = 3',
      "INSERT INTO notes VALUES ('z')",
      "DELETE FROM notes WHERE body = 'x'",
    ])
    const r = ok(
      await engine.run({
        files,
        scenario: { platform: { profile: 'fluid' }, requests: [{ method: 'POST', path: '/api/go' }] },
      }),
    )
    expect(r.requests[0].status).toBe(200)
    const todos = table(r, 'todos')
    expect(todos.rows.map((row) => row.slice(0, 2))).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
      [4, 'd'],
    ])
    expect(todos.uncommitted!.rowStates).toEqual([null, 'changed', 'deleted', 'locked'])
    expect(todos.uncommitted!.rows.map((row) => row.slice(0, 2))).toEqual([
      [1, 'a'],
      [2, 'B'],
      [4, 'd'],
      [5, 'e'],
    ])
    expect(todos.uncommitted!.ownRowStates).toEqual([null, 'changed', 'locked', 'inserted'])
    // Without a primary key a row has no identity: rows only one view has are inserted or deleted.
    const notes = table(r, 'notes')
    expect(notes.primaryKey).toEqual([])
    expect(notes.rows).toEqual([['x'], ['y']])
    expect(notes.uncommitted!.rowStates).toEqual(['deleted', null])
    expect(notes.uncommitted!.counts).toEqual({ changed: 0, inserted: 1, deleted: 1, locked: 0 })
    expect(r.database.openTransaction).toMatchObject({
      failed: false,
      counts: { changed: 1, inserted: 2, deleted: 2, locked: 1 },
    })
    expect(r.database.openTransaction!.instance).toBe('λ1')
  }, 120_000)

  it('a failed transaction is named as open and failed; its writes are not shown as committed', async () => {
    const files = leaveOpen(['BEGIN', "UPDATE todos SET title = 'B' WHERE id = 2", 'SELECT 1 / 0'])
    const r = ok(
      await engine.run({
        files,
        scenario: { platform: { profile: 'fluid' }, requests: [{ method: 'POST', path: '/api/go' }] },
      }),
    )
    expect(r.database.openTransaction).toMatchObject({ failed: true, instance: 'λ1' })
    expect(r.database.openTransaction!.counts).toBeUndefined()
    expect(table(r, 'todos').rows.map((row) => row[1])).toEqual(['a', 'b', 'c', 'd'])
  }, 120_000)

  it('the next run starts clean: no transaction, same committed rows', async () => {
    const files = leaveOpen(['SELECT 1'])
    const r = ok(
      await engine.run({
        files,
        scenario: { platform: { profile: 'fluid' }, requests: [{ method: 'POST', path: '/api/go' }] },
      }),
    )
    expect(r.database.openTransaction).toBeUndefined()
    expect(table(r, 'todos').uncommitted).toBeUndefined()
    expect(table(r, 'todos').rows.map((row) => row[1])).toEqual(['a', 'b', 'c', 'd'])
  }, 120_000)
})
