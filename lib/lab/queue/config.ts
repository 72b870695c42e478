/**
 * The queue infrastructure of an example, read from its files before a run:
 * - `infra/queues.json`: SQS queues and the Lambda consumers their event source mappings invoke, with
 *   the property names AWS uses (CloudFormation `AWS::SQS::Queue`, `AWS::Lambda::EventSourceMapping`),
 *   so a reader can carry the values to a real template.
 * - `Procfile`: long-running processes beside the app (`worker: tsx worker.ts`), the way Heroku,
 *   Railway or Dokku start a BullMQ worker; the `web` line is the app itself.
 */
import { z } from 'zod'

export const QUEUES_FILE = 'infra/queues.json'
export const PROCFILE = 'Procfile'

const queueSchema = z
  .object({
    VisibilityTimeout: z
      .number()
      .int()
      .min(0)
      .max(43_200)
      .default(30)
      .describe('Seconds a received message stays hidden from other receives (SQS default 30, at most 12 hours).'),
    DelaySeconds: z
      .number()
      .int()
      .min(0)
      .max(900)
      .default(0)
      .describe('Seconds a new message waits before it is visible.'),
    RedrivePolicy: z
      .object({
        deadLetterTargetArn: z.string().describe('ARN (or name) of the dead-letter queue; its last segment names it.'),
        maxReceiveCount: z
          .number()
          .int()
          .min(1)
          .max(1000)
          .describe('Receives a message may have before SQS moves it to the dead-letter queue.'),
      })
      .strict()
      .optional(),
  })
  .strict()

const consumerSchema = z
  .object({
    queue: z.string().describe('The queue this event source mapping polls.'),
    handler: z
      .string()
      .regex(
        /^[^.]+(\/[^.]+)*\.[A-Za-z_$][\w$]*$/,
        'write it as "<file without extension>.<export>", e.g. "consumer/handler.handler"',
      )
      .describe('Lambda handler setting: file without extension, a dot, the exported function.'),
    Timeout: z
      .number()
      .int()
      .min(1)
      .max(900)
      .default(3)
      .describe('Function timeout, seconds (Lambda default 3, at most 900).'),
    BatchSize: z.number().int().min(1).max(10_000).default(10).describe('Most messages per invocation (default 10).'),
    MaximumBatchingWindowInSeconds: z
      .number()
      .int()
      .min(0)
      .max(300)
      .default(0)
      .describe('How long Lambda gathers messages before it invokes with a batch that is not full (default 0).'),
    FunctionResponseTypes: z
      .array(z.literal('ReportBatchItemFailures'))
      .default([])
      .describe('["ReportBatchItemFailures"] lets the function return the failed messages only.'),
    MaximumConcurrency: z
      .number()
      .int()
      .min(2)
      .max(1000)
      .default(2)
      .describe('Batches in flight at once (ScalingConfig.MaximumConcurrency; AWS minimum 2, the lab default).'),
  })
  .strict()

export const queuesFileSchema = z
  .object({
    queues: z.record(z.string().regex(/^[\w-]{1,80}$/, 'a queue name has letters, digits, - and _'), queueSchema),
    consumers: z.array(consumerSchema).default([]),
  })
  .strict()

export type QueueConfig = z.infer<typeof queueSchema>
export type ConsumerConfig = z.infer<typeof consumerSchema>
export interface QueueInfrastructure {
  queues: Record<string, QueueConfig>
  consumers: Array<ConsumerConfig & { file: string; exportName: string }>
  processes: Array<{ name: string; file: string }>
}

/** A mistake in the infrastructure files, reported like a build error: file, what, and how to fix it. */
export class QueueConfigError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`)
  }
}

const CODE_EXTENSIONS = ['.ts', '.js', '.mts', '.mjs']

function resolveCodeFile(files: Record<string, string>, base: string): string | undefined {
  const clean = base.replace(/^\.\//, '')
  if (clean in files) return clean
  return CODE_EXTENSIONS.map((e) => clean.replace(/\.(ts|js|mts|mjs)$/, '') + e).find((f) => f in files)
}

export function readQueueInfrastructure(files: Record<string, string>): QueueInfrastructure {
  const infra: QueueInfrastructure = { queues: {}, consumers: [], processes: [] }
  const source = files[QUEUES_FILE]
  if (source !== undefined) {
    let json: unknown
    try {
      json = JSON.parse(source)
    } catch (error) {
      throw new QueueConfigError(QUEUES_FILE, `not valid JSON (${(error as Error).message})`)
    }
    const parsed = queuesFileSchema.safeParse(json)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new QueueConfigError(QUEUES_FILE, `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    }
    infra.queues = parsed.data.queues
    for (const [name, queue] of Object.entries(infra.queues)) {
      const dlq = queue.RedrivePolicy && dlqName(queue.RedrivePolicy.deadLetterTargetArn)
      if (dlq && !(dlq in infra.queues))
        throw new QueueConfigError(
          QUEUES_FILE,
          `queues.${name}.RedrivePolicy names "${dlq}", which is not in "queues"; add it.`,
        )
    }
    parsed.data.consumers.forEach((consumer, i) => {
      const queue = infra.queues[consumer.queue]
      if (!queue)
        throw new QueueConfigError(QUEUES_FILE, `consumers.${i}.queue: no queue named "${consumer.queue}" in "queues".`)
      // Lambda refuses this mapping: "Your function's timeout must be less than or equal to the queue's
      // visibility timeout" (docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html).
      if (consumer.Timeout > queue.VisibilityTimeout)
        throw new QueueConfigError(
          QUEUES_FILE,
          `consumers.${i}: the function's Timeout (${consumer.Timeout} s) exceeds the queue's VisibilityTimeout (${queue.VisibilityTimeout} s); Lambda rejects this event source mapping. AWS recommends a VisibilityTimeout of at least six times the Timeout.`,
        )
      const dot = consumer.handler.lastIndexOf('.')
      const file = resolveCodeFile(files, consumer.handler.slice(0, dot))
      if (!file)
        throw new QueueConfigError(
          QUEUES_FILE,
          `consumers.${i}.handler: no file ${consumer.handler.slice(0, dot)}.ts in the example.`,
        )
      infra.consumers.push({ ...consumer, file, exportName: consumer.handler.slice(dot + 1) })
    })
  }
  const procfile = files[PROCFILE]
  if (procfile !== undefined) {
    procfile.split('\n').forEach((line, i) => {
      const text = line.trim()
      if (!text || text.startsWith('#')) return
      const m = /^([\w-]+):\s*(.+)$/.exec(text)
      if (!m)
        throw new QueueConfigError(PROCFILE, `line ${i + 1}: write "<name>: <command>", e.g. "worker: tsx worker.ts".`)
      if (m[1] === 'web') return
      const script = m[2].split(/\s+/).find((word) => /\.(ts|js|mts|mjs)$/.test(word))
      const file = script && resolveCodeFile(files, script)
      if (!file)
        throw new QueueConfigError(
          PROCFILE,
          `line ${i + 1}: the lab runs a process from its script file (e.g. "tsx worker.ts"); none found in "${m[2]}".`,
        )
      infra.processes.push({ name: m[1], file })
    })
  }
  return infra
}

export function dlqName(arnOrName: string): string {
  return arnOrName.split(':').pop()!
}
