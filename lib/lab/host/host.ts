/**
 * The main-thread side: owns one lab worker, runs scenarios on it, and stops user code that never
 * yields (an infinite loop) with a heartbeat watchdog. After a watchdog kill the next call starts
 * a fresh worker transparently.
 */
import type { LabError, RunInput, RunOutcome } from '../types'
import type { FromWorker, ToWorker } from './protocol'

/** The part of a Worker the host uses, so tests can pass a fake. */
export interface WorkerLike {
  postMessage(message: ToWorker): void
  terminate(): void
  onmessage: ((event: { data: FromWorker }) => void) | null
  onerror: ((event: unknown) => void) | null
}

export interface LabHostOptions {
  /** Defaults to the real worker (lib/lab/host/create-worker.ts). */
  createWorker?: () => WorkerLike
  /** How often to ping a busy worker, ms (default 500). */
  heartbeatIntervalMs?: number
  /** A worker that has not answered for this long is terminated, ms (default 3000). */
  heartbeatTimeoutMs?: number
}

export interface LabHost {
  /** Run a scenario. Rejects with a LabHostError (kind 'timeout') if the watchdog had to stop the code. */
  start(input: RunInput): Promise<RunOutcome>
  /** Cancel the run in flight; its promise resolves with a RunFailure. */
  cancel(): void
  /** Start the worker and its database early. */
  ready(): Promise<void>
  /**
   * Tell the worker which files the reader is about to run, so it compiles them and resets the
   * database for them before the first Run (until that Run arrives; later calls do nothing).
   */
  prepare(input: RunInput): void
  /** Kill the worker now (pending runs reject); the next call starts a new one. */
  terminate(): void
  /** terminate() then ready(). */
  restart(): Promise<void>
}

/** An Error carrying a LabError kind (`error.kind`, `error.message`), so the UI can word it like any other lab failure. */
export class LabHostError extends Error {
  constructor(
    readonly kind: LabError['kind'],
    message: string,
  ) {
    super(message)
    this.name = 'LabHostError'
  }
}

interface Pending {
  resolve: (o: RunOutcome) => void
  reject: (e: Error) => void
}

export function createLabHostWith(options: LabHostOptions & { createWorker: () => WorkerLike }): LabHost {
  const interval = options.heartbeatIntervalMs ?? 500
  const timeout = options.heartbeatTimeoutMs ?? 3000
  let worker: WorkerLike | undefined
  let readyPromise: Promise<void> | undefined
  let workerReady = false
  let nextId = 1
  let seq = 0
  let lastAnswer = 0
  let watchdog: ReturnType<typeof setInterval> | undefined
  const pending = new Map<number, Pending>()
  let readyWaiters: Array<{ resolve: () => void; reject: (e: Error) => void }> = []

  const kill = (error: Error) => {
    worker?.terminate()
    worker = undefined
    readyPromise = undefined
    workerReady = false
    for (const w of readyWaiters) w.reject(error)
    readyWaiters = []
    for (const p of pending.values()) p.reject(error)
    pending.clear()
    stopWatchdog()
  }

  const stopWatchdog = () => {
    if (watchdog !== undefined) clearInterval(watchdog)
    watchdog = undefined
  }

  const startWatchdog = () => {
    if (watchdog !== undefined) return
    lastAnswer = Date.now()
    watchdog = setInterval(() => {
      if (!pending.size) return stopWatchdog()
      // Only a ready worker is judged: PGlite's start-up may legitimately block for a few seconds.
      if (!workerReady) {
        lastAnswer = Date.now()
        return
      }
      if (Date.now() - lastAnswer > timeout) {
        kill(
          new LabHostError(
            'timeout',
            `The code was stopped after ${timeout / 1000} s: it kept the lab busy without ever giving control back (an infinite loop?). The lab restarts on the next run.`,
          ),
        )
        return
      }
      worker?.postMessage({ type: 'ping', seq: ++seq })
    }, interval)
  }

  const ensureWorker = (): WorkerLike => {
    if (worker) return worker
    const w = options.createWorker()
    worker = w
    w.onmessage = ({ data }) => {
      if (w !== worker) return
      lastAnswer = Date.now()
      if (data.type === 'pong') return
      if (data.type === 'ready') {
        workerReady = data.ok
        for (const waiter of readyWaiters) {
          if (data.ok) waiter.resolve()
          else waiter.reject(new LabHostError('runtime', data.message))
        }
        readyWaiters = []
        if (!data.ok) readyPromise = undefined
        return
      }
      const p = pending.get(data.id)
      if (!p) return
      pending.delete(data.id)
      if (data.type === 'result') p.resolve(data.outcome)
      else p.reject(new LabHostError('runtime', `The lab crashed: ${data.message}`))
    }
    w.onerror = (event) => {
      if (w !== worker) return
      const message = (event as { message?: string })?.message ?? 'the worker failed to load'
      kill(new LabHostError('runtime', `The lab stopped unexpectedly: ${message}`))
    }
    return w
  }

  const host: LabHost = {
    ready() {
      if (!readyPromise) {
        const w = ensureWorker()
        readyPromise = new Promise<void>((resolve, reject) => readyWaiters.push({ resolve, reject }))
        w.postMessage({ type: 'ready' })
      }
      return readyPromise
    },
    prepare(input) {
      void host.ready().catch(() => undefined)
      ensureWorker().postMessage({ type: 'prepare', input })
    },
    start(input) {
      void host.ready().catch(() => undefined)
      const w = ensureWorker()
      const id = nextId++
      const result = new Promise<RunOutcome>((resolve, reject) => pending.set(id, { resolve, reject }))
      w.postMessage({ type: 'run', id, input })
      startWatchdog()
      return result
    },
    cancel() {
      for (const id of pending.keys()) worker?.postMessage({ type: 'cancel', id })
    },
    terminate() {
      kill(new LabHostError('timeout', 'The lab was stopped.'))
    },
    restart() {
      host.terminate()
      return host.ready()
    },
  }
  return host
}
