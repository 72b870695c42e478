import { gunzipSync } from 'node:zlib'
import { PGlite } from '@electric-sql/pglite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LabDatabase } from '../database/pglite'
import { LAB_SETUP_CHECK_SQL, LAB_SETUP_ID } from '../database/setup-sql.mjs'
import { dataDirBlob } from './blob'
import { snapshotBytes } from './data-dir.mjs'

/** The names in a ustar archive (the snapshot is a gzipped one). */
function tarNames(tar: Uint8Array): string[] {
  const names: string[] = []
  const text = new TextDecoder()
  for (let at = 0; at + 512 <= tar.length;) {
    const header = tar.subarray(at, at + 512)
    if (header.every((byte) => byte === 0)) break
    names.push(text.decode(header.subarray(0, 100)).replace(/\0.*$/s, ''))
    const size = parseInt(text.decode(header.subarray(124, 136)).replace(/\0.*$/s, '').trim() || '0', 8)
    at += 512 + Math.ceil(size / 512) * 512
  }
  return names
}

describe('the database snapshot', () => {
  let bytes: Uint8Array<ArrayBuffer>
  let pg: PGlite

  beforeAll(async () => {
    bytes = new Uint8Array(await snapshotBytes())
    pg = await PGlite.create({ loadDataDir: dataDirBlob(bytes) })
  })
  afterAll(() => pg?.close())

  it('holds one database and one WAL segment, so the worker has little to unpack', () => {
    const names = tarNames(gunzipSync(bytes))
    expect(names.filter((name) => /^\/base\/\d+$/.test(name))).toHaveLength(1)
    expect(names.filter((name) => /^\/pg_wal\/[0-9A-F]{24}$/.test(name))).toHaveLength(1)
    expect(gunzipSync(bytes).length).toBeLessThan(12_000_000)
  })

  it('loads with only the postgres database and the settings that make a start cheap', async () => {
    const rows = async (sql: string) => (await pg.query<Record<string, string>>(sql)).rows
    expect(await rows('SELECT datname FROM pg_database')).toEqual([{ datname: 'postgres' }])
    expect(await rows('SELECT pg_is_in_recovery()::text AS recovery')).toEqual([{ recovery: 'false' }])
    expect(await rows('SHOW data_checksums')).toEqual([{ data_checksums: 'off' }])
    expect(await rows('SHOW shared_buffers')).toEqual([{ shared_buffers: '16MB' }])
  })
  it("holds the lab's own objects, so LabDatabase.create() need not make them before the first run", async () => {
    expect((await pg.query<{ setup: string }>(LAB_SETUP_CHECK_SQL)).rows).toEqual([{ setup: LAB_SETUP_ID }])
    const now = await pg.query<{ now: string }>(`SELECT lab_clock.now()::text AS now`)
    expect(now.rows).toEqual([{ now: '2026-01-01 00:00:00+00' }])
  })
  it("makes the lab's objects itself on a data directory that lacks them", async () => {
    await pg.exec('DROP SCHEMA lab_clock CASCADE')
    const database = await LabDatabase.create({ loadDataDir: await pg.dumpDataDir('none') })
    try {
      const [now] = await database.run('SELECT now()::text AS now', undefined, 'object', 1000)
      expect(now.rows).toEqual([{ now: '2026-01-01 00:00:01+00' }])
    } finally {
      await database.close()
    }
  })
})
