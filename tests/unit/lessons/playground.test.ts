/**
 * The numbers the playground's "Things to try" quotes (pages/playground.mdx): each suggestion must
 * show a change on the platform it names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadExample } from '@/lib/examples/load'
import { buildScenario } from '@/lib/examples/scenario'
import { createTestEngine } from '@/lib/lab/testing/node-database'
import type { PlatformProfile, RunResult } from '@/lib/lab/types'

const engine = createTestEngine()
beforeAll(() => engine.ready())
afterAll(() => engine.close())

async function burst(max: number, profile: PlatformProfile): Promise<RunResult> {
  const example = await loadExample('playground')
  const db = example.files['lib/db.ts']
  expect(db).toContain('max: 5')
  const outcome = await engine.run({
    files: { ...example.files, 'lib/db.ts': db.replace('max: 5', `max: ${max}`) },
    scenario: buildScenario(example.meta, 'Burst of 50', { profile }),
  })
  if (!outcome.ok) throw new Error(outcome.error.message)
  return outcome
}

describe('things to try, 1: the pool size on a burst of 50', () => {
  it('Fluid is the default profile the suggestion names', async () => {
    expect((await loadExample('playground')).meta.platform?.profile).toBe('fluid')
  })

  it('on Fluid, max 5: every request answers 200, peak 10 of 20', async () => {
    const result = await burst(5, 'fluid')
    expect(result.summary.byStatus).toEqual({ 200: 50 })
    expect(result.summary.peakConnections).toBe(10)
    expect(result.summary.maxConnections).toBe(20)
  })

  it('on Fluid, max 30: 33 requests fail with 53300, peak 17 of 20', async () => {
    const result = await burst(30, 'fluid')
    expect(result.summary.byStatus).toEqual({ 200: 17, 500: 33 })
    expect(result.database.stats.errorsByCode['53300']).toBe(33)
    expect(result.summary.peakConnections).toBe(17)
  })

  it('on Lambda the size makes no difference', async () => {
    const [five, thirty] = [await burst(5, 'lambda'), await burst(30, 'lambda')]
    expect(thirty.summary.byStatus).toEqual(five.summary.byStatus)
    expect(thirty.summary.peakConnections).toBe(five.summary.peakConnections)
  })
})
