/**
 * How the database is reset between runs: a full reset, the short path when only data changed, and
 * the reset done ahead for a repeat (LabDatabase#resetAhead). Each gives the state a fresh schema gives.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { dataDirBlob } from '../snapshot/blob'
import { snapshotBytes } from '../snapshot/data-dir.mjs'
import { engineForTestFile, ok } from '../testing/engine-fixture'
import { QUERY_ROUTE, tree, TODOS_SCHEMA, TODOS_SEED } from '../testing/fixtures'
import { createEngine } from '../engine'
import { LabDatabase } from './pglite'
import type { RunInput, RunResult } from '../types'

const engine = engineForTestFile()

describe('reset between runs', () => {
  const post = (sql: string, values: unknown[] = []): RunInput => ({
    files: QUERY_ROUTE(sql),
    scenario: { requests: [{ method: 'POST', path: '/api/q', body: { values } }] },
  })
  /** The same run after a full reset: a schema.sql that differs by a space cannot take the short path. */
  const fullReset = (input: RunInput): RunInput => ({
    ...input,
    files: { ...input.files, 'db/schema.sql': `${input.files['db/schema.sql']} ` },
  })
  const comparable = (r: RunResult) => ({ requests: r.requests, timeline: r.timeline, database: r.database })

  it('a repeat run gives the result a fresh schema gives, sequences included', async () => {
    const insert = post('insert into todos (title) values ($1) returning id, created_at', ['Again'])
    const first = ok(await engine.run(fullReset(insert)))
    const repeat = ok(await engine.run(insert))
    const again = ok(await engine.run(insert))
    expect(JSON.parse(repeat.requests[0].body).rows).toEqual([{ id: 4, created_at: '2026-01-01T00:00:00.286Z' }])
    expect(comparable(repeat)).toEqual(comparable(first))
    expect(comparable(again)).toEqual(comparable(first))
  })

  it('takes the short path when only data changed: the table survives, with a new oid after DDL', async () => {
    const oid = post("select 'todos'::regclass::oid as oid")
    const oidOf = async (input: RunInput) =>
      JSON.parse(ok(await engine.run(input)).requests[0].body).rows[0].oid as number
    ok(await engine.run(oid)) // The database's first full reset leaves the short path for the next one.
    const first = await oidOf(oid)
    expect(await oidOf(oid)).toBe(first)
    ok(await engine.run(post('alter table todos add column extra int')))
    const afterDdl = await oidOf(oid)
    expect(afterDdl).not.toBe(first)
    expect(await oidOf(oid)).toBe(afterDdl)
  })

  it('a run that changed the schema is followed by a full reset', async () => {
    const list = post('select * from todos order by id')
    const fresh = ok(await engine.run(fullReset(list)))
    for (const ddl of [
      'alter table todos add column extra int default 7',
      'drop table todos',
      'create table extra (id int)',
      'create index todos_title on todos (title)',
      "comment on table todos is 'x'",
    ]) {
      ok(await engine.run(post(ddl)))
      const after = ok(await engine.run(list))
      expect(comparable(after), ddl).toEqual(comparable(fresh))
    }
  })

  it('DDL rolled back with its transaction leaves the short path open and the state intact', async () => {
    const files = tree({
      'lib/db.ts': `import { Pool } from 'pg'\nexport const pool = new Pool()\n`,
      'app/api/q/route.ts': `
import { pool } from '@/lib/db'
export async function POST() {
  const client = await pool.connect()
  await client.query('begin')
  await client.query('alter table todos drop column done')
  await client.query('rollback')
  client.release()
  const { rows } = await pool.query('select * from todos order by id')
  return Response.json(rows)
}
`,
    })
    const input = { files, scenario: { requests: [{ method: 'POST', path: '/api/q' }] } }
    const first = ok(await engine.run(fullReset(input)))
    const repeat = ok(await engine.run(input))
    expect(JSON.parse(repeat.requests[0].body)[0]).toHaveProperty('done')
    expect(comparable(repeat)).toEqual(comparable(first))
  })

  it('a schema.sql that inserts rows or draws random numbers still resets exactly', async () => {
    for (const extra of [
      "insert into todos (title) values ('from schema');",
      'create table picks (v float default random()); insert into picks default values;',
    ]) {
      const input = post('select * from todos order by id')
      input.files['db/schema.sql'] += `\n${extra}`
      const first = ok(await engine.run(input))
      ok(await engine.run(post('insert into todos (title) values ($1)', ['noise'])))
      const repeat = ok(await engine.run(input))
      expect(comparable(repeat), extra).toEqual(comparable(first))
    }
  })
})

