/**
 * `db-pool-checkout` / `db-pool-release`: every client a `pg` pool hands to code, and every one it
 * gets back, with the count checked out of all pools after it. Prisma 7's driver adapter uses the
 * lab's `pg` Pool, so its checkouts are the same events (the Timeline draws them as connections in use).
 */
import { describe, expect, it } from 'vitest'
import { loadExample } from '@/lib/examples/load'
import { buildScenario } from '@/lib/examples/scenario'
import { engineForTestFile, ok } from '../testing/engine-fixture'
import type { RunResult } from '../types'

const engine = engineForTestFile()

async function run(id: string, preset: string): Promise<RunResult> {
  const example = await loadExample(id)
  return ok(await engine.run({ files: example.files, scenario: buildScenario(example.meta, preset) }))
}

function checkouts(result: RunResult) {
  const events = result.timeline.filter((e) => e.type === 'db-pool-checkout' || e.type === 'db-pool-release')
  return {
    out: events.filter((e) => e.type === 'db-pool-checkout'),
    back: events.filter((e) => e.type === 'db-pool-release'),
    peak: Math.max(0, ...events.map((e) => e.checkedOut)),
    last: events[events.length - 1]?.checkedOut,
  }
}

describe('pool checkouts', () => {
  it('a module-scope pg pool: 50 checkouts on 10 connections, each naming its request and instance, all given back', async () => {
    const result = await run('pooling-module-pool', 'Burst of 50')
    const { out, back, peak, last } = checkouts(result)
    expect(out).toHaveLength(50)
    expect(back).toHaveLength(50)
    expect(result.summary.peakConnections).toBe(10)
    expect(peak).toBe(10)
    expect(last).toBe(0)
    expect(out.every((e) => e.type === 'db-pool-checkout' && e.request !== undefined && e.instance)).toBe(true)
  })

  it('Prisma, one client per instance: the adapter’s pool checks out 50 times on 10 connections', async () => {
    const { out, peak, last } = checkouts(await run('prisma-module-client', 'Burst of 50'))
    expect(out).toHaveLength(50)
    expect(peak).toBe(10)
    expect(last).toBe(0)
  })

  it('Prisma, a client per request: 17 checkouts; the 33 refused connections never reach code', async () => {
    const result = await run('prisma-client-per-request', 'Burst of 50')
    expect(checkouts(result).out).toHaveLength(17)
    expect(result.timeline.filter((e) => e.type === 'db-connect-refused')).toHaveLength(33)
  })
})
