/**
 * The simulated SQS and the BullMQ stand-in against the rules their modules cite, on small inline
 * projects: what a reader's consumer returns decides what is deleted, redelivered or dead-lettered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestEngine } from '../testing/node-database'
import type { FileTree, QueueEvent, RunOutcome, RunResult } from '../types'
import { backoffDelay } from './bullmq'

const engine = createTestEngine()
beforeAll(() => engine.ready())
afterAll(() => engine.close())

const QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/jobs'
const producer = `
import { SQSClient, SendMessageCommand, SendMessageBatchCommand } from '@aws-sdk/client-sqs'
const sqs = new SQSClient({})
export async function POST(request: Request) {
  const { bodies } = await request.json()
  if (bodies.length === 1) {
    const r = await sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: bodies[0] }))
    return Response.json({ id: r.MessageId })
  }
  const r = await sqs.send(new SendMessageBatchCommand({ QueueUrl: process.env.QUEUE_URL, Entries: bodies.map((b: string, i: number) => ({ Id: String(i), MessageBody: b })) }))
  return Response.json({ ids: r.Successful.map((s: { MessageId: string }) => s.MessageId) })
}`

function project(consumer: string, queues: object): FileTree {
  return {
    'app/api/send/route.ts': producer,
    'consumer.ts': consumer,
    'infra/queues.json': JSON.stringify(queues),
    '.env': `QUEUE_URL=${QUEUE_URL}`,
  }
}

const config = (consumer: Record<string, unknown> = {}, queue: Record<string, unknown> = {}) => ({
  queues: {
    jobs: {
      VisibilityTimeout: 30,
      RedrivePolicy: { deadLetterTargetArn: 'arn:aws:sqs:us-east-1:123456789012:jobs-dlq', maxReceiveCount: 2 },
      ...queue,
    },
    'jobs-dlq': {},
  },
  consumers: [{ queue: 'jobs', handler: 'consumer.handler', Timeout: 5, ...consumer }],
})

async function send(files: FileTree, bodies: string[]): Promise<RunOutcome> {
  return engine.run({
    files,
    scenario: { platform: { profile: 'fluid' }, requests: [{ method: 'POST', path: '/api/send', body: { bodies } }] },
  })
}

function ok(outcome: RunOutcome): RunResult {
  if (!outcome.ok) throw new Error(outcome.error.message)
  return outcome
}

const of = <T extends QueueEvent['type']>(result: RunResult, type: T) =>
  result.timeline.filter((e): e is Extract<QueueEvent, { type: T }> => e.type === type)

describe('the simulated SQS and its Lambda event source mapping', () => {
  it('delivers a batch with the SQS event shape and deletes it when the function succeeds', async () => {
    const result = ok(
      await send(
        project(
          `export async function handler(event, context) {
            for (const r of event.Records) console.log(r.body, r.attributes.ApproximateReceiveCount, r.eventSource, r.eventSourceARN, typeof r.receiptHandle, context.getRemainingTimeInMillis())
          }`,
          config(),
        ),
        ['a', 'b'],
      ),
    )
    expect(result.console.filter((l) => l.instance === 'jobs-λ1').map((l) => l.text)).toEqual([
      'a 1 aws:sqs arn:aws:sqs:us-east-1:123456789012:jobs string 5000',
      'b 1 aws:sqs arn:aws:sqs:us-east-1:123456789012:jobs string 5000',
    ])
    expect(of(result, 'queue-complete')).toHaveLength(2)
    expect(of(result, 'queue-batch-end').map((e) => e.outcome)).toEqual(['success'])
    expect(JSON.parse(result.requests[0].body).ids).toHaveLength(2)
  })

  it('returns the whole batch when the function throws, and dead-letters it after maxReceiveCount receives', async () => {
    const result = ok(
      await send(project(`export async function handler() { throw new Error('boom') }`, config()), ['a']),
    )
    expect(of(result, 'queue-batch-end').map((e) => e.outcome)).toEqual(['error', 'error'])
    expect(of(result, 'queue-deliver').map((e) => e.receiveCount)).toEqual([1, 2])
    expect(of(result, 'queue-visible')).toHaveLength(2)
    expect(of(result, 'queue-dead-letter').map((e) => [e.deadLetterQueue, e.receiveCount])).toEqual([['jobs-dlq', 2]])
  })

  it('keeps only the reported messages with ReportBatchItemFailures', async () => {
    const consumer = `export async function handler(event) {
      return { batchItemFailures: event.Records.filter((r) => r.body === 'bad').map((r) => ({ itemIdentifier: r.messageId })) }
    }`
    const result = ok(
      await send(project(consumer, config({ FunctionResponseTypes: ['ReportBatchItemFailures'] })), ['good', 'bad']),
    )
    const [first] = of(result, 'queue-batch-end')
    expect(first.outcome).toBe('partial')
    expect(first.failed).toHaveLength(1)
    expect(of(result, 'queue-complete')).toHaveLength(1)
    expect(of(result, 'queue-dead-letter')).toHaveLength(1)
  })

  it('ignores batchItemFailures without ReportBatchItemFailures, and says so', async () => {
    const consumer = `export async function handler(event) {
      return { batchItemFailures: [{ itemIdentifier: event.Records[0].messageId }] }
    }`
    const result = ok(await send(project(consumer, config()), ['a']))
    expect(of(result, 'queue-batch-end').map((e) => e.outcome)).toEqual(['success'])
    expect(result.console.some((l) => l.text.includes('Lambda ignores them and deletes the whole batch'))).toBe(true)
  })

  it('fails the whole batch on an itemIdentifier that is empty or not in the batch', async () => {
    const consumer = `export async function handler() { return { batchItemFailures: [{ itemIdentifier: '' }] } }`
    const result = ok(
      await send(project(consumer, config({ FunctionResponseTypes: ['ReportBatchItemFailures'] })), ['a', 'b']),
    )
    expect(of(result, 'queue-batch-end')[0]).toMatchObject({ outcome: 'error' })
    expect(of(result, 'queue-batch-end')[0].failed).toHaveLength(2)
  })

  it('hands at most BatchSize messages to one invocation', async () => {
    const result = ok(
      await send(project(`export async function handler() {}`, config({ BatchSize: 2 })), ['a', 'b', 'c']),
    )
    expect(of(result, 'queue-deliver').map((e) => e.batch)).toEqual([1, 1, 2])
  })

  it('stops a timed-out function: its later work never runs, and the batch comes back', async () => {
    const consumer = `export async function handler() {
      await new Promise((r) => setTimeout(r, 8000))
      console.log('after the timeout')
    }`
    const result = ok(await send(project(consumer, config({ Timeout: 5 }, { VisibilityTimeout: 30 })), ['a']))
    expect(result.console.some((l) => l.text === 'after the timeout')).toBe(false)
    expect(of(result, 'queue-batch-end').map((e) => e.outcome)).toEqual(['timeout', 'timeout'])
  })

  it('answers an unknown queue URL with QueueDoesNotExist', async () => {
    const files = {
      ...project(`export async function handler() {}`, config()),
      '.env': 'QUEUE_URL=https://sqs.us-east-1.amazonaws.com/1/nope',
    }
    const result = ok(await send(files, ['a']))
    expect(result.requests[0].status).toBe(500)
    expect(result.console.some((l) => l.text.includes('The specified queue does not exist'))).toBe(true)
  })

  it('reports mistakes in infra/queues.json as a build error naming the file', async () => {
    const bad = await send(
      project(`export async function handler() {}`, { queues: { jobs: { VisibilityTimeOut: 5 } } }),
      ['a'],
    )
    expect(bad.ok).toBe(false)
    if (bad.ok) return
    expect(bad.error.file).toBe('infra/queues.json')
    expect(bad.error.message).toContain('VisibilityTimeOut')
    const missing = await send(
      project(`export async function handler() {}`, {
        ...config(),
        consumers: [{ queue: 'jobs', handler: 'nope.handler' }],
      }),
      ['a'],
    )
    expect(!missing.ok && missing.error.message).toContain('no file nope.ts')
  })
})

describe('the BullMQ stand-in', () => {
  it("uses BullMQ's backoffs: fixed waits delay, exponential delay * 2^(attemptsMade - 1)", () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay({ type: 'exponential', delay: 1000 }, n))).toEqual([
      1000, 2000, 4000, 8000,
    ])
    expect([1, 2].map((n) => backoffDelay({ type: 'fixed', delay: 500 }, n))).toEqual([500, 500])
    expect(backoffDelay(250, 3)).toBe(250)
    expect(backoffDelay(undefined, 1)).toBe(0)
  })

  it('does not run jobs whose worker lives in a frozen serverless instance', async () => {
    const files: FileTree = {
      'app/api/go/route.ts': `
        import { Queue, Worker } from 'bullmq'
        const queue = new Queue('q', { connection: {} })
        new Worker('q', async (job) => console.log('ran', job.data.n), { connection: {} })
        export async function POST() { await queue.add('j', { n: 1 }); return Response.json({ ok: true }) }`,
    }
    const result = ok(
      await engine.run({
        files,
        scenario: { platform: { profile: 'fluid' }, requests: [{ method: 'POST', path: '/api/go' }], runForMs: 60_000 },
      }),
    )
    // The job is picked up within the request's instance, which freezes once the response is sent.
    expect(result.console.some((l) => l.text === 'ran 1')).toBe(false)
    expect(of(result, 'queue-send')).toHaveLength(1)
  })
})
