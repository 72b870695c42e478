/**
 * A simulated Amazon SQS standard queue and Lambda's SQS event source mapping, on the virtual clock.
 * The rules, each from AWS's documentation (checked 2026-12-07):
 * - At-least-once delivery: a received message is only hidden, never removed, until it is deleted
 *   (docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/standard-queues-at-least-once-delivery.html).
 * - Visibility timeout: a received message is invisible for `VisibilityTimeout` seconds; if nobody
 *   deletes it by then, it can be received again, with `ApproximateReceiveCount` one higher
 *   (…/SQSDeveloperGuide/sqs-visibility-timeout.html). Each receive gets a new receipt handle, and a
 *   delete with an older one does not delete the message (the lab ignores it; SQS may too).
 * - Dead-letter queue: a redrive policy moves a message whose receive count would exceed
 *   `maxReceiveCount` to the dead-letter queue instead of delivering it (…/sqs-dead-letter-queues.html).
 * - The event source mapping polls, gathers up to `BatchSize` messages (or waits up to
 *   `MaximumBatchingWindowInSeconds`), invokes the function synchronously, and deletes the whole batch
 *   only when the function succeeds. An error or a timeout returns every message of the batch to the
 *   queue, to be seen again after the visibility timeout (docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html).
 * - With `FunctionResponseTypes: ["ReportBatchItemFailures"]`, the function returns
 *   `{ batchItemFailures: [{ itemIdentifier: messageId }] }`: only those stay on the queue. An empty or
 *   missing list is full success; an empty, null or unknown `itemIdentifier` makes the whole batch a
 *   failure. Without the setting, the response is ignored and success deletes the whole batch
 *   (…/services-sqs-errorhandling.html#services-sqs-batchfailurereporting).
 * Not modelled: message retention (4 days by default; runs are far shorter), FIFO queues, message
 * attributes' MD5s, long-polling costs, Lambda's own scaling ramp (the lab runs at most
 * `MaximumConcurrency` batches at once) and its throttling backoff.
 */
import { createRandom } from '../clock/random'
import type { Scheduler } from '../clock/scheduler'
import { VIRTUAL_EPOCH } from '../clock/virtual-globals'
import type { QueueEvent } from '../types'
import { dlqName, type ConsumerConfig, type QueueConfig } from './config'
import { EventSourceMapping, type Invoke } from './event-source-mapping'

export const SQS_REGION = 'us-east-1'
export const SQS_ACCOUNT = '123456789012'
/** Virtual ms a SendMessage call takes (one HTTPS round trip within a region). */
export const SQS_SEND_MS = 10

export const queueUrl = (name: string) => `https://sqs.${SQS_REGION}.amazonaws.com/${SQS_ACCOUNT}/${name}`
export const queueArn = (name: string) => `arn:aws:sqs:${SQS_REGION}:${SQS_ACCOUNT}:${name}`

export interface Message {
  id: string
  body: string
  sentAt: number
  receiveCount: number
  firstReceiveAt?: number
  visibleAt: number
  /** The receipt handle of the latest receive; a delete must present it. */
  receipt?: string
  state: 'waiting' | 'in-flight' | 'done'
}

export class SimulatedQueue {
  readonly messages: Message[] = []
  constructor(
    readonly name: string,
    readonly config: QueueConfig,
  ) {}
  visible(now: number): Message[] {
    return this.messages.filter((m) => m.state === 'waiting' && m.visibleAt <= now)
  }
}

export interface SqsRecord {
  messageId: string
  receiptHandle: string
  body: string
  attributes: {
    ApproximateReceiveCount: string
    SentTimestamp: string
    SenderId: string
    ApproximateFirstReceiveTimestamp: string
  }
  messageAttributes: Record<string, never>
  md5OfBody: string
  eventSource: 'aws:sqs'
  eventSourceARN: string
  awsRegion: string
}

export class SimulatedSqs {
  readonly queues = new Map<string, SimulatedQueue>()
  private mappings: EventSourceMapping[] = []
  private random: () => number
  /** Invocations in flight, for the run's end. */
  inFlight = 0

  constructor(
    private scheduler: Scheduler,
    private emit: (e: QueueEvent) => void,
    private log: (text: string, level?: 'info' | 'warn') => void,
    queues: Record<string, QueueConfig>,
    seed: number,
  ) {
    this.random = createRandom(seed * 31 + 17)
    for (const [name, config] of Object.entries(queues)) this.queues.set(name, new SimulatedQueue(name, config))
  }

  /** Messages a consumer has yet to finish: the run waits for them. */
  get outstanding(): number {
    let n = this.inFlight
    for (const q of this.queues.values())
      if (this.mappings.some((m) => m.queue === q)) n += q.messages.filter((m) => m.state !== 'done').length
    return n
  }

  addConsumer(consumer: ConsumerConfig & { file: string; exportName: string }, invoke: Invoke): void {
    const queue = this.queues.get(consumer.queue)!
    this.mappings.push(new EventSourceMapping(this, queue, consumer, invoke))
  }

  /** The queue a QueueUrl (or ARN, or name) points at; SQS answers an unknown one with QueueDoesNotExist. */
  resolve(urlOrName: string | undefined): SimulatedQueue {
    const name = String(urlOrName ?? '')
      .split(/[/:]/)
      .pop()!
    const queue = this.queues.get(name)
    if (!queue) {
      const known = [...this.queues.keys()].map(queueUrl).join(', ') || 'none (add one to infra/queues.json)'
      throw Object.assign(
        new Error(`The specified queue does not exist. (QueueUrl: ${urlOrName}; the lab's queues: ${known})`),
        {
          name: 'QueueDoesNotExist',
          $metadata: { httpStatusCode: 400 },
        },
      )
    }
    return queue
  }

