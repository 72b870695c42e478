/**
 * The lab worker: runs the engine off the main thread. Answers pings between virtual-clock steps
 * (the scheduler yields a macrotask after every event), so a ping left unanswered means user code
 * is stuck in a synchronous loop and the host terminates the worker.
 *
 * Start-up is the slow part, so it starts at once and in parallel: the database's downloads
 * (./prefetch.ts) begin before the engine's chunk (./worker-engine.ts) is even loaded.
 *
 * The page talks to it only over the port it hands over in its first message (create-worker.ts).
 * Once the engine and its database are open, nothing more is needed from outside, and the worker
 * locks its global scope down (./lockdown.ts) before the first run: the warm-up, then the reader's.
 */
import type { Engine } from '../engine'
import type { RunInput } from '../types'
import { prefetchDatabaseAssets, type DatabaseAssets } from './prefetch'
import { lockDownGlobal } from './lockdown'
import {
  CANCELLED_OUTCOME,
  FIRST_STARTUP_STEP,
  STARTUP_STEPS,
  type ConnectMessage,
  type FromWorker,
  type StartupStep,
  type ToWorker,
  type WorkerPreload,
} from './protocol'

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ConnectMessage | ToWorker>) => void) | null
}

/** Posts to the page on the private channel; set by `connect`, kept only in this closure. */
let send: (message: FromWorker) => void = () => undefined
/** Why reader code may not run here, when the lockdown could not finish. */
let lockdownFailure: string | undefined
/** The start-up step in progress (reported to the page, which shows it while a first run waits). */
let startup: StartupStep = FIRST_STARTUP_STEP
function reportStartup(index: number): void {
  startup = { step: index + 1, steps: STARTUP_STEPS.length, label: STARTUP_STEPS[index] }
  send({ type: 'startup', step: startup })
}

/** Started now; dropped once the database is open, so the 40 MB tarball can be freed. */
let assets: DatabaseAssets | undefined = prefetchDatabaseAssets()
const engineModule = import('./worker-engine')
let engine: Promise<Engine> | undefined
/** What the page asked for in `connect`: loaded with the engine, before the lockdown. */
let announcePreload: (preload: WorkerPreload[]) => void = () => undefined
const preload = new Promise<WorkerPreload[]>((resolve) => (announcePreload = resolve))

/**
 * Prisma's runtime (a chunk of its own and the 3.4 MB query compiler), only on a page with a Prisma
 * lab: after the lockdown the worker can load no chunk and fetch nothing. A failure here is not the
 * engine's; a Prisma run reports it.
 */
async function preloadRuntimes(): Promise<void> {
  if (!(await preload).includes('prisma')) return
  const { loadPrismaRuntime } = await import('../modules/builtins/prisma/load')
  await loadPrismaRuntime().catch(() => undefined)
}

/** The engine on a database loaded from the build's snapshot (initdb only as a fallback). */
function getEngine(): Promise<Engine> {
  if (!engine) {
    const downloads = (assets ??= prefetchDatabaseAssets())
    const opening = Promise.all([engineModule, downloads.snapshot, downloads.pgliteWasmModule, downloads.fsBundle])
      .then(([module]) => {
        reportStartup(1)
        return Promise.all([module.startEngine(downloads), preloadRuntimes()])
      })
      .then(([e]) => {
        // Every chunk and every file PGlite needs is loaded: from here on the worker needs nothing from outside.
        try {
          lockDownGlobal()
        } catch (error) {
          lockdownFailure = (error as Error).message
        }
        return e
      })
    opening.then(() => (assets = undefined)).catch(() => undefined)
    // A failed start is reported (on 'ready' or the run) and retried, downloads included, next time.
    opening.catch(() => {
      if (engine !== opening) return
      engine = undefined
      assets = undefined
    })
    engine = opening
  }
  return engine
}
// The worker exists because a lab is about to run: start the database now, then warm it up with
// a small run of its own, then get it ready for the lab's files (an 'expect-run' message), unless
// the reader's run has arrived by then. Files that arrive before the database is open go first:
// that cold first reset is the bulk of the warm-up, and a Run arriving meanwhile needs exactly it.
// lib/lab/README.md, "Getting the database ready", tells the whole story.
const warmUp = new AbortController()
let expectedRun: RunInput | undefined
let warmingUp: Promise<unknown> = Promise.all([getEngine(), engineModule])
  .then(async ([e, module]) => {
    if (expectedRun) await e.getReadyFor(expectedRun, { signal: warmUp.signal })
    await module.warmUp(e, warmUp.signal)
  })
  .catch(() => undefined)

const runs = new Map<number, AbortController>()

scope.onmessage = (event) => {
  const port = event.ports[0]
  if (event.data?.type !== 'connect' || !port) return
  scope.onmessage = null
  announcePreload(Array.isArray(event.data.preload) ? event.data.preload : [])
  send = port.postMessage.bind(port) as typeof send
  send({ type: 'startup', step: startup })
  port.onmessage = (message: MessageEvent<ToWorker>) => handle(message.data)
}

function handle(msg: ToWorker): void {
  switch (msg.type) {
    case 'ping':
      send({ type: 'pong', seq: msg.seq })
      break
    case 'ready':
      getEngine()
        .then((e) => e.ready())
        .then(
          () => send({ type: 'ready', ok: true }),
          (error: unknown) => send({ type: 'ready', ok: false, message: String((error as Error)?.message ?? error) }),
        )
      break
    case 'expect-run':
      // After the reader's first run, that run's own reset ahead (see Engine#run) is the better guess.
      if (warmUp.signal.aborted) break
      expectedRun = msg.input
      // After the warm-up run, which resets the database for its own files.
      warmingUp = warmingUp
        .then(() => getEngine())
        .then((e) => e.getReadyFor(msg.input, { signal: warmUp.signal }))
        .catch(() => undefined)
      break
    case 'run': {
      warmUp.abort()
      const controller = new AbortController()
      runs.set(msg.id, controller)
      getEngine()
        .then((e) =>
          lockdownFailure === undefined
            ? e.run(msg.input, { signal: controller.signal })
            : { ok: false as const, error: { kind: 'runtime' as const, message: lockdownFailure }, console: [] },
        )
        .then(
          // The host has resolved a cancelled run already; the engine's own wording of it is not used.
          (outcome) =>
            send({ type: 'result', id: msg.id, outcome: controller.signal.aborted ? CANCELLED_OUTCOME : outcome }),
          (error: unknown) => send({ type: 'crash', id: msg.id, message: String((error as Error)?.message ?? error) }),
        )
        .finally(() => runs.delete(msg.id))
      break
    }
    case 'cancel':
      runs.get(msg.id)?.abort()
      break
  }
}
