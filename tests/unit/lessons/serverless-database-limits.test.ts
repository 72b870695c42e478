/**
 * The numbers quoted on pages/where-they-hurt/serverless-database-limits.mdx,
 * each from the preset the page tells the reader to run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadExample } from '@/lib/examples/load'
import { buildScenario } from '@/lib/examples/scenario'
import { createTestEngine } from '@/lib/lab/testing/node-database'
import type { RunResult, TimelineEvent } from '@/lib/lab/types'

const engine = createTestEngine()
beforeAll(() => engine.ready())
afterAll(() => engine.close())

async function run(id: string, options: { preset?: string; solution?: boolean } = {}): Promise<RunResult> {
  const example = await loadExample(id)
  const files = options.solution ? example.solution! : example.files
  const outcome = await engine.run({
    files,
    scenario: buildScenario(example.meta, options.preset ?? example.meta.defaultPreset),
  })
  if (!outcome.ok) throw new Error(outcome.error.message)
  return outcome
}

const queries = (result: RunResult) =>
  result.timeline.filter((e) => e.type === 'db-query') as Array<TimelineEvent & { type: 'db-query' }>
const duration = (result: RunResult, index: number) =>
  result.requests[index].timing.end - result.requests[index].timing.start

describe('limits-long-transaction', () => {
  it('times out at 300 s with 199 of 240 invoices updated, and blocks the next writer', async () => {
    const result = await run('limits-long-transaction')
    const [close, patch] = result.requests
    expect(result.settings.platform.maxDurationSeconds).toBe(300)
    expect(close.status).toBe(504)
    expect(close.platformError).toBe('FUNCTION_INVOCATION_TIMEOUT')
    expect(close.timing.handlerMs).toBe(300_000)
    expect(close.timing.end).toBe(300_265)
    expect(queries(result).filter((q) => q.sql.startsWith('UPDATE invoices SET tax_cents')).length).toBe(199)
    expect(queries(result).some((q) => q.sql === 'COMMIT')).toBe(false)
    // The PATCH at 310 s waits for the abandoned transaction and times out too.
    expect(patch.timing.start).toBe(310_000)
    expect(patch.status).toBe(504)
    expect(patch.timing.end).toBe(610_005)
    // Both connections are still open when the run ends.
    expect(result.database.stats.openAtEnd).toBe(2)
    expect(result.connections.at(-1)).toEqual({ t: 610_005, open: 2 })
  })
})

describe('limits-statement-timeout', () => {
  it('without statement_timeout, the 420 s query outlives the function: 504 at 300 s', async () => {
    const result = await run('limits-statement-timeout', { preset: 'No statement_timeout' })
    expect(result.requests[0].status).toBe(504)
    expect(result.requests[0].timing.handlerMs).toBe(300_000)
    expect(result.database.stats.errors).toBe(0)
  })

  it('with statement_timeout = 10 s, the database cancels it (57014) and the route answers 503 in 10.3 s', async () => {
    const result = await run('limits-statement-timeout', { preset: 'statement_timeout = 10 s' })
    expect(result.requests[0].status).toBe(503)
    expect(duration(result, 0)).toBe(10_288)
    expect(result.database.stats.errorsByCode).toEqual({ '57014': 1 })
  })
})

describe('limits-quota-spike and limits-quota-cached', () => {
  it('uncached: 150 queries succeed, the other 110 requests get 503 (53400)', async () => {
    const result = await run('limits-quota-spike')
    expect(result.summary.requests).toBe(260)
    expect(result.summary.byStatus).toEqual({ 200: 150, 503: 110 })
    expect(result.database.stats.errorsByCode).toEqual({ '53400': 110 })
    // The quiet hour uses 60 of the 150; the spike gets 90 answers before the quota runs out.
    expect(result.requests.slice(60).filter((r) => r.status === 200)).toHaveLength(90)
  })

  it('cached for 60 s: all 260 answer 200 with 31 queries', async () => {
    const result = await run('limits-quota-cached')
    expect(result.summary.byStatus).toEqual({ 200: 260 })
    expect(result.database.stats.queries).toBe(31)
    expect(result.database.stats.errors).toBe(0)
  })
})

describe('limits-close-month-exercise', () => {
  it('the solution closes all 240 in 36.3 s with 2 queries', async () => {
    const result = await run('limits-close-month-exercise', { solution: true })
    expect(result.requests[0].status).toBe(200)
    expect(JSON.parse(result.requests[0].body)).toEqual({ closed: 240 })
    expect(duration(result, 0)).toBe(36_321)
    expect(result.database.stats.queries).toBe(2)
  })
})
