/**
 * pages/where-they-hurt/serverless-database-limits.mdx says what a timed-out function leaves behind on
 * each platform: on Fluid compute (the lesson's default) and on a `next start` server the process lives
 * on, so the transaction stays open with its locks; on AWS Lambda the timeout resets the execution
 * environment, its socket closes and Postgres rolls the transaction back. The lab agrees, per profile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadExample } from '@/lib/examples/load'
import { buildScenario } from '@/lib/examples/scenario'
import { createTestEngine } from '@/lib/lab/testing/node-database'
import type { RunResult } from '@/lib/lab/types'

const engine = createTestEngine()
beforeAll(() => engine.ready())
afterAll(() => engine.close())

async function closeMonthOn(profile: 'lambda' | 'fluid' | 'server'): Promise<RunResult> {
  const example = await loadExample('limits-long-transaction')
  const scenario = buildScenario(example.meta, example.meta.defaultPreset)
  scenario.platform = { ...scenario.platform, profile }
  const outcome = await engine.run({ files: example.files, scenario })
  if (!outcome.ok) throw new Error(outcome.error.message)
  return outcome
}

describe('a transaction left open by a timed-out function', () => {
  it('Fluid compute: stays open with its locks; the next writer waits and times out too', async () => {
    const result = await closeMonthOn('fluid')
    expect(result.requests.map((request) => request.status)).toEqual([504, 504])
    expect(result.database.stats.openAtEnd).toBe(2)
  })

  it('next start server: the process lives on, so the transaction does too', async () => {
    const result = await closeMonthOn('server')
    expect(result.requests[0].status).toBe(504)
    expect(result.requests[1].status).toBe(504)
  })

  it('AWS Lambda: the timeout resets the environment, the socket closes, Postgres rolls back, the next writer succeeds', async () => {
    const result = await closeMonthOn('lambda')
    const [close, patch] = result.requests
    expect(close.status).toBe(504)
    expect(patch.status).toBe(200)
    expect(patch.timing.end - patch.timing.start).toBeLessThan(5_000)
    // The connection closes the moment the function times out, and the instance is gone with it.
    expect(result.timeline).toContainEqual({
      t: close.timing.end,
      type: 'db-disconnect',
      connection: 1,
      reason: 'client',
    })
    expect(result.timeline).toContainEqual({
      t: close.timing.end,
      type: 'instance-recycle',
      instance: 'λ1',
      leakedConnections: 0,
    })
    expect(patch.instance).not.toBe(close.instance)
    expect(result.database.stats.openAtEnd).toBe(1)
  })
})
