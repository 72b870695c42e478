/**
 * Lambda's SQS event source mapping for one queue and one function: it polls, gathers a batch (up to
 * `BatchSize`, or what arrived within `MaximumBatchingWindowInSeconds`), invokes the function, and
 * deletes what Lambda's rules say succeeded (docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html;
 * the rules are listed in sqs.ts).
 */
import type { ConsumerConfig } from './config'
import type { InvokeOutcome } from './invoke'
import { SQS_ACCOUNT, SQS_REGION, short, type SimulatedQueue, type SimulatedSqs, type SqsRecord } from './sqs'

export type Invoke = (file: string, exportName: string, args: (deadline: number) => unknown[]) => Promise<InvokeOutcome>

/** Lambda's poller for one queue and one function. */
export class EventSourceMapping {
  private running = 0
  private pollAt: number | undefined
  private batches = 0

  constructor(
    private sqs: SimulatedSqs,
    readonly queue: SimulatedQueue,
    private config: ConsumerConfig & { file: string; exportName: string },
    private invoke: Invoke,
  ) {}

  /** Messages may be waiting: poll now, or when the batching window closes. */
  wake(): void {
    const s = this.sqs.schedulerRef
    if (this.running >= this.config.MaximumConcurrency) return
    const visible = this.queue.visible(s.now).length
    if (visible === 0) return
    const windowMs = this.config.MaximumBatchingWindowInSeconds * 1000
    const at = visible >= this.config.BatchSize ? s.now : s.now + windowMs
    if (this.pollAt !== undefined && this.pollAt <= at) return
    this.pollAt = at
    s.schedule(
      at,
      () => {
        if (this.pollAt !== at) return
        this.pollAt = undefined
        void this.poll()
      },
      null,
    )
  }

  private async poll(): Promise<void> {
    const s = this.sqs.schedulerRef
    if (this.running >= this.config.MaximumConcurrency) return
    const messages = this.sqs.receive(this.queue, this.config.BatchSize)
    if (messages.length === 0) return
    const batch = ++this.batches
    this.running++
    this.sqs.inFlight++
    const receipts = messages.map((m) => m.receipt!)
    const records = messages.map((m) => this.sqs.recordOf(this.queue, m))
    // More may be waiting than one batch holds: another poller takes them while this batch runs.
    this.wake()
    let instance = ''
    const outcome = await this.invoke(this.config.file, this.config.exportName, (deadline) => {
      instance = s.current?.instance?.id ?? ''
      for (const m of messages)
        this.sqs.emitEvent({
          t: s.now,
          type: 'queue-deliver',
          queue: this.queue.name,
          messageId: m.id,
          receiveCount: m.receiveCount,
          instance,
          batch,
        })
      const redelivered = messages.filter((m) => m.receiveCount > 1).length
      this.sqs.logLine(
        `${this.queue.name} batch ${batch} → ${instance}: ${messages.length} message${messages.length === 1 ? '' : 's'} (${messages.map((m) => `${short(m.id)} receive ${m.receiveCount}`).join(', ')})${redelivered ? `; ${redelivered} redelivered` : ''}`,
      )
      return [{ Records: records }, lambdaContext(this.config, this.queue.name, batch, () => deadline - s.now)]
    })
    instance ||= outcome.instance
    const failed = this.failedOf(outcome, records, batch)
    messages.forEach((m, i) => {
      if (!failed.ids.has(m.id)) this.sqs.delete(this.queue, m, receipts[i])
    })
    this.sqs.emitEvent({
      t: s.now,
      type: 'queue-batch-end',
      queue: this.queue.name,
      batch,
      instance,
      outcome: failed.outcome,
      failed: messages.filter((m) => failed.ids.has(m.id)).map((m) => m.id),
    })
    this.running--
    this.sqs.inFlight--
    this.wake()
  }

  /** Which messages stay on the queue, by Lambda's rules for this mapping. */
  private failedOf(
    outcome: InvokeOutcome,
    records: SqsRecord[],
    batch: number,
  ): { outcome: 'success' | 'partial' | 'error' | 'timeout'; ids: Set<string> } {
    const all = new Set(records.map((r) => r.messageId))
    const tag = `${this.queue.name} batch ${batch} (${records.length} message${records.length === 1 ? '' : 's'})`
    if (outcome.kind === 'timeout') {
      this.sqs.logLine(
        `${tag}: the function timed out after ${this.config.Timeout} s; the whole batch stays on the queue`,
        'warn',
      )
      return { outcome: 'timeout', ids: all }
    }
    if (outcome.kind === 'threw') {
      this.sqs.logLine(`${tag}: the function threw; the whole batch stays on the queue`, 'warn')
      return { outcome: 'error', ids: all }
    }
    if (!this.config.FunctionResponseTypes.includes('ReportBatchItemFailures')) {
      const reported = (outcome.value as { batchItemFailures?: unknown[] } | null)?.batchItemFailures
      if (Array.isArray(reported) && reported.length > 0)
        this.sqs.logLine(
          `${tag}: the function returned batchItemFailures, but this event source mapping does not have FunctionResponseTypes ["ReportBatchItemFailures"], so Lambda ignores them and deletes the whole batch`,
          'warn',
        )
      return { outcome: 'success', ids: new Set() }
    }
    const value = outcome.value as { batchItemFailures?: Array<{ itemIdentifier?: unknown }> | null } | null | undefined
    const list = value?.batchItemFailures
    if (list == null || (Array.isArray(list) && list.length === 0)) return { outcome: 'success', ids: new Set() }
    if (!Array.isArray(list) || list.some((f) => typeof f?.itemIdentifier !== 'string' || !all.has(f.itemIdentifier))) {
      this.sqs.logLine(
        `${tag}: batchItemFailures names an empty, null or unknown itemIdentifier, so Lambda treats the whole batch as failed`,
        'warn',
      )
      return { outcome: 'error', ids: all }
    }
    const ids = new Set(list.map((f) => f.itemIdentifier as string))
    this.sqs.logLine(
      `${tag}: ${ids.size} reported in batchItemFailures stay on the queue; the other ${all.size - ids.size} are deleted`,
    )
    return { outcome: 'partial', ids }
  }
}

/** The Lambda context object, as much of it as a consumer uses. */
function lambdaContext(
  config: ConsumerConfig & { exportName: string },
  queue: string,
  batch: number,
  remaining: () => number,
) {
  return {
    functionName: `${queue}-consumer`,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${SQS_REGION}:${SQS_ACCOUNT}:function:${queue}-consumer`,
    memoryLimitInMB: '1024',
    awsRequestId: `00000000-0000-4000-8000-${String(batch).padStart(12, '0')}`,
    logGroupName: `/aws/lambda/${queue}-consumer`,
    logStreamName: 'lab',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, remaining()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  }
}
