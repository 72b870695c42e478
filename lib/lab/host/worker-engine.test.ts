import { afterAll, describe, expect, it } from 'vitest'
import type { LabDatabase, LabDatabaseOptions } from '../database/pglite'
import { createTestEngine } from '../testing/node-database'
import type { DatabaseAssets } from './prefetch'
import { openLabDatabase, WARM_UP_RUN } from './worker-engine'

const assets = (snapshot: Blob | undefined): DatabaseAssets => ({
  snapshot: Promise.resolve(snapshot),
  pgliteWasmModule: Promise.resolve(undefined),
  fsBundle: Promise.resolve(undefined),
})
const FAKE = {} as LabDatabase

describe('openLabDatabase', () => {
  it('starts from the snapshot when there is one', async () => {
    const calls: LabDatabaseOptions[] = []
    const snapshot = new Blob(['tar'])
    await expect(openLabDatabase(assets(snapshot), async (o) => (calls.push(o), FAKE))).resolves.toBe(FAKE)
    expect(calls).toHaveLength(1)
    expect(calls[0].loadDataDir).toBe(snapshot)
  })

  it('falls back to initdb without a snapshot, or when PGlite cannot load it', async () => {
    const calls: LabDatabaseOptions[] = []
    await openLabDatabase(assets(undefined), async (o) => (calls.push(o), FAKE))
    expect(calls.map((o) => o.loadDataDir)).toEqual([undefined])
    calls.length = 0
    await openLabDatabase(assets(new Blob(['not a tarball'])), async (o) => {
      calls.push(o)
      if (o.loadDataDir) throw new Error('File is corrupted')
      return FAKE
    })
    expect(calls.map((o) => !!o.loadDataDir)).toEqual([true, false])
  })
})

describe('the warm-up run', () => {
  const engine = createTestEngine()
  afterAll(() => engine.close())

  it('runs cleanly, so it really warms the compile, reset and query paths', async () => {
    const outcome = await engine.run(WARM_UP_RUN)
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    expect(outcome.requests.map((r) => [r.status, r.body])).toEqual([
      [200, '[{"id":1,"name":"a"},{"id":2,"name":"c"}]'],
      [200, '{"count":"2"}'],
      [200, '{"count":"2"}'],
    ])
  }, 60_000)
})
