/**
 * The outbox cron of jobs-cron-outbox claims its batch (UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP
 * LOCKED) RETURNING) before sending, so two runs that overlap send each email once, not twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadExample } from '@/lib/examples/load'
import { buildScenario } from '@/lib/examples/scenario'
import { createTestEngine } from '@/lib/lab/testing/node-database'

const engine = createTestEngine()
beforeAll(() => engine.ready())
afterAll(() => engine.close())

describe('jobs-cron-outbox: two cron runs at once', () => {
  it('split the three pending emails between them and send each once', async () => {
    const example = await loadExample('jobs-cron-outbox')
    const outcome = await engine.run({
      files: example.files,
      scenario: buildScenario(example.meta, 'Two runs at once'),
    })
    if (!outcome.ok) throw new Error(outcome.error.message)
    const runs = outcome.requests.slice(-2)
    expect(runs.map((request) => request.status)).toEqual([200, 200])
    const sent = runs.map((request) => (JSON.parse(request.body) as { sent: number }).sent)
    expect(sent[0] + sent[1]).toBe(3)
    const lines = outcome.console.filter((entry) => /email sent to/.test(entry.text)).map((entry) => entry.text)
    expect(lines).toHaveLength(3)
    expect(new Set(lines).size).toBe(3)
  })
})