  send(
    queue: SimulatedQueue,
    body: string,
    delaySeconds: number | undefined,
    who: { instance?: string; request?: number },
  ): string {
    if (typeof body !== 'string' || body.length === 0)
      throw Object.assign(new Error('The request must contain the parameter MessageBody.'), {
        name: 'MissingParameter',
      })
    const now = this.scheduler.now
    const message: Message = {
      id: this.uuid(),
      body,
      sentAt: now,
      receiveCount: 0,
      visibleAt: now + (delaySeconds ?? queue.config.DelaySeconds) * 1000,
      state: 'waiting',
    }
    queue.messages.push(message)
    const event: QueueEvent = { t: now, type: 'queue-send', queue: queue.name, messageId: message.id }
    if (who.instance) event.instance = who.instance
    if (who.request !== undefined) event.request = who.request
    this.emit(event)
    this.scheduler.schedule(message.visibleAt, () => this.wake(queue), null)
    return message.id
  }

  /** ReceiveMessage as the event source mapping's poller calls it: up to `max` visible messages. */
  receive(queue: SimulatedQueue, max: number): Message[] {
    const now = this.scheduler.now
    const out: Message[] = []
    const dead: Message[] = []
    const redrive = queue.config.RedrivePolicy
    for (const message of queue.visible(now)) {
      if (out.length >= max) break
      if (redrive && message.receiveCount >= redrive.maxReceiveCount) {
        dead.push(message)
        continue
      }
      message.receiveCount++
      message.firstReceiveAt ??= now
      message.state = 'in-flight'
      message.receipt = `${message.id}#${message.receiveCount}`
      message.visibleAt = now + queue.config.VisibilityTimeout * 1000
      out.push(message)
    }
    if (redrive && dead.length)
      this.moveToDeadLetter(queue, dead, dlqName(redrive.deadLetterTargetArn), redrive.maxReceiveCount)
    if (out.length) {
      const receipts = out.map((m) => m.receipt)
      this.scheduler.schedule(
        now + queue.config.VisibilityTimeout * 1000,
        () => {
          // Only the messages nobody deleted (and nobody received again since) come back.
          const back = out.filter((m, i) => m.state === 'in-flight' && m.receipt === receipts[i])
          if (!back.length) return
          for (const m of back) {
            m.state = 'waiting'
            this.emit({
              t: this.scheduler.now,
              type: 'queue-visible',
              queue: queue.name,
              messageId: m.id,
              receiveCount: m.receiveCount,
            })
          }
          this.log(
            `${queue.name}: ${count(back.length)} not deleted within the ${queue.config.VisibilityTimeout} s visibility timeout (${back.map((m) => short(m.id)).join(', ')}); visible again`,
          )
          this.wake(queue)
        },
        null,
      )
    }
    return out
  }

  /** DeleteMessage: only the latest receipt handle deletes. */
  delete(queue: SimulatedQueue, message: Message, receipt: string): void {
    if (message.state !== 'in-flight' || message.receipt !== receipt) return
    message.state = 'done'
    this.emit({ t: this.scheduler.now, type: 'queue-complete', queue: queue.name, messageId: message.id })
  }

  recordOf(queue: SimulatedQueue, m: Message): SqsRecord {
    return {
      messageId: m.id,
      receiptHandle: m.receipt!,
      body: m.body,
      attributes: {
        ApproximateReceiveCount: String(m.receiveCount),
        SentTimestamp: String(VIRTUAL_EPOCH + m.sentAt),
        SenderId: 'AIDAEXAMPLEPRODUCER',
        ApproximateFirstReceiveTimestamp: String(VIRTUAL_EPOCH + (m.firstReceiveAt ?? m.sentAt)),
      },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: queueArn(queue.name),
      awsRegion: SQS_REGION,
    }
  }

  get schedulerRef(): Scheduler {
    return this.scheduler
  }

  emitEvent(e: QueueEvent): void {
    this.emit(e)
  }

  logLine(text: string, level?: 'info' | 'warn'): void {
    this.log(text, level)
  }

  private wake(queue: SimulatedQueue): void {
    for (const m of this.mappings) if (m.queue === queue) m.wake()
  }

  private moveToDeadLetter(queue: SimulatedQueue, messages: Message[], dlq: string, maxReceiveCount: number): void {
    const target = this.queues.get(dlq)!
    for (const message of messages) {
      message.state = 'done'
      target.messages.push({ ...message, state: 'waiting', visibleAt: this.scheduler.now, receipt: undefined })
      this.emit({
        t: this.scheduler.now,
        type: 'queue-dead-letter',
        queue: queue.name,
        deadLetterQueue: dlq,
        messageId: message.id,
        receiveCount: message.receiveCount,
      })
    }
    this.log(
      `${queue.name}: ${count(messages.length)} received ${maxReceiveCount} times, the maxReceiveCount (${messages.map((m) => short(m.id)).join(', ')}); moved to ${dlq}`,
      'warn',
    )
    this.wake(target)
  }

  private uuid(): string {
    const hex = Array.from({ length: 32 }, () => Math.floor(this.random() * 16).toString(16))
    hex[12] = '4'
    hex[16] = ((parseInt(hex[16], 16) & 3) | 8).toString(16)
    const h = hex.join('')
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
  }
}

/** The first block of a message id, as the console prints it. */
export const short = (id: string) => id.slice(0, 8)
export const count = (n: number) => (n === 1 ? '1 message' : `${n} messages`)
