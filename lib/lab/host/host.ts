/**
 * The main-thread side: owns one lab worker, runs scenarios on it, and stops user code that never
 * yields (an infinite loop) with a heartbeat watchdog. After a watchdog kill the next call starts
 * a fresh worker transparently.
 *
 * The one cancellation path: a run ends early only through `cancel()` (or a newer `start()`, which
 * calls it), and its promise then resolves at once with a `cancelled` failure (CANCELLED_OUTCOME);
 * the worker is told to abort, and whatever it answers for that run later is dropped.
 */
import type { LabError, RunInput, RunOutcome } from '../types'
import { CANCELLED_OUTCOME, FIRST_STARTUP_STEP, type FromWorker, type StartupStep, type ToWorker } from './protocol'

export { CANCELLED_OUTCOME } from './protocol'

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
  /**
   * Run a scenario; a run still in flight is cancelled first (the worker does one thing at a time,
   * and the newest run is the one the reader waits for). Rejects with a LabHostError (kind
   * 'timeout') if the watchdog had to stop the code.
   */
  start(input: RunInput): Promise<RunOutcome>
  /** Cancel the run in flight: its promise resolves with CANCELLED_OUTCOME now. */
  cancel(): void
  /** Start the worker and its database early; resolves once the database is open. */
  warmUp(): Promise<void>
  /**
   * The files the reader is about to run: the worker compiles them and resets the database for
   * them before the first Run (until that Run arrives; later calls do nothing).
   */
  expectRun(input: RunInput): void
  /**
   * Follow the database's one-off start-up: `listener` gets each step while it starts, then null
   * once it is open (at once if it is). Returns the unsubscribe function.
   */
  onStartup(listener: (step: StartupStep | null) => void): () => void
  /** Kill the worker now (pending runs resolve as cancelled); the next call starts a new one. */
  terminate(): void
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
  /** The start-up step the worker last reported; null once its database is open. */
  let startup: StartupStep | null = FIRST_STARTUP_STEP
  const startupListeners = new Set<(step: StartupStep | null) => void>()
  const reportStartup = (step: StartupStep | null) => {
    startup = step
    for (const listener of startupListeners) listener(step)
  }
  let readyWaiters: Array<{ resolve: () => void; reject: (e: Error) => void }> = []

  const kill = (error: Error | null) => {
    worker?.terminate()
    worker = undefined
    readyPromise = undefined
    workerReady = false
    startup = FIRST_STARTUP_STEP
    for (const w of readyWaiters) w.reject(error ?? new LabHostError('cancelled', 'The lab was stopped.'))
    readyWaiters = []
    for (const p of pending.values()) {
      if (error) p.reject(error)
      else p.resolve(CANCELLED_OUTCOME)
    }
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
      if (data.type === 'startup') return reportStartup(workerReady ? null : data.step)
      if (data.type === 'ready') {
        workerReady = data.ok
        if (data.ok) reportStartup(null)
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
    warmUp() {
      if (!readyPromise) {
        const w = ensureWorker()
        readyPromise = new Promise<void>((resolve, reject) => readyWaiters.push({ resolve, reject }))
        w.postMessage({ type: 'ready' })
      }
      return readyPromise
    },
    expectRun(input) {
      void host.warmUp().catch(() => undefined)
      ensureWorker().postMessage({ type: 'expect-run', input })
    },
    onStartup(listener) {
      startupListeners.add(listener)
      listener(workerReady ? null : startup)
      return () => startupListeners.delete(listener)
    },
    start(input) {
      host.cancel()
      void host.warmUp().catch(() => undefined)
      const w = ensureWorker()
      const id = nextId++
      const result = new Promise<RunOutcome>((resolve, reject) => pending.set(id, { resolve, reject }))
      w.postMessage({ type: 'run', id, input })
      startWatchdog()
      return result
    },
    cancel() {
      for (const [id, run] of pending) {
        worker?.postMessage({ type: 'cancel', id })
        run.resolve(CANCELLED_OUTCOME)
      }
      pending.clear()
    },
    terminate() {
      kill(null)
    },
  }
  return host
}
