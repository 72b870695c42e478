/**
 * One run's parts, connected: the virtual clock, the console, the database server, the cache, the
 * platform, and the queues with the platforms of their consumers and processes.
 */
import { Scheduler } from '../clock/scheduler'
import type { LabDatabase } from '../database/pglite'
import { DatabaseServer } from '../database/server'
import { ConsoleSink } from '../platform/console-sink'
import { readEnv } from '../platform/env'
import { PendingWork } from '../platform/pending-work'
import { Platform } from '../platform/platform'
import { PlatformCache } from '../platform/response-cache'
import { buildRoutes } from '../routing/match'
import { createQueueServices } from '../queue'
import { BUDGETS } from '../settings'
import type { RunInput, RunResult, TimelineEvent } from '../types'
import type { PrismaRuntime } from '../modules/builtins/prisma/runtime'
import { createWebSocketHub, type WebSocketHub } from '../websocket/hub'
import type { BuiltProject } from './build'

export interface RunParts {
  scheduler: Scheduler
  /** Timeline events in the order they were emitted (sorted by time in the result). */
  timeline: TimelineEvent[]
  emit: (e: TimelineEvent) => void
  sink: ConsoleSink
  server: DatabaseServer
  work: PendingWork
  /** The run's simulated WebSocket clients. */
  webSockets: WebSocketHub
  platform: Platform
  env: Record<string, string>
}

export function wireRun(
  db: LabDatabase,
  { files, scenario }: RunInput,
  settings: RunResult['settings'],
  built: BuiltProject,
  prisma?: PrismaRuntime,
): RunParts {
  const scheduler = new Scheduler()
  const timeline: TimelineEvent[] = []
  const emit = (e: TimelineEvent) => timeline.push(e)
  const sink = new ConsoleSink(scheduler, BUDGETS.maxConsoleLines)
  const server = new DatabaseServer(scheduler, db, settings.database, emit)
  const cache = new PlatformCache(() => scheduler.now, emit)
  const work = new PendingWork()
  const env = readEnv(files)
  const webSockets = createWebSocketHub(scheduler, emit, sink)
  const queues = createQueueServices({ infra: built.queues, scheduler, emit, sink, seed: scenario.seed ?? 1 })
  work.include(() => queues.outstanding)
  const options = {
    scheduler,
    project: built.project,
    routes: buildRoutes(files),
    proxy: built.proxy,
    env,
    server,
    sink,
    cache,
    work,
    emit,
    seed: scenario.seed ?? 1,
    maxResponseBytes: BUDGETS.maxResponseBytes,
    extraBuiltins: prisma && ((pg: unknown) => prisma.builtins(pg)),
    queueModules: queues.modules,
    webSockets,
  }
  const platform = new Platform({ ...options, settings: settings.platform })
  // Each consumer and process gets a platform of its own (`queue/index.ts`), on the profile's defaults.
  queues.start(
    (platformSettings, instanceName) => new Platform({ ...options, settings: platformSettings, instanceName }),
  )
  scheduler.onError = (error, ctx) =>
    sink.write(
      'error',
      ctx?.instance?.id ?? 'build',
      undefined,
      `Uncaught ${String((error as Error)?.message ?? error)}`,
    )
  return { scheduler, timeline, emit, sink, server, work, webSockets, platform, env }
}
