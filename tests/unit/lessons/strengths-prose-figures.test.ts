/**
 * Figures the "Why API routes work" lessons quote that the per-lesson tests did not yet pin down
 * (found by the December 2026 fact-check, docs/fact-check/2026-12-strengths.md): the lab settings a
 * lesson names, the error a refused connection prints, and the run of HITs after the first MISS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadExample } from '@/lib/examples/load'
import { buildScenario } from '@/lib/examples/scenario'
import { DEFAULT_DATABASE, DEFAULT_PLATFORM } from '@/lib/lab/settings'
import { createTestEngine } from '@/lib/lab/testing/node-database'
import type { PlatformProfile, RunResult } from '@/lib/lab/types'

const engine = createTestEngine()
beforeAll(() => engine.ready())
afterAll(() => engine.close())

async function run(id: string, preset: string, profile?: PlatformProfile): Promise<RunResult> {
  const example = await loadExample(id)
  const outcome = await engine.run({ files: example.files, scenario: buildScenario(example.meta, preset, { profile }) })
  if (!outcome.ok) throw new Error(`${id}: ${outcome.error.message}`)
  return outcome
}

describe('serverless-scaling: the lab settings the lesson names', () => {
  it('a serverless cold start is 250 ms of runtime plus 5 ms per module; idle instances recycle after 10 minutes', () => {
    for (const profile of ['lambda', 'fluid'] as const) {
      expect(DEFAULT_PLATFORM[profile].coldStartMs).toBe(250)
      expect(DEFAULT_PLATFORM[profile].moduleEvalMs).toBe(5)
      expect(DEFAULT_PLATFORM[profile].freezeAfterIdleMs).toBe(0)
      expect(DEFAULT_PLATFORM[profile].recycleAfterIdleMs).toBe(10 * 60_000)
    }
  })

  it('one fluid instance takes 30 requests at once; a lambda instance takes 1', () => {
    expect(DEFAULT_PLATFORM.fluid.maxConcurrencyPerInstance).toBe(30)
    expect(DEFAULT_PLATFORM.lambda.maxConcurrencyPerInstance).toBe(1)
  })

  it('the server boots in 400 ms, once', async () => {
    expect(DEFAULT_PLATFORM.server.coldStartMs).toBe(400)
    const { requests } = await run('scaling-burst-and-trickle', 'Burst of 100', 'server')
    // 400 ms boot plus the route's two modules at 5 ms each, paid by the first request only.
    expect(requests[0].timing.coldStartMs).toBe(410)
  })

  it('a connection costs 25 ms and a query 3 ms', () => {
    expect(DEFAULT_DATABASE.connectLatencyMs).toBe(25)
    expect(DEFAULT_DATABASE.queryLatencyMs).toBe(3)
  })

  it('on lambda the 3 refused connections fail with 53300 and the reserved-slots message', async () => {
    const result = await run('scaling-burst-and-trickle', 'Burst of 100', 'lambda')
    expect(result.database.stats.errorsByCode).toEqual({ '53300': 3 })
    const refused = result.requests.filter((request) => request.status === 500)
    expect(refused).toHaveLength(3)
    for (const request of refused) {
      expect(request.error?.message).toBe(
        'error: remaining connection slots are reserved for roles with the SUPERUSER attribute (code 53300)',
      )
    }
  })
})

describe('isr-and-caching: the first hour of the cached route', () => {
  it('the first request is a MISS and the next ten are HITs served without a function', async () => {
    const result = await run('caching-revalidate', 'Cached: one a minute for an hour')
    const headers = result.requests.map((request) => request.headers['x-vercel-cache'])
    expect(headers[0]).toBe('MISS')
    expect(headers.slice(1, 11)).toEqual(Array(10).fill('HIT'))
    for (const request of result.requests.slice(1, 11)) expect(request.timing.handlerMs).toBe(0)
  })
})

describe('secrets: the broken search', () => {
  it('the apostrophe fails with syntax error at or near "s"', async () => {
    const result = await run('secrets-sql-injection-exercise', 'Search, apostrophe, injection')
    expect(result.requests[1].status).toBe(500)
    expect(result.requests[1].error?.message).toBe('error: syntax error at or near "s" (code 42601)')
  })
})
