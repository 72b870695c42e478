/**
 * The engine: compile the reader's files, reset the database, simulate the platform and the
 * database server on a virtual clock for one scenario, and return a structured-clone friendly result.
 */
import { macrotask } from './clock/macrotask'
import { LabDatabase } from './database/pglite'
import { BUILTIN_MODULES } from './modules/builtins'
import { loadPrismaRuntime } from './modules/builtins/prisma/load'
import { usesPrisma } from './modules/builtins/prisma/names'
import { staleSchemaHint } from './modules/builtins/prisma/schema-hint'
import type { PrismaRuntime } from './modules/builtins/prisma/runtime'
import { compileProject } from './modules/registry'
import { buildProject, cronSchedule, failure, resetArguments, resetDatabase } from './run/build'
import { dispatchCrons, dispatchPlan } from './run/dispatch'
import { collectResult, fillUnfinished } from './run/result'
import { wireRun } from './run/wiring'
import { countRequests, expandPlan } from './scenario/plan'
import { BUDGETS, resolveSettings } from './settings'
import type { RequestResult, RunInput, RunOutcome } from './types'
import { WebSocketHub } from './websocket/hub'

export interface Engine {
  /** Create and warm the database (PGlite's initdb takes seconds); runs call it too. */
  ready(): Promise<void>
  /**
   * Run one scenario. Runs are serialised (one database). After a run that completes, the engine
   * resets the database for the same files right away (`LabDatabase#resetAhead`), so a repeat of it
   * starts without that wait; `resetAhead: false` skips this (the worker's warm-up run).
   */
  run(input: RunInput, options?: { signal?: AbortSignal; resetAhead?: boolean }): Promise<RunOutcome>
  /**
   * Compile `input`'s files and reset the database for them, as its run would, so that run starts
   * without either (see `LabDatabase#resetAhead`). Queued like a run; does nothing once `signal` aborts.
   */
  getReadyFor(input: RunInput, options?: { signal?: AbortSignal }): Promise<void>
  close(): Promise<void>
}

export interface EngineOptions {
  /** Reuse an existing database (tests share one per file). */
  database?: LabDatabase
  /** Start the database from a dumped data directory instead of running initdb. */
  loadDataDir?: Blob
}

export function createEngine(options: EngineOptions = {}): Engine {
  let db: Promise<LabDatabase> | undefined = options.database ? Promise.resolve(options.database) : undefined
  let queue: Promise<unknown> = Promise.resolve()
  const ready = () => (db ??= LabDatabase.create({ loadDataDir: options.loadDataDir }))
  return {
    ready: async () => {
      await ready()
    },
    run(input, opts = {}) {
      // A run cancelled while it waited for its turn (a newer Run replaced it, maybe before the
      // database had even opened) does none of its work: no compile, no reset.
      const next = queue.then(async () =>
        opts.signal?.aborted ? cancelledBeforeStart() : runScenario(await ready(), input, opts.signal),
      )
      queue = next
        .then(async (outcome) => {
          if (!outcome.ok || opts.resetAhead === false || opts.signal?.aborted) return
          // A macrotask first, so the caller gets the result (and posts it) before this starts.
          await macrotask()
          await resetAheadFor(await ready(), input)
        })
        .catch(() => undefined)
      return next
    },
    getReadyFor(input, opts = {}) {
      const next = queue.then(async () => {
        if (opts.signal?.aborted) return
        try {
          // Fills the transpile cache (modules/transpile.ts) that the run's own compile then reads.
          compileProject(input.files, BUILTIN_MODULES)
        } catch {
          // The run reports it.
        }
        if (!opts.signal?.aborted) await resetAheadFor(await ready(), input)
      })
      queue = next.catch(() => undefined)
      return next
    },
    async close() {
      if (db && !options.database) await (await db).close()
      db = undefined
    },
  }
}

function cancelledBeforeStart(): RunOutcome {
  return failure({ kind: 'cancelled', message: 'The run was cancelled.' })
}

function resetAheadFor(db: LabDatabase, input: RunInput): Promise<void> {
  return db.resetAhead(...resetArguments(input))
}

/**
 * One run: check and compile what a build would (`run/build.ts`), reset the database, wire the
 * platform (`run/wiring.ts`), send the plan's requests and the crons (`run/dispatch.ts`), run the
 * virtual clock until the work is done, then turn it into the result (`run/result.ts`).
 */
export async function runScenario(db: LabDatabase, input: RunInput, signal?: AbortSignal): Promise<RunOutcome> {
  const { scenario } = input
  const built = buildProject(input)
  if (!built.ok) return built
  const socketPlanError = WebSocketHub.check(scenario.webSockets)
  if (socketPlanError) return failure(socketPlanError)
  const settings = resolveSettings(scenario)
  const resetFailure = await resetDatabase(db, input)
  if (resetFailure) return resetFailure
  const runForMs = scenario.runForMs ?? 0
  const crons = cronSchedule(built.crons, runForMs)
  if (!crons.ok) return crons

  let prisma: PrismaRuntime | undefined
  if (usesPrisma(built.project.compiled.values())) {
    try {
      prisma = await loadPrismaRuntime()
    } catch (error) {
      return failure({ kind: 'runtime', message: `Prisma could not be loaded in the lab: ${(error as Error).message}` })
    }
  }
  const parts = wireRun(db, input, settings, built, prisma)
  const schemaHint = prisma && staleSchemaHint(input.files)
  if (schemaHint) parts.sink.write('warn', 'build', undefined, schemaHint)
  const results: RequestResult[] = []
  // WebSocket clients connect with upgrade requests, listed after the plan's own requests.
  const requests = [...scenario.requests, ...parts.webSockets.plan(scenario.webSockets, countRequests(scenario))]
  const planned = expandPlan({ ...scenario, requests })
  dispatchPlan(parts, { ...scenario, requests }, planned, results)
  dispatchCrons(parts, crons.schedule, planned.length, results)

  const { scheduler, work, sink } = parts
  await scheduler.run((t) => t > BUDGETS.virtualTimeMs || (work.idle && t > runForMs), signal)
  await parts.server.notifications.close()
  if (signal?.aborted) return failure({ kind: 'cancelled', message: 'The run was cancelled.' }, sink.lines)

  const durationMs = Math.max(scheduler.now, runForMs)
  fillUnfinished(results, planned, durationMs)
  return collectResult(db, parts, results, settings, durationMs)
}
