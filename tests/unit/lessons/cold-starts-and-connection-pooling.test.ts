/**
 * Every number the lesson /where-they-hurt/cold-starts-and-connection-pooling/ quotes, from the
 * examples and presets the page tells the reader to run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { evaluateChecks } from '@/lib/examples/exercise-checks'
import { loadExample } from '@/lib/examples/load'
import { buildScenario } from '@/lib/examples/scenario'
import { createTestEngine } from '@/lib/lab/testing/node-database'
import type { FileTree, PlatformProfile, RunResult } from '@/lib/lab/types'

const engine = createTestEngine()
beforeAll(() => engine.ready())
afterAll(() => engine.close())

async function run(
  id: string,
  preset: string,
  options: { files?: FileTree; profile?: PlatformProfile } = {},
): Promise<RunResult> {
  const example = await loadExample(id)
  const outcome = await engine.run({
    files: options.files ?? example.files,
    scenario: buildScenario(example.meta, preset, { profile: options.profile }),
  })
  if (!outcome.ok) throw new Error(`${id} / ${preset}: ${outcome.error.message}`)
  return outcome
}

const duration = (result: RunResult, index: number) =>
  result.requests[index].timing.end - result.requests[index].timing.start

describe('one connection per request (pooling-pool-per-request)', () => {
  it('one request works: 200 in 283 ms', async () => {
    const result = await run('pooling-pool-per-request', 'One request')
    expect(result.requests).toHaveLength(1)
    expect(result.requests[0].status).toBe(200)
    expect(duration(result, 0)).toBe(283)
  })

  it('a burst of 50 on Fluid: 2 instances, 17 × 200, 33 × 500 with 53300, peak 17 of 20 (3 reserved for superusers)', async () => {
    const result = await run('pooling-pool-per-request', 'Burst of 50')
    expect(result.settings.platform.profile).toBe('fluid')
    expect(result.settings.platform.maxConcurrencyPerInstance).toBe(30)
    expect(result.summary.requests).toBe(50)
    expect(result.summary.instancesStarted).toBe(2)
    expect(result.summary.byStatus).toEqual({ 200: 17, 500: 33 })
    expect(result.summary.peakConnections).toBe(17)
    expect(result.summary.maxConnections).toBe(20)
    expect(result.settings.database.superuserReservedConnections).toBe(3)
    expect(result.database.stats.errorsByCode).toEqual({ '53300': 33 })
    const logged = result.console.filter((line) =>
      line.text.includes('remaining connection slots are reserved for roles with the SUPERUSER attribute (code 53300)'),
    )
    expect(logged).toHaveLength(33)
  })

  it('as a superuser, or with no reserved slots: 20 × 200, 30 × 500 and "sorry, too many clients already"', async () => {
    for (const database of [{ role: 'superuser' as const }, { superuserReservedConnections: 0 }]) {
      const example = await loadExample('pooling-pool-per-request')
      const scenario = buildScenario(example.meta, 'Burst of 50')
      const outcome = await engine.run({
        files: example.files,
        scenario: { ...scenario, database: { ...scenario.database, ...database } },
      })
      if (!outcome.ok) throw new Error(outcome.error.message)
      expect(outcome.summary.byStatus).toEqual({ 200: 20, 500: 30 })
      expect(outcome.summary.peakConnections).toBe(20)
      const logged = outcome.console.filter((line) =>
        line.text.includes('sorry, too many clients already (code 53300)'),
      )
      expect(logged).toHaveLength(30)
    }
  })

  it.each(['lambda', 'server'] as const)('the same burst on %s: still 17 × 200 and 33 × 500', async (profile) => {
    const result = await run('pooling-pool-per-request', 'Burst of 50', { profile })
    expect(result.summary.byStatus).toEqual({ 200: 17, 500: 33 })
  })
})

describe('one small pool per instance (pooling-module-pool)', () => {
  it('a burst of 50 on Fluid: all 200, peak 10 of 20 on 2 instances with max 5', async () => {
    const result = await run('pooling-module-pool', 'Burst of 50')
    expect(result.summary.byStatus).toEqual({ 200: 50 })
    expect(result.summary.peakConnections).toBe(10)
    expect(result.summary.maxConnections).toBe(20)
    expect(result.summary.instancesStarted).toBe(2)
    const ends = result.requests.map((request) => request.timing.end)
    expect(Math.min(...ends)).toBe(288)
    expect(Math.max(...ends)).toBe(303)
    expect((await loadExample('pooling-module-pool')).files['lib/db.ts']).toContain('max: 5,')
  })

  it('cold, then warm: 288 ms (250 + 10 + 25 + 3), then 3 ms on the same instance', async () => {
    const result = await run('pooling-module-pool', 'Cold, then warm')
    const [cold, warm] = result.requests
    expect(result.settings.platform.coldStartMs).toBe(250)
    expect(result.settings.database.connectLatencyMs).toBe(25)
    expect(result.settings.database.queryLatencyMs).toBe(3)
    expect(cold.cold).toBe(true)
    expect(duration(result, 0)).toBe(288)
    expect(cold.timing.coldStartMs).toBe(260)
    expect(cold.timing.databaseMs).toBe(28)
    expect(warm.timing.start).toBe(2000)
    expect(warm.cold).toBe(false)
    expect(warm.instance).toBe(cold.instance)
    expect(duration(result, 1)).toBe(3)
    expect(warm.timing.coldStartMs).toBe(0)
  })

  it('on Lambda: 50 instances, 17 × 200 and 33 × 500, p95 288 ms', async () => {
    const result = await run('pooling-module-pool', 'Burst of 50 on Lambda')
    expect(result.settings.platform.profile).toBe('lambda')
    expect(result.summary.instancesStarted).toBe(50)
    expect(result.summary.byStatus).toEqual({ 200: 17, 500: 33 })
    expect(result.database.stats.errorsByCode).toEqual({ '53300': 33 })
    expect(result.summary.p95Ms).toBe(288)
  })

  it('on Lambda behind a pooler of 17: 50 instances, all 200, peak 17 of 20, p95 313 ms', async () => {
    const result = await run('pooling-module-pool', 'Burst of 50 on Lambda, behind a pooler')
    expect(result.settings.database.pooler).toEqual({ maxClientConnections: 10_000, poolSize: 17 })
    expect(result.summary.instancesStarted).toBe(50)
    expect(result.summary.byStatus).toEqual({ 200: 50 })
    expect(result.summary.peakConnections).toBe(17)
    expect(result.summary.maxConnections).toBe(20)
    expect(result.summary.p95Ms).toBe(313)
  })

  it('burst, then quiet: both instances recycled after 10 minutes with 5 leaked connections each, 10 open at the end', async () => {
    const result = await run('pooling-module-pool', 'Burst, then quiet for 15 minutes')
    expect(result.settings.platform.recycleAfterIdleMs).toBe(600_000)
    const recycles = result.timeline.filter((event) => event.type === 'instance-recycle')
    expect(recycles).toHaveLength(2)
    for (const event of recycles) {
      expect(event.type === 'instance-recycle' && event.leakedConnections).toBe(5)
      expect(event.t).toBeGreaterThanOrEqual(600_000)
    }
    expect(result.database.stats.openAtEnd).toBe(10)
  })
})

describe('attachDatabasePool (pooling-attach-database-pool)', () => {
  it('closes the 10 idle connections 5 s after the burst; 0 open at the end, nothing leaked', async () => {
    const result = await run('pooling-attach-database-pool', 'Burst, then quiet for 15 minutes')
    expect(result.summary.byStatus).toEqual({ 200: 50 })
    const lastEnd = new Map<string, number>()
    for (const request of result.requests) {
      lastEnd.set(request.instance!, Math.max(lastEnd.get(request.instance!) ?? 0, request.timing.end))
    }
    const closes = result.timeline.filter((event) => event.type === 'db-disconnect')
    expect(closes).toHaveLength(10)
    const closeTimes = new Set(closes.map((event) => event.t))
    expect(closeTimes).toEqual(new Set([...lastEnd.values()].map((end) => end + 5_000)))
    for (const event of result.timeline) {
      if (event.type === 'instance-recycle') expect(event.leakedConnections).toBe(0)
    }
    expect(result.database.stats.openAtEnd).toBe(0)
  })

  it('on lambda (AWS Lambda, no Vercel environment) it does nothing: the connections leak as before', async () => {
    const result = await run('pooling-attach-database-pool', 'Burst, then quiet for 15 minutes', { profile: 'lambda' })
    expect(result.timeline.filter((event) => event.type === 'db-disconnect')).toHaveLength(0)
    expect(result.database.stats.openAtEnd).toBeGreaterThan(0)
  })
})

describe('exercise (pooling-burst-exercise)', () => {
  it('the starter: 4 instances, 17 × 200 and 83 × 500', async () => {
    const result = await run('pooling-burst-exercise', 'Burst of 100')
    expect(result.summary.requests).toBe(100)
    expect(result.summary.instancesStarted).toBe(4)
    expect(result.summary.byStatus).toEqual({ 200: 17, 500: 83 })
    expect(result.database.stats.errorsByCode).toEqual({ '53300': 83 })
  })

  it("moving the pool with pg's default max of 10 is not enough: 54 × 200 and 46 × 500", async () => {
    const example = await loadExample('pooling-burst-exercise')
    const solution = example.solution!
    const files = { ...solution, 'lib/db.ts': solution['lib/db.ts'].replace('max: 4,', 'max: 10,') }
    expect(files['lib/db.ts']).toContain('max: 10,')
    const result = await run('pooling-burst-exercise', 'Burst of 100', { files })
    expect(result.summary.instancesStarted).toBe(4)
    expect(result.summary.byStatus).toEqual({ 200: 54, 500: 46 })
  })

  it('the solution passes every check: 100 × 200, peak 16 of 20', async () => {
    const example = await loadExample('pooling-burst-exercise')
    const result = await run('pooling-burst-exercise', 'Burst of 100', { files: example.solution! })
    expect(result.summary.byStatus).toEqual({ 200: 100 })
    expect(result.summary.peakConnections).toBe(16)
    expect(evaluateChecks(example.meta.exercise!.checks, result).every((verdict) => verdict.pass)).toBe(true)
  })
})
