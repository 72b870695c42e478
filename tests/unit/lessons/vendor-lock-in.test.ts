/**
 * The numbers quoted on pages/where-they-hurt/vendor-lock-in.mdx: the same order route on the
 * lambda, fluid and server profiles, with and without the platform module.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadExample } from '@/lib/examples/load'
import { buildScenario } from '@/lib/examples/scenario'
import { createTestEngine } from '@/lib/lab/testing/node-database'
import type { FileTree, PlatformProfile, RunResult } from '@/lib/lab/types'

const engine = createTestEngine()
beforeAll(() => engine.ready())
afterAll(() => engine.close())

async function run(id: string, preset: string, profile: PlatformProfile, files?: FileTree): Promise<RunResult> {
  const example = await loadExample(id)
  const outcome = await engine.run({
    files: files ?? example.files,
    scenario: buildScenario(example.meta, preset, { profile }),
  })
  if (!outcome.ok) throw new Error(`${id}: ${outcome.error.message}`)
  return outcome
}

const rows = (result: RunResult, table: string) => result.database.tables.find((t) => t.name === table)!.rowCount
// The seed holds one order and its audit row.
const auditWritten = (result: RunResult) => rows(result, 'audit_log') - 1

describe('lockin-fire-and-forget, "Burst of 10 orders"', () => {
  it.each([
    ['lambda', 0, 10],
    ['fluid', 0, 0],
    ['server', 10, 0],
  ] as const)(
    '%s: 10 × 201, %i of 10 audit rows, %i connections open at the end',
    async (profile, written, openAtEnd) => {
      const result = await run('lockin-fire-and-forget', 'Burst of 10 orders', profile)
      expect(result.summary.byStatus).toEqual({ 201: 10 })
      expect(auditWritten(result)).toBe(written)
      if (profile === 'lambda') expect(result.database.stats.openAtEnd).toBe(openAtEnd)
      const lost = result.timeline.filter((e) => e.type === 'background-lost')
      expect(lost).toHaveLength(10 - written)
    },
  )
})

it('lockin-fire-and-forget, "Ten orders, one a second" on lambda: 9 of 10 audit rows', async () => {
  const result = await run('lockin-fire-and-forget', 'Ten orders, one a second', 'lambda')
  expect(result.summary.byStatus).toEqual({ 201: 10 })
  expect(auditWritten(result)).toBe(9)
})

describe('lockin-platform-adapter, "Burst of 10 orders"', () => {
  // Only `fluid` is Vercel (VERCEL=1), so only there does registerPool attach the pool; on `lambda`
  // (AWS Lambda) the frozen instances keep their 10 connections, as the lesson says.
  it.each([
    ['lambda', 10, 298, 10],
    ['fluid', 1, 298, 0],
    ['server', 1, 448, 0],
  ] as const)(
    '%s: 10 of 10 audit rows, %i instances, p50 %i ms, %i connections open at the end',
    async (profile, instances, p50, openAtEnd) => {
      const result = await run('lockin-platform-adapter', 'Burst of 10 orders', profile)
      expect(result.summary.byStatus).toEqual({ 201: 10 })
      expect(auditWritten(result)).toBe(10)
      expect(result.summary.instancesStarted).toBe(instances)
      expect(result.summary.p50Ms).toBe(p50)
      expect(result.database.stats.openAtEnd).toBe(openAtEnd)
    },
  )
})

describe('lockin-adapter-exercise, "Burst of 8 messages"', () => {
  it('the starter: 8 messages and 0 notifications on lambda, 8 on server', async () => {
    const onLambda = await run('lockin-adapter-exercise', 'Burst of 8 messages', 'lambda')
    expect(rows(onLambda, 'messages')).toBe(8)
    expect(rows(onLambda, 'notifications')).toBe(0)
    const onServer = await run('lockin-adapter-exercise', 'Burst of 8 messages', 'server')
    expect(rows(onServer, 'notifications')).toBe(8)
  })

  it.each(['lambda', 'fluid', 'server'] as const)('the solution on %s: 8 × 201, 8 notifications', async (profile) => {
    const { solution } = await loadExample('lockin-adapter-exercise')
    const result = await run('lockin-adapter-exercise', 'Burst of 8 messages', profile, solution!)
    expect(result.summary.byStatus).toEqual({ 201: 8 })
    expect(rows(result, 'notifications')).toBe(8)
  })

  it('the solution imports @vercel/functions only from lib/platform.ts', async () => {
    const { solution } = await loadExample('lockin-adapter-exercise')
    const importers = Object.entries(solution!)
      .filter(([, source]) => source.includes("from '@vercel/functions'"))
      .map(([path]) => path)
    expect(importers).toEqual(['lib/platform.ts'])
  })
})
