/**
 * The Timeline's model on real engine runs of the scenarios the lessons quote: what it draws and
 * lists must carry the lessons' numbers (three `background-lost`, 5 leaked connections per
 * instance, 110 quota failures drawn, the lock wait and the maxDuration stop).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadExample } from '@/lib/examples/load'
import { buildScenario } from '@/lib/examples/scenario'
import { createTestEngine } from '@/lib/lab/testing/node-database'
import type { PlatformProfile, RunResult } from '@/lib/lab/types'
import { buildTimelineModel, ROW_LIMIT } from './model'
import { buildTimeAxis } from './timeAxis'

const engine = createTestEngine()
beforeAll(() => engine.ready())
afterAll(() => engine.close())

async function run(id: string, preset?: string, profile?: PlatformProfile): Promise<RunResult> {
  const example = await loadExample(id)
  const outcome = await engine.run({
    files: example.files,
    scenario: buildScenario(example.meta, preset ?? example.meta.defaultPreset, { profile }),
  })
  if (!outcome.ok) throw new Error(outcome.error.message)
  return outcome
}

describe('the Timeline model on the lessons’ scenarios', () => {
  it('jobs-fire-and-forget: three `background-lost` events, on the frozen lane', async () => {
    const model = buildTimelineModel(await run('jobs-fire-and-forget'))
    const lost = model.events.filter((event) => event.kind === 'background-lost')
    expect(lost).toHaveLength(3)
    expect(
      lost.every((event) => event.name === 'background-lost' && event.text.startsWith('setTimeout (1500 ms)')),
    ).toBe(true)
    expect(model.summary).toContain(
      '3 `background-lost` events: work still pending when its instance froze or ran out of time.',
    )
    const lane = model.lanes[0]
    expect(lane.spans.filter((span) => span.state === 'frozen').length).toBe(3)
  })

  it('pooling-module-pool, burst then quiet: two instances recycled with 5 leaked connections each', async () => {
    const model = buildTimelineModel(await run('pooling-module-pool', 'Burst, then quiet for 15 minutes'))
    expect(model.lanes.map((lane) => lane.recycled?.leakedConnections)).toEqual([5, 5])
    expect(model.connections.openAtEnd).toBe(10)
    // Leaks of 10 against max_connections 20 are drawn on a scale that fits them.
    expect(model.connections.yMax).toBeLessThan(30)
    // The 10-minute quiet stretch is compressed into breaks.
    const axis = buildTimeAxis(model.moments, model.end, 600)
    expect(axis.breaks.length).toBeGreaterThan(0)
    const burstEnd = Math.max(...model.rows.flatMap((row) => row.requests.map((request) => request.timing.end)))
    expect(axis.x(burstEnd)).toBeGreaterThan(60) // the burst's 300 ms get real width, not 0.03% of 15 minutes
  })

  it('pooling-pool-per-request: 33 refused attempts stacked over 17 open, against max_connections 20', async () => {
    const model = buildTimelineModel(await run('pooling-pool-per-request'))
    expect(model.connections.peakOpen).toBe(17)
    expect(model.connections.refusedTotal).toBe(33)
    expect(model.connections.appLimit).toBe(17)
    expect(model.connections.yMax).toBeGreaterThanOrEqual(50)
    // 50 requests in 24 to 36 rows, every one drawn; the 33 failures in rows of their own.
    expect(model.rows.flatMap((row) => row.requests)).toHaveLength(50)
    expect(model.rows.length).toBeLessThanOrEqual(ROW_LIMIT * 1.5)
    expect(model.rows.filter((row) => row.failed > 0).every((row) => row.failed === row.requests.length)).toBe(true)
    expect(model.rows.reduce((sum, row) => sum + row.failed, 0)).toBe(33)
  })

  it('limits-quota-spike: all 260 requests drawn, the 110 failures (#151–#260) in rows of their own', async () => {
    const model = buildTimelineModel(await run('limits-quota-spike'))
    const drawn = model.rows.flatMap((row) => row.requests.map((request) => request.index))
    expect(drawn).toEqual([...Array(260).keys()])
    expect(model.rows.length).toBeLessThanOrEqual(ROW_LIMIT * 1.5)
    const failedRows = model.rows.filter((row) => row.failed > 0)
    expect(failedRows.every((row) => row.failed === row.requests.length)).toBe(true)
    expect(failedRows.reduce((sum, row) => sum + row.failed, 0)).toBe(110)
    expect(failedRows[0].requests[0].index + 1).toBe(151)
    expect(model.quota).toMatchObject({ maxQueries: 150, rejected: 110, firstRejected: { request: 150 } })
    expect(model.summary.some((line) => line.includes('110 failed (#151–#260)'))).toBe(true)
  })

  it('limits-long-transaction: maxDuration stops the close-month, and the PATCH waits on its lock until it is stopped too', async () => {
    const result = await run('limits-long-transaction')
    const waits = result.timeline.filter((event) => event.type === 'db-lock-wait')
    expect(waits).toEqual([{ t: 310_031, type: 'db-lock-wait', connection: 2, heldBy: 1, request: 1 }])
    const model = buildTimelineModel(result)
    expect(model.markers.filter((marker) => marker.kind === 'max-duration').map((marker) => marker.request)).toEqual([
      0, 1,
    ])
    expect(model.connections.openAtEnd).toBe(2)
    expect(model.events.find((event) => event.kind === 'lock-wait')?.text).toContain('never got it')
  })

  it('realtime-polling-vs-sse: the stream’s chunks are listed with their times', async () => {
    const model = buildTimelineModel(await run('realtime-polling-vs-sse', 'Stream for 20 s'))
    const stream = model.events.find((event) => event.kind === 'stream')
    expect(stream?.text).toContain('at 1.265 s, 5.268 s, 9.268 s, 16.268 s')
  })
})

describe('buildTimeAxis', () => {
  it('is linear when nothing is idle for long', () => {
    const axis = buildTimeAxis([[0, 1000]], 1000, 500)
    expect(axis.breaks).toEqual([])
    expect(axis.x(500)).toBeCloseTo(250, 0)
  })

  it('compresses an idle hour into a break and keeps the order of time', () => {
    const axis = buildTimeAxis(
      [
        [0, 300],
        [3_600_000, 3_600_300],
      ],
      3_600_300,
      600,
    )
    expect(axis.breaks).toHaveLength(1)
    expect(axis.breaks[0].x1 - axis.breaks[0].x0).toBeLessThanOrEqual(30)
    expect(axis.x(300)).toBeGreaterThan(120)
    const xs = [0, 100, 300, 1_000_000, 3_600_000, 3_600_300].map(axis.x)
    expect([...xs].sort((a, b) => a - b)).toEqual(xs)
    expect(axis.x(3_600_300)).toBe(600)
  })
})
