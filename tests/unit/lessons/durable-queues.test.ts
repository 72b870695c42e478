/**
 * The numbers quoted on pages/where-they-hurt/background-jobs-and-scheduled-tasks/durable-queues.mdx,
 * each from the preset the page tells the reader to run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadExample } from '@/lib/examples/load'
import { buildScenario } from '@/lib/examples/scenario'
import { createTestEngine } from '@/lib/lab/testing/node-database'
import type { QueueEvent, RunOutcome, RunResult } from '@/lib/lab/types'

const engine = createTestEngine()
beforeAll(() => engine.ready())
afterAll(() => engine.close())

async function outcome(
  id: string,
  preset?: string,
  edit?: (files: Record<string, string>) => Record<string, string>,
): Promise<RunOutcome> {
  const example = await loadExample(id)
  const files = edit ? edit({ ...example.files }) : example.files
  return engine.run({ files, scenario: buildScenario(example.meta, preset ?? example.meta.defaultPreset, {}) })
}

async function run(...args: Parameters<typeof outcome>): Promise<RunResult> {
  const result = await outcome(...args)
  if (!result.ok) throw new Error(result.error.message)
  return result
}

const rowsOf = (result: RunResult, table: string) => result.database.tables.find((t) => t.name === table)!
const queueEvents = <T extends QueueEvent['type']>(result: RunResult, type: T) =>
  result.timeline.filter((e): e is Extract<QueueEvent, { type: T }> => e.type === type)
const seconds = (ms: number) => Math.round(ms / 1000)

describe('queue-sqs-orders: a route that enqueues, a Lambda that consumes', () => {
  it('Three orders: 202 within 300 ms, one batch of three on orders-λ1, three receipts about 3 s in', async () => {
    const result = await run('queue-sqs-orders', 'Three orders')
    expect(result.requests.map((r) => r.status)).toEqual([202, 202, 202])
    expect(Math.max(...result.requests.map((r) => r.timing.end - r.timing.start))).toBeLessThan(300)
    const delivered = queueEvents(result, 'queue-deliver')
    expect(delivered).toHaveLength(3)
    expect(new Set(delivered.map((e) => `${e.batch} ${e.instance} ${e.receiveCount}`))).toEqual(
      new Set(['1 orders-λ1 1']),
    )
    expect(queueEvents(result, 'queue-complete')).toHaveLength(3)
    const receipts = rowsOf(result, 'receipts_sent')
    expect(receipts.rowCount).toBe(3)
    expect(Math.max(...queueEvents(result, 'queue-complete').map((e) => e.t))).toBeGreaterThan(2_700)
    expect(Math.max(...queueEvents(result, 'queue-complete').map((e) => e.t))).toBeLessThan(2_900)
    expect(
      result.console.some((line) => line.text.startsWith('[simulated SQS] orders batch 1 → orders-λ1: 3 messages')),
    ).toBe(true)
  })

  it('An address the provider refuses: two deleted at once, the third received at about 32 s and 63 s, then orders-dlq at about 94 s', async () => {
    const result = await run('queue-sqs-orders', 'An address the provider refuses')
    const [first] = queueEvents(result, 'queue-batch-end')
    expect(first.outcome).toBe('partial')
    expect(first.failed).toHaveLength(1)
    const refused = first.failed[0]
    const deliveries = queueEvents(result, 'queue-deliver').filter((e) => e.messageId === refused)
    expect(deliveries.map((e) => [e.receiveCount, seconds(e.t)])).toEqual([
      [1, 2],
      [2, 32],
      [3, 63],
    ])
    const dead = queueEvents(result, 'queue-dead-letter')
    expect(dead.map((e) => [e.messageId, e.deadLetterQueue, e.receiveCount, seconds(e.t)])).toEqual([
      [refused, 'orders-dlq', 3, 94],
    ])
    expect(rowsOf(result, 'receipts_sent').rowCount).toBe(2)
  })
})

describe('queue-sqs-timeout: a consumer that times out mid-batch', () => {
  it('Three orders fit the 10 s timeout: one batch, three invoices', async () => {
    const result = await run('queue-sqs-timeout', 'Three orders')
    expect(queueEvents(result, 'queue-batch-end').map((e) => e.outcome)).toEqual(['success'])
    expect(rowsOf(result, 'invoices').rowCount).toBe(3)
  })

  it('Six orders in one batch: three invoices, a timeout at 10 s, the same batch again a minute later, 9 invoices for orders 1-3 and all six in orders-dlq at about three minutes', async () => {
    const result = await run('queue-sqs-timeout', 'Six orders in one batch')
    const batches = queueEvents(result, 'queue-batch-end')
    expect(batches.map((e) => [e.outcome, e.failed.length, e.instance])).toEqual([
      ['timeout', 6, 'orders-λ1'],
      ['timeout', 6, 'orders-λ2'],
      ['timeout', 6, 'orders-λ3'],
    ])
    const firstDelivery = queueEvents(result, 'queue-deliver')[0].t
    expect(batches[0].t - firstDelivery).toBe(10_000)
    expect(result.console.filter((l) => l.text === 'Task timed out after 10.00 seconds')).toHaveLength(3)
    // Redelivered after the 60 s visibility timeout, to a new instance (Lambda reset the timed-out one).
    const second = queueEvents(result, 'queue-deliver').filter((e) => e.receiveCount === 2)
    expect(second).toHaveLength(6)
    expect(seconds(second[0].t)).toBe(65)
    const invoices = rowsOf(result, 'invoices')
    expect(invoices.rowCount).toBe(9)
    expect(invoices.rows.map((row) => row[1])).toEqual([1, 2, 3, 1, 2, 3, 1, 2, 3])
    const dead = queueEvents(result, 'queue-dead-letter')
    expect(dead).toHaveLength(6)
    expect(Math.round(dead[0].t / 60_000)).toBe(3)
  })

  it('a Timeout above the visibility timeout stops the run, as Lambda refuses the mapping', async () => {
    const result = await outcome('queue-sqs-timeout', 'Six orders in one batch', (files) => ({
      ...files,
      'infra/queues.json': files['infra/queues.json'].replace('"Timeout": 10', '"Timeout": 90'),
    }))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.file).toBe('infra/queues.json')
    expect(result.error.message).toContain("exceeds the queue's VisibilityTimeout (60 s)")
  })

  it('BatchSize 3: two batches of three, six invoices, one per order, nothing in the dead-letter queue', async () => {
    const result = await run('queue-sqs-timeout', 'Six orders in one batch', (files) => ({
      ...files,
      'infra/queues.json': files['infra/queues.json'].replace('"BatchSize": 10', '"BatchSize": 3'),
    }))
    expect(queueEvents(result, 'queue-batch-end').map((e) => e.outcome)).toEqual(['success', 'success'])
    const invoices = rowsOf(result, 'invoices')
    expect(invoices.rows.map((row) => row[1]).sort()).toEqual([1, 2, 3, 4, 5, 6])
    expect(queueEvents(result, 'queue-dead-letter')).toHaveLength(0)
  })
})

describe('queue-bullmq-worker: a worker process that retries with backoff', () => {
  it('A sign-up during a short outage: fails at about 0.7 s, retries after 1 s and 2 s, sent on attempt 3 at about 4.4 s', async () => {
    const result = await run('queue-bullmq-worker', 'A sign-up during a short outage')
    expect(result.requests.map((r) => r.status)).toEqual([201])
    const retries = queueEvents(result, 'queue-retry')
    expect(retries.map((e) => [e.attempt, e.delayMs, Math.round(e.t / 100) / 10])).toEqual([
      [1, 1000, 0.7],
      [2, 2000, 2],
    ])
    const [done] = queueEvents(result, 'queue-complete')
    expect(Math.round(done.t / 100) / 10).toBe(4.4)
    expect(queueEvents(result, 'queue-deliver').map((e) => [e.receiveCount, e.instance])).toEqual([
      [1, 'worker'],
      [2, 'worker'],
      [3, 'worker'],
    ])
    expect(rowsOf(result, 'emails_sent').rowCount).toBe(1)
    expect(result.console.some((l) => l.text.startsWith('[BullMQ stand-in, no Redis]'))).toBe(true)
  })

  it('A sign-up during a long outage: four attempts at about 10, 12, 14 and 18 s, then the failed set and no email', async () => {
    const result = await run('queue-bullmq-worker', 'A sign-up during a long outage')
    expect(queueEvents(result, 'queue-deliver').map((e) => seconds(e.t))).toEqual([10, 12, 14, 18])
    expect(queueEvents(result, 'queue-failed').map((e) => e.attempts)).toEqual([4])
    expect(rowsOf(result, 'emails_sent').rowCount).toBe(0)
  })

  it('The same sign-up twice: one job, one email', async () => {
    const result = await run('queue-bullmq-worker', 'The same sign-up twice')
    expect(result.requests.map((r) => r.status)).toEqual([201, 201])
    expect(queueEvents(result, 'queue-send')).toHaveLength(1)
    expect(rowsOf(result, 'emails_sent').rowCount).toBe(1)
  })
})

describe('queue-idempotent-exercise', () => {
  it('the starter credits orders 1 to 3 twice (8 rows); the solution credits each once (5)', async () => {
    const example = await loadExample('queue-idempotent-exercise')
    const scenario = buildScenario(example.meta, example.meta.defaultPreset, {})
    const starter = await engine.run({ files: example.files, scenario })
    const solution = await engine.run({ files: example.solution!, scenario })
    if (!starter.ok || !solution.ok) throw new Error('run failed')
    expect(rowsOf(starter, 'loyalty_points').rowCount).toBe(8)
    expect(rowsOf(solution, 'loyalty_points').rowCount).toBe(5)
    expect(queueEvents(solution, 'queue-batch-end').map((e) => e.outcome)).toEqual(['timeout', 'success'])
  })
})

describe('the run summary says what the queue did', () => {
  it('counts sends, first deliveries, redeliveries and dead-lettered messages', async () => {
    const result = await run('queue-sqs-timeout', 'Six orders in one batch')
    expect(result.summary.line).toMatch(
      / · queue: 6 messages sent, 6 delivered, 12 redelivered, 6 to a dead-letter queue$/,
    )
  })
})
