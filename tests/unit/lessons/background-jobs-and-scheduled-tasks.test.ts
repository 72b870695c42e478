/**
 * The numbers quoted on pages/where-they-hurt/background-jobs-and-scheduled-tasks.mdx,
 * each from the preset and platform the page tells the reader to run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadExample } from '@/lib/examples/load'
import { buildScenario } from '@/lib/examples/scenario'
import { createTestEngine } from '@/lib/lab/testing/node-database'
import type { PlatformProfile, RunResult, TimelineEvent } from '@/lib/lab/types'

const engine = createTestEngine()
beforeAll(() => engine.ready())
afterAll(() => engine.close())

async function run(id: string, options: { profile?: PlatformProfile; solution?: boolean } = {}): Promise<RunResult> {
  const example = await loadExample(id)
  const files = options.solution ? example.solution! : example.files
  const outcome = await engine.run({
    files,
    scenario: buildScenario(example.meta, example.meta.defaultPreset, { profile: options.profile }),
  })
  if (!outcome.ok) throw new Error(outcome.error.message)
  return outcome
}

const rowsOf = (result: RunResult, table: string) => result.database.tables.find((t) => t.name === table)!
const events = <T extends TimelineEvent['type']>(result: RunResult, type: T) =>
  result.timeline.filter((e) => e.type === type) as Array<TimelineEvent & { type: T }>

describe('jobs-fire-and-forget: an unawaited send on Fluid', () => {
  it('answers 201 three times, fast, but loses the send three times', async () => {
    const result = await run('jobs-fire-and-forget')
    expect(result.requests.map((r) => r.status)).toEqual([201, 201, 201])
    // 293 ms for the cold first request, 28 ms warm.
    expect(result.requests.map((r) => r.timing.end - r.timing.start)).toEqual([293, 28, 28])
    const lost = events(result, 'background-lost')
    expect(lost).toHaveLength(3)
    expect(lost.every((e) => e.what === 'setTimeout (1500 ms)')).toBe(true)
    // Two emails go out a minute late, when the next sign-up thaws the instance; the third never does.
    const sent = rowsOf(result, 'emails_sent')
    expect(sent.rowCount).toBe(3) // 1 seeded + 2
    expect(sent.rows.slice(1).map((row) => row[1])).toEqual(['ada@example.com', 'grace@example.com'])
    const lines = result.console.map((line) => [line.t, line.text])
    expect(lines).toEqual([
      [60_028, 'welcome email sent to ada@example.com'],
      [120_028, 'welcome email sent to grace@example.com'],
    ])
  })

  it('loses the same work on the lambda profile', async () => {
    const result = await run('jobs-fire-and-forget', { profile: 'lambda' })
    expect(events(result, 'background-lost')).toHaveLength(3)
    expect(rowsOf(result, 'emails_sent').rowCount).toBe(3)
  })

  it('sends all three, 1.5 s after each response, on the server profile (never frozen)', async () => {
    const result = await run('jobs-fire-and-forget', { profile: 'server' })
    expect(events(result, 'background-lost')).toHaveLength(0)
    expect(rowsOf(result, 'emails_sent').rowCount).toBe(4)
  })
})

describe('jobs-after: the same send handed to after()', () => {
  it('answers as fast and sends every email about 1.5 s after its response', async () => {
    const result = await run('jobs-after')
    expect(result.requests.map((r) => r.timing.end - r.timing.start)).toEqual([293, 28, 28])
    expect(events(result, 'background-lost')).toHaveLength(0)
    expect(events(result, 'after-start')).toHaveLength(3)
    // The instance freezes only when the after() work has ended: 1,503 ms after each response.
    const ends = events(result, 'after-end').map((e) => e.t)
    expect(ends).toEqual([1_796, 61_531, 121_531])
    expect(rowsOf(result, 'emails_sent').rowCount).toBe(4)
  })
})

describe('jobs-cron-outbox: an outbox drained by a protected cron route', () => {
  it('refuses the stranger, then sends the three emails in the 5-minute run', async () => {
    const result = await run('jobs-cron-outbox')
    expect(result.requests).toHaveLength(6)
    const [, , , stranger, firstCron, secondCron] = result.requests
    expect(stranger.status).toBe(401)
    expect(events(result, 'cron').map((e) => e.t)).toEqual([300_000, 600_000])
    expect(firstCron.status).toBe(200)
    expect(JSON.parse(firstCron.body)).toEqual({ sent: 3 })
    expect(firstCron.timing.end - firstCron.timing.start).toBe(4_537)
    expect(JSON.parse(secondCron.body)).toEqual({ sent: 0 })
    const outbox = rowsOf(result, 'email_outbox')
    expect(outbox.rows.every((row) => row[4] !== null)).toBe(true)
  })
})

describe('jobs-email-exercise: the provider is down, and no email may be lost', () => {
  it('the starter answers fast with after(), but the two refused emails are lost for good', async () => {
    const result = await run('jobs-email-exercise')
    const signups = result.requests.filter((r) => r.path === '/api/signup')
    expect(signups.map((r) => r.status)).toEqual([201, 201, 201])
    expect(Math.max(...signups.map((r) => r.timing.end - r.timing.start))).toBeLessThan(500)
    // 1 seeded + alan's; ada's and grace's after() callbacks threw and nothing tried again.
    expect(rowsOf(result, 'emails_sent').rowCount).toBe(2)
  })

  it('the solution (outbox + cron that claims and retries) sends all three, once, with fast sign-ups', async () => {
    const result = await run('jobs-email-exercise', { solution: true })
    const signups = result.requests.filter((r) => r.path === '/api/signup')
    expect(Math.max(...signups.map((r) => r.timing.end - r.timing.start))).toBeLessThan(500)
    const runs = result.requests.filter((r) => r.path === '/api/cron/send-emails').map((r) => JSON.parse(r.body))
    // The first run at 1 min meets the outage; the next sends everything.
    expect(runs.slice(0, 2)).toEqual([
      { claimed: 2, sent: 0 },
      { claimed: 3, sent: 3 },
    ])
    expect(rowsOf(result, 'emails_sent').rowCount).toBe(4)
  })
})
