/**
 * The `bullmq` module in the lab: the part of BullMQ's `Queue`/`Worker` API the course uses, with the
 * queue kept in memory on the virtual clock instead of in Redis. It is a stand-in for Redis, and the
 * lab says so; nothing connects anywhere, and `connection` is accepted and ignored. The rules, from
 * BullMQ's documentation (docs.bullmq.io, checked 2026-12-07):
 * - `queue.add(name, data, opts)` stores a job; a `jobId` that already exists adds nothing and
 *   returns the existing job (guide/jobs/job-ids).
 * - A `Worker` pulls jobs as soon as they wait, `concurrency` at a time (default 1), in the process
 *   that created it: the worker is a long-running process, and where that process is frozen (a
 *   serverless instance after its response), so is the worker (guide/workers).
 * - A processor that throws fails the attempt. With `attempts` above 1 the job runs again after its
 *   backoff: `fixed` waits `delay`, `exponential` waits `delay * 2^(attemptsMade - 1)`; without a
 *   backoff it is retried at once. After the last attempt it stays in the failed set
 *   (guide/retrying-failing-jobs). The `failed` event fires for every failed attempt.
 * Not modelled: Redis itself (persistence, memory, eviction), stalled-job detection, priorities,
 * repeatable jobs, flows, rate limits, jitter, sandboxed processors and events across processes.
 */
import type { ExecContext } from '../clock/context'
import type { Scheduler } from '../clock/scheduler'
import { toRuntimeError } from '../modules/errors'
import type { QueueEvent } from '../types'

/** Virtual ms of one Redis round trip within a region. */
export const REDIS_MS = 2

interface JobOptions {
  jobId?: string
  attempts?: number
  backoff?: number | { type: 'fixed' | 'exponential'; delay?: number }
  delay?: number
}

interface JobRecord {
  id: string
  name: string
  data: unknown
  opts: JobOptions
  attemptsMade: number
  state: 'waiting' | 'delayed' | 'active' | 'completed' | 'failed'
  returnvalue?: unknown
  failedReason?: string
  timestamp: number
}

type Processor = (job: unknown) => unknown

interface WorkerEntry {
  queue: string
  processor: Processor
  concurrency: number
  running: number
  ctx: ExecContext
  listeners: Map<string, Array<(...args: unknown[]) => void>>
  closed: boolean
}

export class BullmqStandIn {
  private jobs = new Map<string, JobRecord[]>()
  private workers: WorkerEntry[] = []
  private nextId = new Map<string, number>()

  constructor(
    private scheduler: Scheduler,
    private emit: (e: QueueEvent) => void,
    private log: (text: string, level?: 'info' | 'warn' | 'error') => void,
  ) {}

  /** Jobs a worker has yet to finish: the run waits for them (a queue with no worker does not hold the run). */
  get outstanding(): number {
    let n = 0
    for (const [queue, jobs] of this.jobs)
      if (this.workers.some((w) => w.queue === queue && !w.closed))
        n += jobs.filter((j) => j.state === 'waiting' || j.state === 'delayed' || j.state === 'active').length
    return n
  }

  module() {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const service = this
    const s = this.scheduler
    class Job {
      constructor(private record: JobRecord) {}
      get id() {
        return this.record.id
      }
      get name() {
        return this.record.name
      }
      get data() {
        return this.record.data
      }
      get opts() {
        return this.record.opts
      }
      get attemptsMade() {
        return this.record.attemptsMade
      }
      get timestamp() {
        return this.record.timestamp
      }
      get returnvalue() {
        return this.record.returnvalue
      }
      get failedReason() {
        return this.record.failedReason
      }
      async updateProgress() {}
      async log() {
        return 0
      }
    }
    class Queue {
      constructor(
        readonly name: string,
        private options: { defaultJobOptions?: JobOptions } = {},
      ) {
        if (typeof name !== 'string' || !name) throw new TypeError('Queue name must be a non-empty string.')
      }
      async add(jobName: string, data: unknown, opts: JobOptions = {}) {
        await s.sleep(REDIS_MS)
        const record = service.add(this.name, jobName, data, { ...this.options.defaultJobOptions, ...opts })
        return new Job(record)
      }
      async getJobCounts() {
        return service.counts(this.name)
      }
      async close() {}
    }
    class Worker {
      private entry: WorkerEntry
      constructor(queue: string, processor: Processor, options: { concurrency?: number; autorun?: boolean } = {}) {
        if (typeof processor !== 'function')
          throw new TypeError(
            'The lab runs a Worker with a processor function: new Worker(name, async (job) => { … }, opts).',
          )
        const current = s.current
        this.entry = {
          queue,
          processor: (record) => processor(new Job(record as JobRecord)),
          concurrency: Math.max(1, options.concurrency ?? 1),
          running: 0,
          // The jobs run where the worker was created: in the process (or the instance) that owns it.
          ctx: { instance: current?.instance, kind: 'user' },
          listeners: new Map(),
          closed: false,
        }
        service.addWorker(this.entry)
      }
      on(event: string, listener: (...args: unknown[]) => void) {
        const list = this.entry.listeners.get(event) ?? []
        list.push(listener)
        this.entry.listeners.set(event, list)
        return this
      }
      async close() {
        this.entry.closed = true
      }
    }
    return { __esModule: true, Queue, Worker, Job }
  }

