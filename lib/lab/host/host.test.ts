import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { RunOutcome } from '../types'
import { createLabHostWith, LabHostError, type WorkerLike } from './host'
import { CANCELLED_OUTCOME, FIRST_STARTUP_STEP, type FromWorker, type StartupStep, type ToWorker } from './protocol'

/** A fake worker: answers like the real one unless told to hang (a stuck infinite loop). */
class FakeWorker implements WorkerLike {
  onmessage: ((event: { data: FromWorker }) => void) | null = null
  onerror: ((event: unknown) => void) | null = null
  terminated = false
  hang = false
  received: ToWorker[] = []
  postMessage(msg: ToWorker): void {
    this.received.push(msg)
    if (this.hang || this.terminated) return
    const reply = (data: FromWorker) => queueMicrotask(() => this.onmessage?.({ data }))
    if (msg.type === 'ready') reply({ type: 'ready', ok: true })
    if (msg.type === 'ping') reply({ type: 'pong', seq: msg.seq })
    if (msg.type === 'run' && msg.input.scenario.requests[0]?.path === '/loop') this.hang = true
    else if (msg.type === 'run') reply({ type: 'result', id: msg.id, outcome: OUTCOME })
  }
  terminate(): void {
    this.terminated = true
  }
}

const OUTCOME: RunOutcome = { ok: false, error: { kind: 'plan', message: 'fake' }, console: [] }

describe('lab host', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('runs on the worker and resolves with its outcome', async () => {
    const workers: FakeWorker[] = []
    const host = createLabHostWith({ createWorker: () => (workers.push(new FakeWorker()), workers.at(-1)!) })
    await host.warmUp()
    await expect(host.start({ files: {}, scenario: { requests: [] } })).resolves.toEqual(OUTCOME)
    expect(workers).toHaveLength(1)
  })

  it('passes the files a lab will run to the worker ahead of the run, starting it if needed', () => {
    const workers: FakeWorker[] = []
    const host = createLabHostWith({ createWorker: () => (workers.push(new FakeWorker()), workers.at(-1)!) })
    const input = { files: { 'db/schema.sql': 'create table t (id int);' }, scenario: { requests: [] } }
    host.expectRun(input)
    expect(workers).toHaveLength(1)
    expect(workers[0].received).toContainEqual({ type: 'expect-run', input })
  })

  it('terminates a worker that stops answering heartbeats and starts a fresh one next time', async () => {
    const workers: FakeWorker[] = []
    const host = createLabHostWith({ createWorker: () => (workers.push(new FakeWorker()), workers.at(-1)!) })
    await host.warmUp()
    const stuck = host.start({ files: {}, scenario: { requests: [{ path: '/loop' }] } })
    const caught = stuck.catch((e: unknown) => e)
    await vi.advanceTimersByTimeAsync(2500)
    expect(workers[0].terminated).toBe(false)
    await vi.advanceTimersByTimeAsync(1500)
    const error = (await caught) as LabHostError
    expect(error).toBeInstanceOf(LabHostError)
    expect(error.kind).toBe('timeout')
    expect(error.message).toMatch(/^The code was stopped after 3 s/)
    expect(workers[0].terminated).toBe(true)
    // The next run transparently gets a new worker.
    await expect(host.start({ files: {}, scenario: { requests: [] } })).resolves.toEqual(OUTCOME)
    expect(workers).toHaveLength(2)
  })

  it('does not kill a worker that keeps answering', async () => {
    const workers: FakeWorker[] = []
    const host = createLabHostWith({
      createWorker: () => {
        const w = new FakeWorker()
        // Answers pings but never finishes the run: a long but healthy simulation.
        w.postMessage = function (this: FakeWorker, msg: ToWorker) {
          this.received.push(msg)
          if (msg.type === 'ready') queueMicrotask(() => this.onmessage?.({ data: { type: 'ready', ok: true } }))
          if (msg.type === 'ping') queueMicrotask(() => this.onmessage?.({ data: { type: 'pong', seq: msg.seq } }))
        }
        workers.push(w)
        return w
      },
    })
    await host.warmUp()
    const run = host.start({ files: {}, scenario: { requests: [] } }).catch((e: Error) => e.message)
    await vi.advanceTimersByTimeAsync(10_000)
    expect(workers[0].terminated).toBe(false)
    host.terminate()
    await expect(run).resolves.toEqual(CANCELLED_OUTCOME)
  })

  it('cancels a run at once, as cancelled (not timeout), and drops what the worker answers for it later', async () => {
    const workers: FakeWorker[] = []
    const host = createLabHostWith({ createWorker: () => (workers.push(new FakeWorker()), workers.at(-1)!) })
    await host.warmUp()
    workers[0].hang = true
    const first = host.start({ files: {}, scenario: { requests: [] } })
    host.cancel()
    expect(workers[0].received.at(-1)).toEqual({ type: 'cancel', id: 1 })
    const outcome = await first
    expect(outcome.ok).toBe(false)
    expect(!outcome.ok && outcome.error.kind).toBe('cancelled')
    // The worker's late answer for run 1 goes nowhere; a new run gets its own.
    workers[0].hang = false
    workers[0].onmessage?.({ data: { type: 'result', id: 1, outcome: OUTCOME } })
    await expect(host.start({ files: {}, scenario: { requests: [] } })).resolves.toEqual(OUTCOME)
  })

  it('a new run cancels the one in flight: one path, whichever lab on the page starts it', async () => {
    const workers: FakeWorker[] = []
    const host = createLabHostWith({ createWorker: () => (workers.push(new FakeWorker()), workers.at(-1)!) })
    await host.warmUp()
    workers[0].hang = true
    const older = host.start({ files: {}, scenario: { requests: [] } })
    void host.start({ files: {}, scenario: { requests: [] } })
    await expect(older).resolves.toEqual(CANCELLED_OUTCOME)
    expect(workers[0].received.filter((message) => message.type === 'cancel')).toEqual([{ type: 'cancel', id: 1 }])
  })

  it('reports the database start-up step by step until the worker is ready', async () => {
    const workers: FakeWorker[] = []
    const host = createLabHostWith({ createWorker: () => (workers.push(new FakeWorker()), workers.at(-1)!) })
    const seen: Array<StartupStep | null> = []
    host.onStartup((step) => seen.push(step))
    const ready = host.warmUp()
    workers[0].onmessage?.({ data: { type: 'startup', step: { step: 2, steps: 2, label: 'starting Postgres' } } })
    await ready
    expect(seen).toEqual([FIRST_STARTUP_STEP, { step: 2, steps: 2, label: 'starting Postgres' }, null])
    const later: Array<StartupStep | null> = []
    host.onStartup((step) => later.push(step))
    expect(later).toEqual([null])
  })
})
