/**
 * The numbers quoted on pages/why-api-routes-work/serverless-scaling.mdx: each preset the page
 * names, on each platform profile it names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadExample } from '@/lib/examples/load'
import { buildScenario } from '@/lib/examples/scenario'
import { createTestEngine } from '@/lib/lab/testing/node-database'
import type { FileTree, PlatformProfile, RunResult } from '@/lib/lab/types'

const engine = createTestEngine()
beforeAll(() => engine.ready())
afterAll(() => engine.close())

// Several tests read the same run; the engine is deterministic, so run each combination once.
const runs = new Map<string, Promise<RunResult>>()

function run(id: string, preset: string, profile?: PlatformProfile, files?: FileTree): Promise<RunResult> {
  const key = JSON.stringify([id, preset, profile, files === undefined])
  if (!runs.has(key)) runs.set(key, runOnce(id, preset, profile, files))
  return runs.get(key)!
}

async function runOnce(id: string, preset: string, profile?: PlatformProfile, files?: FileTree): Promise<RunResult> {
  const example = await loadExample(id)
  const outcome = await engine.run({
    files: files ?? example.files,
    scenario: buildScenario(example.meta, preset, { profile }),
  })
  if (!outcome.ok) throw new Error(`${id}: ${outcome.error.message}`)
  return outcome
}

const EXAMPLE = 'scaling-burst-and-trickle'

describe('Burst of 100', () => {
  it.each([
    // profile, instances, peak connections, refused, p50, p95
    ['lambda', 100, 97, 3, 288, 288],
    ['fluid', 4, 20, 0, 294, 303],
    ['server', 1, 5, 0, 465, 492],
  ] as const)(
    '%s: %i instances, peak %i connections, %i refused, p50 %i ms, p95 %i ms',
    async (profile, instances, peak, refused, p50, p95) => {
      const { summary } = await run(EXAMPLE, 'Burst of 100', profile)
      expect(summary.requests).toBe(100)
      // 100 connections less the 3 superuser_reserved_connections: 97 for the app's role.
      expect(summary.byStatus).toEqual(refused ? { 200: 100 - refused, 500: refused } : { 200: 100 })
      expect(summary.instancesStarted).toBe(instances)
      expect(summary.peakConnections).toBe(peak)
      expect(summary.maxConnections).toBe(100)
      expect(summary.p50Ms).toBe(p50)
      expect(summary.p95Ms).toBe(p95)
    },
  )

  it('fluid: all 100 requests count as cold, though only 4 instances started', async () => {
    const { summary } = await run(EXAMPLE, 'Burst of 100', 'fluid')
    expect(summary.coldStarts).toBe(100)
  })

  it('a cold request costs 288 ms on lambda: 260 ms start-up, 25 ms connect, 3 ms query', async () => {
    const { requests } = await run(EXAMPLE, 'Burst of 100', 'lambda')
    expect(requests[0].timing).toMatchObject({ coldStartMs: 260, handlerMs: 28, databaseMs: 28, end: 288 })
  })
})

describe('Trickle: one every 5 minutes', () => {
  it.each(['lambda', 'fluid'] as const)(
    '%s: 12 requests, 1 instance, 1 cold start, p50 28 ms, p95 288 ms',
    async (profile) => {
      const { summary } = await run(EXAMPLE, 'Trickle: one every 5 minutes', profile)
      expect(summary.requests).toBe(12)
      expect(summary.instancesStarted).toBe(1)
      expect(summary.coldStarts).toBe(1)
      expect(summary.p50Ms).toBe(28)
      expect(summary.p95Ms).toBe(288)
    },
  )

  it('lambda: the instance freezes between requests and is never recycled', async () => {
    const { timeline } = await run(EXAMPLE, 'Trickle: one every 5 minutes', 'lambda')
    expect(timeline.some((e) => e.type === 'instance-freeze')).toBe(true)
    expect(timeline.some((e) => e.type === 'instance-recycle')).toBe(false)
  })
})

describe('Sparse: one every 15 minutes', () => {
  it.each(['lambda', 'fluid'] as const)(
    '%s: 5 instances, 5 cold starts, p50 288 ms, 5 connections left open',
    async (profile) => {
      const result = await run(EXAMPLE, 'Sparse: one every 15 minutes', profile)
      expect(result.summary.requests).toBe(5)
      expect(result.summary.instancesStarted).toBe(5)
      expect(result.summary.coldStarts).toBe(5)
      expect(result.summary.p50Ms).toBe(288)
      expect(result.database.stats.openAtEnd).toBe(5)
      expect(result.timeline.filter((e) => e.type === 'instance-recycle')).toHaveLength(4)
    },
  )

  it('server: 1 cold start and a p50 of 28 ms', async () => {
    const { summary } = await run(EXAMPLE, 'Sparse: one every 15 minutes', 'server')
    expect(summary.coldStarts).toBe(1)
    expect(summary.p50Ms).toBe(28)
  })
})

describe('scaling-init-exercise, "Steady: 60 requests, one every 500 ms"', () => {
  const PRESET = 'Steady: 60 requests, one every 500 ms'

  it('the starter: p50 and p95 206 ms, 120 queries', async () => {
    const { summary } = await run('scaling-init-exercise', PRESET)
    expect(summary.requests).toBe(60)
    expect(summary.p50Ms).toBe(206)
    expect(summary.p95Ms).toBe(206)
    expect(summary.databaseQueries).toBe(120)
  })

  it('the solution: p50 and p95 3 ms, 61 queries', async () => {
    const { solution } = await loadExample('scaling-init-exercise')
    const { summary } = await run('scaling-init-exercise', PRESET, undefined, solution!)
    expect(summary.byStatus).toEqual({ 200: 60 })
    expect(summary.p50Ms).toBe(3)
    expect(summary.p95Ms).toBe(3)
    expect(summary.databaseQueries).toBe(61)
  })
})