  add(queue: string, name: string, data: unknown, opts: JobOptions): JobRecord {
    const jobs = this.jobs.get(queue) ?? this.jobs.set(queue, []).get(queue)!
    if (opts.jobId !== undefined) {
      const existing = jobs.find((j) => j.id === String(opts.jobId))
      if (existing) {
        this.log(`${queue}: a job with id ${existing.id} already exists; add() changed nothing`)
        return existing
      }
    }
    const n = (this.nextId.get(queue) ?? 0) + 1
    this.nextId.set(queue, n)
    const now = this.scheduler.now
    const record: JobRecord = {
      id: opts.jobId !== undefined ? String(opts.jobId) : String(n),
      name,
      data: JSON.parse(JSON.stringify(data ?? null)),
      opts,
      attemptsMade: 0,
      state: opts.delay ? 'delayed' : 'waiting',
      timestamp: now,
    }
    jobs.push(record)
    const ctx = this.scheduler.current
    const event: QueueEvent = { t: now, type: 'queue-send', queue, messageId: record.id }
    if (ctx?.instance) event.instance = ctx.instance.id
    if (ctx?.request && ctx.request.index >= 0) event.request = ctx.request.index
    this.emit(event)
    if (opts.delay) this.scheduler.after(opts.delay, () => this.promote(queue, record), null)
    else this.pump(queue)
    return record
  }

  counts(queue: string): Record<string, number> {
    const out: Record<string, number> = { waiting: 0, delayed: 0, active: 0, completed: 0, failed: 0 }
    for (const j of this.jobs.get(queue) ?? []) out[j.state]++
    return out
  }

  addWorker(entry: WorkerEntry): void {
    this.workers.push(entry)
    this.pump(entry.queue)
  }

  private promote(queue: string, record: JobRecord): void {
    if (record.state !== 'delayed') return
    record.state = 'waiting'
    this.pump(queue)
  }

  /** Hand waiting jobs to workers with a free slot, one Redis round trip later. */
  private pump(queue: string): void {
    for (const worker of this.workers) {
      if (worker.queue !== queue || worker.closed) continue
      while (worker.running < worker.concurrency) {
        const job = (this.jobs.get(queue) ?? []).find((j) => j.state === 'waiting')
        if (!job) break
        job.state = 'active'
        worker.running++
        this.scheduler.after(REDIS_MS, () => void this.process(worker, job), worker.ctx)
      }
    }
  }

  private async process(worker: WorkerEntry, job: JobRecord): Promise<void> {
    const s = this.scheduler
    const attempt = job.attemptsMade + 1
    const instance = worker.ctx.instance?.id
    const deliver: QueueEvent = {
      t: s.now,
      type: 'queue-deliver',
      queue: worker.queue,
      messageId: job.id,
      receiveCount: attempt,
    }
    if (instance) deliver.instance = instance
    this.emit(deliver)
    const attempts = Math.max(1, job.opts.attempts ?? 1)
    try {
      job.returnvalue = await worker.processor(job)
      job.state = 'completed'
      this.emit({ t: s.now, type: 'queue-complete', queue: worker.queue, messageId: job.id })
      this.log(`${worker.queue}: job ${job.id} completed on attempt ${attempt} of ${attempts}`)
      this.fire(worker, 'completed', job, job.returnvalue)
    } catch (error) {
      job.attemptsMade++
      job.failedReason = error instanceof Error ? error.message : String(error)
      if (job.attemptsMade < attempts) {
        const delayMs = backoffDelay(job.opts.backoff, job.attemptsMade)
        job.state = 'delayed'
        this.emit({ t: s.now, type: 'queue-retry', queue: worker.queue, messageId: job.id, attempt, delayMs })
        this.log(
          `${worker.queue}: job ${job.id} failed attempt ${attempt} of ${attempts} (${job.failedReason}); retry in ${delayMs.toLocaleString('en-GB')} ms`,
          'warn',
        )
        s.after(delayMs, () => this.promote(worker.queue, job), null)
      } else {
        job.state = 'failed'
        this.emit({ t: s.now, type: 'queue-failed', queue: worker.queue, messageId: job.id, attempts })
        this.log(
          `${worker.queue}: job ${job.id} failed its last attempt (${attempt} of ${attempts}): ${job.failedReason}; it stays in the failed set`,
          'error',
        )
      }
      this.fire(worker, 'failed', job, error)
    }
    worker.running--
    this.pump(worker.queue)
  }

  private fire(worker: WorkerEntry, event: string, job: JobRecord, arg: unknown): void {
    for (const listener of worker.listeners.get(event) ?? []) {
      try {
        listener({ id: job.id, name: job.name, data: job.data, attemptsMade: job.attemptsMade, opts: job.opts }, arg)
      } catch (error) {
        this.log(`a '${event}' listener threw: ${toRuntimeError(error).message}`, 'error')
      }
    }
  }
}

/** BullMQ's built-in backoffs; `attemptsMade` counts the failed attempts so far (1 after the first). */
export function backoffDelay(backoff: JobOptions['backoff'], attemptsMade: number): number {
  if (backoff === undefined) return 0
  if (typeof backoff === 'number') return backoff
  const delay = backoff.delay ?? 0
  return backoff.type === 'exponential' ? delay * 2 ** (attemptsMade - 1) : delay
}
