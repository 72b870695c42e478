/**
 * The Timeline's model on the queue and WebSocket labs, run on the real engine: what it draws and
 * says must carry the numbers the lessons quote (durable-queues.mdx, real-time-updates.mdx): the
 * refused address delivered at about 1.5, 32 and 63 s and dead-lettered at about 94 s; six orders
 * received three times each; six connections two per instance, the in-memory message reaching 2 of 6;
 * connections closed at the duration limit at 60.3, 80 and 100 s.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadExample } from '@/lib/examples/load'
import { buildScenario } from '@/lib/examples/scenario'
import { createTestEngine } from '@/lib/lab/testing/node-database'
import type { RunResult } from '@/lib/lab/types'
import { buildTimelineModel } from './model'
import { buildMessageRows, MESSAGE_ROW_LIMIT } from './queues'
import type { MessageLife } from './types'

const engine = createTestEngine()
beforeAll(() => engine.ready())
afterAll(() => engine.close())

async function run(id: string, preset: string): Promise<RunResult> {
  const example = await loadExample(id)
  const outcome = await engine.run({ files: example.files, scenario: buildScenario(example.meta, preset) })
  if (!outcome.ok) throw new Error(outcome.error.message)
  return outcome
}

describe('queues in the Timeline', () => {
  it('an address the provider refuses: delivered three times, then moved to orders-dlq; partial batches', async () => {
    const model = buildTimelineModel(await run('queue-sqs-orders', 'An address the provider refuses'))
    expect(model.messageRows.map((row) => row.label)).toEqual(['orders 1', 'orders 2', 'orders 3'])
    const refused = model.messageRows[1].messages[0]
    expect(refused.attempts.map((attempt) => [attempt.from, attempt.receiveCount, attempt.failed])).toEqual([
      [1563, 1, true],
      [32298, 2, true],
      [63298, 3, true],
    ])
    expect(refused.visibleAgain).toEqual([31298, 62298, 93298])
    expect(refused.end).toEqual({ t: 94298, how: 'dead-letter', deadLetterQueue: 'orders-dlq' })
    for (const other of [model.messageRows[0], model.messageRows[2]])
      expect(other.messages[0].end).toEqual({ t: 2800, how: 'deleted' })
    // The batches are work on the consumer's lane, and thaw it from frozen.
    expect(model.consumerSpans.map((span) => [span.instance, span.batch, span.outcome, span.failed])).toEqual([
      ['orders-λ1', 1, 'partial', 1],
      ['orders-λ1', 2, 'partial', 1],
      ['orders-λ1', 3, 'partial', 1],
    ])
    const consumer = model.lanes.find((lane) => lane.id === 'orders-λ1')!
    expect(consumer.spans.filter((span) => span.state === 'busy')).toHaveLength(3)
    expect(model.summary).toContain(
      'Queue `orders`: 3 messages sent, 2 deleted after success, 2 redeliveries (receive count up to 3), 1 moved to the dead-letter queue `orders-dlq`.',
    )
    expect(model.summary).toContain('Consumer: 3 batches on orders-λ1, 3 with a partial batch failure.')
    expect(model.events.filter((event) => event.kind === 'queue-redelivered').map((event) => event.text)).toEqual([
      '1 message delivered again in batch 2 to orders-λ1, receive count 2',
      '1 message delivered again in batch 3 to orders-λ1, receive count 3',
    ])
    expect(model.events.find((event) => event.kind === 'queue-batch-failed')?.text).toBe(
      'batch 1 on orders-λ1: 1 of 3 messages reported failed and stays on the queue; the others were deleted',
    )
    expect(model.events.find((event) => event.kind === 'dead-letter')).toMatchObject({
      first: 94298,
      text: 'message moved to orders-dlq after 3 receives',
    })
  })

  it('a consumer that times out: six messages received three times each, on three instances, then dead-lettered', async () => {
    const model = buildTimelineModel(await run('queue-sqs-timeout', 'Six orders in one batch'))
    const messages = model.messageRows.flatMap((row) => row.messages)
    expect(messages).toHaveLength(6)
    for (const message of messages) {
      expect(message.attempts.map((attempt) => [attempt.receiveCount, attempt.instance, attempt.failed])).toEqual([
        [1, 'orders-λ1', true],
        [2, 'orders-λ2', true],
        [3, 'orders-λ3', true],
      ])
      expect(message.end?.how).toBe('dead-letter')
    }
    expect(model.consumerSpans.map((span) => [span.from, span.to, span.outcome])).toEqual([
      [2563, 12563, 'timeout'],
      [64563, 74563, 'timeout'],
      [126563, 136563, 'timeout'],
    ])
    expect(model.summary).toContain('Consumer: 3 batches on orders-λ1, orders-λ2, orders-λ3, 3 timed out.')
  })

  it('BullMQ, a short outage: attempts at 0.4, 1.7 and 4.1 s, two retries with backoff, then completed', async () => {
    const model = buildTimelineModel(await run('queue-bullmq-worker', 'A sign-up during a short outage'))
    const [job] = model.messageRows[0].messages
    expect(job.attempts.map((attempt) => [attempt.from, attempt.to, attempt.receiveCount, attempt.failed])).toEqual([
      [447, 747, 1, true],
      [1749, 2049, 2, true],
      [4051, 4379, 3, false],
    ])
    // The backoff (1 s, then 2 s) is when the job is hidden.
    expect(job.visibleAgain).toEqual([1747, 4049])
    expect(job.end).toEqual({ t: 4379, how: 'deleted' })
    expect(model.consumerSpans.every((span) => span.instance === 'worker')).toBe(true)
    expect(model.summary).toContain('Queue `emails`: 1 job added, 1 completed, 2 retries (up to attempt 3).')
  })

  it('many messages share rows beyond the limit, and none is left out', () => {
    const message = (number: number, dead: boolean): MessageLife => ({
      queue: 'q',
      number,
      messageId: `m${number}`,
      sentAt: number,
      attempts: [{ from: 100 + number, to: 200 + number, receiveCount: 1, failed: dead }],
      visibleAgain: [],
      end: dead ? { t: 300, how: 'dead-letter', deadLetterQueue: 'dlq' } : { t: 200 + number, how: 'deleted' },
    })
    const messages = Array.from({ length: 100 }, (_, index) => message(index + 1, index >= 90))
    const { rows, summarised } = buildMessageRows(messages)
    expect(summarised).toBe(true)
    expect(rows.length).toBeLessThanOrEqual(MESSAGE_ROW_LIMIT * 1.5)
    expect(rows.flatMap((row) => row.messages.map((m) => m.number))).toEqual(messages.map((m) => m.number))
    // The dead-lettered ones get rows of their own.
    expect(
      rows
        .filter((row) => row.messages.some((m) => m.end?.how === 'dead-letter'))
        .every((row) => row.messages.every((m) => m.end?.how === 'dead-letter')),
    ).toBe(true)
  })
})

describe('WebSockets in the Timeline', () => {
  it('in-memory broadcast: six connections, two per instance; each message reaches the two on its sender’s instance', async () => {
    const model = buildTimelineModel(await run('realtime-websocket-chat', 'In-memory broadcast, 6 clients'))
    expect(model.sockets.map((socket) => [socket.instance, socket.client])).toEqual([
      ['λ1', 1],
      ['λ1', 2],
      ['λ2', 3],
      ['λ2', 4],
      ['λ3', 5],
      ['λ3', 6],
    ])
    expect(model.sockets.map((socket) => socket.received.length)).toEqual([1, 1, 0, 0, 1, 1])
    expect(model.sockets.map((socket) => socket.sent)).toEqual([[2020], [], [], [], [3020], []])
    // The upgrade requests are drawn as their connections; only the plain GET is a request row.
    expect(model.rows.map((row) => row.label)).toEqual(['#1 GET /api/chat/online'])
    expect(model.summary).toContain(
      'WebSockets: 6 connections on 3 instances (clients λ1: 1, 2; λ2: 3, 4; λ3: 5, 6); 2 messages sent, 4 deliveries to clients.',
    )
  })

  it('LISTEN/NOTIFY: every instance gets each notification, all six clients both messages, 68 ms after sending', async () => {
    const model = buildTimelineModel(await run('realtime-websocket-chat', 'LISTEN/NOTIFY, 6 clients'))
    expect(model.sockets.map((socket) => socket.received)).toEqual(Array(6).fill([2068, 3068]))
    expect(model.notifications.map((n) => n.instance)).toEqual(['λ1', 'λ2', 'λ3', 'λ1', 'λ2', 'λ3'])
    expect(model.summary).toContain('LISTEN/NOTIFY: 6 notifications received on chat.')
  })

  it('stay connected: each connection closed by the duration limit 60 s after it opened', async () => {
    const model = buildTimelineModel(await run('realtime-websocket-chat', 'Stay connected for 2 minutes'))
    expect(model.sockets.map((socket) => [socket.from, socket.to, socket.closedBy, socket.closeCode])).toEqual([
      [260, 60260, 'duration-limit', 1006],
      [20000, 80000, 'duration-limit', 1006],
      [40000, 100000, 'duration-limit', 1006],
    ])
    expect(model.events.filter((event) => event.kind === 'max-duration').map((event) => event.text)).toEqual([
      "request #2, WebSocket client 1's connection on λ1, was stopped at maxDuration; the client saw 1006",
      "request #3, WebSocket client 2's connection on λ1, was stopped at maxDuration; the client saw 1006",
      "request #4, WebSocket client 3's connection on λ1, was stopped at maxDuration; the client saw 1006",
    ])
  })
})
