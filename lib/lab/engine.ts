/**
 * The engine: compile the reader's files, reset the database, simulate the platform and the
 * database server on a virtual clock for one scenario, and return a structured-clone friendly result.
 */
import { macrotask } from './clock/macrotask'
import { Scheduler } from './clock/scheduler'
import { LabDatabase } from './database/pglite'
import { DatabaseServer } from './database/server'
import { compileProject } from './modules/registry'
import { LabFailure } from './modules/transpile'
import { ConsoleSink } from './platform/console-sink'
import { cronTimes, readCrons } from './platform/crons'
import { readEnv } from './platform/env'
import { BUILTIN_MODULES, Platform } from './platform/platform'
import { PlatformCache } from './platform/response-cache'
import { buildRoutes } from './routing/match'
import { compileMatcher } from './routing/matcher'
import { checkPlan, countRequests, expandPlan, type PlannedRequest } from './scenario/plan'
import { summarise } from './scenario/summary'
import { BUDGETS, resolveSettings } from './settings'
import type { LabError, RequestResult, RunFailure, RunInput, RunOutcome, RunResult, TimelineEvent } from './types'
import { createWebSocketHub, WebSocketHub } from './websocket/hub'

export interface Engine {
  /** Create and warm the database (PGlite's initdb takes seconds); runs call it too. */
  ready(): Promise<void>
  /**
   * Run one scenario. Runs are serialised (one database). After a run that completes, the engine
   * resets the database for the same files right away (`LabDatabase#prepare`), so a repeat of it
   * starts without that wait; `prepareNext: false` skips this (the worker's warm-up run).
   */
  run(input: RunInput, options?: { signal?: AbortSignal; prepareNext?: boolean }): Promise<RunOutcome>
  /**
   * Compile `input`'s files and reset the database for them, as its run would, so that run starts
   * without either (see `LabDatabase#prepare`). Queued like a run; does nothing once `signal` aborts.
   */
  prepare(input: RunInput, options?: { signal?: AbortSignal }): Promise<void>
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
      const next = queue.then(async () => runScenario(await ready(), input, opts.signal))
      queue = next
        .then(async (outcome) => {
          if (!outcome.ok || opts.prepareNext === false || opts.signal?.aborted) return
          // A macrotask first, so the caller gets the result (and posts it) before this starts.
          await macrotask()
          await prepareFor(await ready(), input)
        })
        .catch(() => undefined)
      return next
    },
    prepare(input, opts = {}) {
      const next = queue.then(async () => {
        if (opts.signal?.aborted) return
        try {
          // Fills the transpile cache (modules/transpile.ts) that the run's own compile then reads.
          compileProject(input.files, BUILTIN_MODULES)
        } catch {
          // The run reports it.
        }
        if (!opts.signal?.aborted) await prepareFor(await ready(), input)
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

function prepareFor(db: LabDatabase, input: RunInput): Promise<void> {
  return db.prepare(...resetArguments(input))
}

/** The reset a run of `input` starts with; `prepareFor` must ask for exactly this one to spare the run it. */
function resetArguments({ files, scenario }: RunInput): [schema: string, seed: string | undefined, randomSeed: number] {
  return [files['db/schema.sql'] ?? '', files['db/seed.sql'], scenario.seed ?? 1]
}

function failure(error: LabError, console: RunFailure['console'] = []): RunFailure {
  return { ok: false, error, console }
}

export async function runScenario(db: LabDatabase, input: RunInput, signal?: AbortSignal): Promise<RunOutcome> {
  const { files, scenario } = input
  const planError = checkPlan(scenario) ?? WebSocketHub.check(scenario.webSockets)
  if (planError) return failure(planError)
  const settings = resolveSettings(scenario)
  const seed = scenario.seed ?? 1

  let project
  try {
    project = compileProject(files, BUILTIN_MODULES)
  } catch (error) {
    if (error instanceof LabFailure) return failure(error.labError)
    throw error
  }
  let crons
  try {
    crons = readCrons(files['vercel.json'])
  } catch (error) {
    return failure({ kind: 'compile', message: `vercel.json: ${(error as Error).message}`, file: 'vercel.json' })
  }

  try {
    await db.reset(...resetArguments(input))
  } catch (error) {
    const e = error as Error & { file?: string; sql?: string; position?: string }
    const err: LabError = {
      kind: 'compile',
      message: `${e.file ?? 'db/schema.sql'}: ${e.message}`,
      file: e.file ?? 'db/schema.sql',
    }
    if (e.sql && e.position) {
      const before = e.sql.slice(0, Number(e.position) - 1).split('\n')
      err.line = before.length
      err.column = before[before.length - 1].length + 1
    }
    return failure(err)
  }

  const scheduler = new Scheduler()
  const timeline: TimelineEvent[] = []
  const emit = (e: TimelineEvent) => timeline.push(e)
  const sink = new ConsoleSink(scheduler, BUDGETS.maxConsoleLines)
  const server = new DatabaseServer(scheduler, db, settings.database, emit)
  const webSockets = createWebSocketHub(scheduler, emit, sink)
  // WebSocket clients connect with upgrade requests, listed after the plan's own requests.
  const requestPlan = [...scenario.requests, ...webSockets.plan(scenario.webSockets, countRequests(scenario))]
  const cache = new PlatformCache(() => scheduler.now, emit)
  const proxyFile = [
    'proxy.ts',
    'proxy.js',
    'middleware.ts',
    'middleware.js',
    'src/proxy.ts',
    'src/middleware.ts',
  ].find((f) => f in files)
  const env = readEnv(files)
  const platform = new Platform({
    scheduler,
    settings: settings.platform,
    project,
    routes: buildRoutes(files),
    proxy: proxyFile ? { file: proxyFile, matches: compileMatcher(readMatcher(files[proxyFile])) } : undefined,
    env,
    server,
    sink,
    cache,
    emit,
    seed,
    maxResponseBytes: BUDGETS.maxResponseBytes,
    webSockets,
  })
  scheduler.onError = (error, ctx) =>
    sink.write(
      'error',
      ctx?.instance?.id ?? 'build',
      undefined,
      `Uncaught ${String((error as Error)?.message ?? error)}`,
    )

  const results: RequestResult[] = []
  const planned = expandPlan({ ...scenario, requests: requestPlan })
  platform.pending += planned.length
  const send = (p: PlannedRequest, onDone?: () => void) => {
    scheduler.schedule(
      p.at,
      () => {
        void platform.handle(p.spec, p.index).then((r) => {
          results[p.index] = r
          webSockets.requestEnded(p.index, r.status, r.timing.end)
          platform.pending--
          onDone?.()
        })
      },
      null,
    )
  }
  // Copies of one entry respect its `concurrency`: copy k waits for copy k - concurrency to finish.
  requestPlan.forEach((entry, i) => {
    const copies = planned.filter((p) => p.entry === i)
    const limit = entry.concurrency && entry.concurrency > 0 ? entry.concurrency : copies.length
    let next = 0
    const startNext = () => {
      const p = copies[next++]
      if (!p) return
      send({ ...p, at: Math.max(p.at, scheduler.now) }, startNext)
    }
    for (let k = 0; k < Math.min(limit, copies.length); k++) startNext()
  })

  const runForMs = scenario.runForMs ?? 0
  let cronIndex = planned.length
  for (const job of crons) {
    let times: number[]
    try {
      times = cronTimes(job.schedule, runForMs)
    } catch (error) {
      return failure({ kind: 'compile', message: `vercel.json: ${(error as Error).message}`, file: 'vercel.json' })
    }
    for (const t of times) {
      scheduler.schedule(
        t,
        () => {
          emit({ t, type: 'cron', path: job.path })
          const headers: Record<string, string> = { 'user-agent': 'vercel-cron/1.0' }
          if (env.CRON_SECRET) headers.authorization = `Bearer ${env.CRON_SECRET}`
          const index = cronIndex++
          platform.pending++
          void platform.handle({ method: 'GET', path: job.path, headers }, index).then((r) => {
            results[index] = r
            platform.pending--
          })
        },
        null,
      )
    }
  }

  await scheduler.run((t) => t > BUDGETS.virtualTimeMs || (platform.pending === 0 && t > runForMs), signal)
  await server.notifications.close()
  if (signal?.aborted) return failure({ kind: 'timeout', message: 'The run was cancelled.' }, sink.lines)

  const durationMs = Math.max(scheduler.now, runForMs)
  for (let i = 0; i < results.length || i < planned.length; i++) {
    if (results[i]) continue
    const p = planned[i]
    results[i] = {
      index: i,
      method: p?.spec.method ?? 'GET',
      path: p?.spec.path ?? '',
      status: 504,
      headers: {},
      body: '',
      timing: { start: p?.at ?? 0, end: durationMs, queuedMs: 0, coldStartMs: 0, handlerMs: 0, databaseMs: 0 },
      cold: false,
      platformError: 'LAB_TIME_BUDGET_EXCEEDED',
    }
  }

  const stats = server.finish()
  server.samples.push({ ...server.samples[server.samples.length - 1], t: durationMs })
  const tables = await db.dump(BUDGETS.maxDumpRows)
  const sorted = timeline
    .map((e, i) => [e, i] as const)
    .sort((a, b) => a[0].t - b[0].t || a[1] - b[1])
    .map(([e]) => e)
  const coldStarts = results.filter((r) => r.cold).length
  const webSocketReport = webSockets.report()
  const result: RunResult = {
    ok: true,
    requests: results,
    console: sink.lines,
    consoleTruncated: sink.truncated,
    timeline: sorted,
    connections: dedupeSamples(server.samples),
    database: { tables, stats },
    summary: summarise(results, stats, { started: platform.instances.length, coldStarts }, durationMs),
    settings,
    ...(webSocketReport ? { webSockets: webSocketReport } : {}),
  }
  return result
}

function dedupeSamples<T extends { t: number }>(samples: T[]): T[] {
  const out: T[] = []
  for (const s of samples) {
    if (out.length && out[out.length - 1].t === s.t) out[out.length - 1] = s
    else out.push(s)
  }
  return out
}

/** `export const config = { matcher: ... }` read statically, as Next does at build time. */
function readMatcher(source: string): unknown {
  const m = /matcher\s*:\s*(\[[\s\S]*?\]|'[^']*'|"[^"]*"|`[^`]*`)/.exec(source)
  if (!m) return undefined
  try {
    return JSON.parse(
      m[1]
        .replace(/'/g, '"')
        .replace(/`/g, '"')
        .replace(/,\s*\]/, ']'),
    )
  } catch {
    return undefined
  }
}