describe('the reset for a repeat, done right after a run (LabDatabase#resetAhead)', () => {
  let db: LabDatabase
  beforeAll(async () => {
    db = await LabDatabase.create({ loadDataDir: dataDirBlob(new Uint8Array(await snapshotBytes())) })
  })
  afterAll(() => db.close())

  const titles = async () =>
    (await db.run('select id, title from todos order by id', undefined, 'array', 0))[0].rows.map((r) =>
      (r as unknown[]).join(' '),
    )
  const seeded = ['1 Buy milk', '2 Write lesson', '3 Ship it']
  /** The SQL a reset sends, and the state it leaves. */
  async function resetAndWatch(schema: string, seed: string, randomSeed = 1) {
    const exec = vi.spyOn(db.pg, 'exec')
    try {
      await db.reset(schema, seed, randomSeed)
      return exec.mock.calls.length
    } finally {
      exec.mockRestore()
    }
  }

  it('the first full reset leaves out the short-path setup (cold, slow); the next one does it', async () => {
    const triggers = async () =>
      (await db.run(`select count(*) as n from pg_event_trigger where evtname = 'lab_ddl'`, undefined, 'object', 0))[0]
        .rows[0]
    await db.reset(TODOS_SCHEMA, TODOS_SEED, 1)
    expect(await titles()).toEqual(seeded)
    expect(await triggers()).toEqual({ n: '0' })
    await db.reset(TODOS_SCHEMA, TODOS_SEED, 1)
    expect(await titles()).toEqual(seeded)
    expect(await triggers()).toEqual({ n: '1' })
  })

  it('leaves the next reset with the same arguments nothing to do, and the same state', async () => {
    await db.reset(TODOS_SCHEMA, TODOS_SEED, 1)
    await db.run("insert into todos (title) values ('noise')", undefined, 'object', 1000)
    await db.resetAhead(TODOS_SCHEMA, TODOS_SEED, 1)
    expect(await resetAndWatch(TODOS_SCHEMA, TODOS_SEED)).toBe(0)
    expect(await titles()).toEqual(seeded)
    await db.run("insert into todos (title) values ('noise')", undefined, 'object', 1000)
    expect((await db.run('select now()::text as now', undefined, 'object', 1000))[0].rows).toEqual([
      { now: '2026-01-01 00:00:01+00' },
    ])
  })

  it('is not used once a statement ran, or for other files or another random seed', async () => {
    await db.resetAhead(TODOS_SCHEMA, TODOS_SEED, 1)
    await db.run('select 1', undefined, 'object', 0)
    expect(await resetAndWatch(TODOS_SCHEMA, TODOS_SEED)).toBeGreaterThan(0)
    await db.resetAhead(TODOS_SCHEMA, TODOS_SEED, 1)
    expect(
      await resetAndWatch(TODOS_SCHEMA, `${TODOS_SEED} insert into todos (title) values ('Fourth');`),
    ).toBeGreaterThan(0)
    expect(await titles()).toEqual([...seeded, '4 Fourth'])
    await db.resetAhead(TODOS_SCHEMA, TODOS_SEED, 1)
    expect(await resetAndWatch(TODOS_SCHEMA, TODOS_SEED)).toBe(0)
    const random = async () => (await db.run('select random() as r', undefined, 'object', 0))[0].rows[0]
    await db.reset(TODOS_SCHEMA, TODOS_SEED, 2)
    const seededTwo = await random()
    await db.resetAhead(TODOS_SCHEMA, TODOS_SEED, 1)
    expect(await resetAndWatch(TODOS_SCHEMA, TODOS_SEED, 2)).toBeGreaterThan(0)
    expect(await random()).toEqual(seededTwo)
  })

  it('Engine#getReadyFor compiles and resets ahead of the run, which then sends no reset and gets the same result', async () => {
    const lab = createEngine({ database: db })
    const input: RunInput = {
      files: QUERY_ROUTE('insert into todos (title) values ($1) returning id, created_at'),
      scenario: { requests: [{ method: 'POST', path: '/api/q', body: { values: ['Again'] } }] },
    }
    const unready = ok(await lab.run(input, { resetAhead: false }))
    await lab.getReadyFor({ ...input, files: { ...input.files, 'db/seed.sql': '' } }, { signal: AbortSignal.abort() })
    await lab.getReadyFor(input)
    const exec = vi.spyOn(db.pg, 'exec')
    const readied = ok(await lab.run(input, { resetAhead: false }))
    const sent = exec.mock.calls.map(([sql]) => sql)
    exec.mockRestore()
    expect(sent.filter((sql) => /truncate|drop schema|create table/i.test(sql))).toEqual([])
    expect(JSON.parse(readied.requests[0].body).rows).toEqual([{ id: 4, created_at: '2026-01-01T00:00:00.286Z' }])
    expect(readied.requests).toEqual(unready.requests)
    expect(readied.database).toEqual(unready.database)
  })
})

describe('touchesSession', () => {
  it('flags statements that could change settings or statistics, and anything it cannot judge', async () => {
    const { touchesSession } = await import('./pglite')
    for (const sql of [
      "SET timezone = 'UTC'",
      '  -- comment\nreset all',
      "select set_config('a.b', '1', false)",
      'analyze todos',
      'do $$ begin end $$',
      'select 1; select 2',
    ]) {
      expect(touchesSession(sql), sql).toBe(true)
    }
    for (const sql of ['select * from todos', 'update todos set done = true where id = $1', 'begin', 'commit;']) {
      expect(touchesSession(sql), sql).toBe(false)
    }
    expect(touchesSession('create table t (id int);\nSET search_path = x;', true)).toBe(true)
    expect(touchesSession('create table t (id int);\ninsert into t values (1);', true)).toBe(false)
  })
})
