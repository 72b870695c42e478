/**
 * The lab engine's public contract: what a run takes and what it returns.
 * The UI draws exactly these shapes, lesson tests assert on them, and the worker sends them
 * over postMessage, so everything here must stay structured-clone friendly (no functions, no classes).
 *
 * All times are virtual milliseconds since the start of the run (t = 0), never wall-clock time.
 */

import type { WebSocketCloseCause, WebSocketPlan, WebSocketReport } from './websocket/types'

/** A virtual file tree exactly as the reader sees it: path (no leading slash, POSIX separators) to source. */
export type FileTree = Record<string, string>

/**
 * How the simulated platform runs functions.
 * - `lambda`: one request at a time per instance (AWS Lambda's default model).
 * - `fluid`: many concurrent requests per instance (Vercel Fluid compute).
 * - `server`: one long-lived `next start` process that never freezes.
 */
export type PlatformProfile = 'lambda' | 'fluid' | 'server'

export interface PlatformSettings {
  profile: PlatformProfile
  /** Cold start cost before module evaluation, virtual ms. */
  coldStartMs: number
  /** Platform default for `maxDuration`, seconds; a route's own `maxDuration` export wins. */
  maxDurationSeconds: number
  /** Fluid only: concurrent requests one instance accepts before another starts. */
  maxConcurrencyPerInstance: number
  /** Idle time after which an instance is frozen (timers stop), virtual ms. */
  freezeAfterIdleMs: number
  /** Idle time after which a frozen instance is recycled (gone; its connections are NOT closed), virtual ms. */
  recycleAfterIdleMs: number
  /** Most instances the platform starts; requests beyond queue. */
  maxInstances: number
  /** Virtual cost of evaluating one module of the reader's code on a cold instance, ms (default 5). */
  moduleEvalMs?: number
}

export interface DatabaseSettings {
  /**
   * Server-side `max_connections`. With `superuserReservedConnections` kept for superusers, the app's
   * ordinary role gets `maxConnections - superuserReservedConnections`; the next one fails with 53300
   * "remaining connection slots are reserved for roles with the SUPERUSER attribute". A superuser (or
   * a server with no reserved slots) gets all of them; one more fails with 53300 "sorry, too many clients already".
   */
  maxConnections: number
  /** `superuser_reserved_connections`: slots only superusers may use (PostgreSQL's default: 3). */
  superuserReservedConnections: number
  /** The role the app's connection string logs in as: an ordinary role (every managed provider's default) or a superuser. */
  role: 'app' | 'superuser'
  /** TCP + TLS + auth handshake for a new connection, virtual ms. */
  connectLatencyMs: number
  /** Network round trip added to every query, virtual ms. */
  queryLatencyMs: number
  /** Server closes connections idle this long (0 = never), virtual ms. */
  idleSessionTimeoutMs: number
  /** `statement_timeout`; a longer statement fails with 57014 (0 = off), virtual ms. */
  statementTimeoutMs: number
  /** A transaction-mode pooler (PgBouncer-like) in front of the server; null = direct connections. */
  pooler: null | {
    /** Client connections the pooler accepts. */
    maxClientConnections: number
    /** Server connections the pooler opens at most (must be ≤ maxConnections). */
    poolSize: number
  }
  /** A free-tier style quota; null = unlimited. */
  quota: null | {
    /** Queries allowed per window before the database refuses. */
    maxQueries: number
    /** Window length, virtual ms. */
    windowMs: number
  }
}

/** One line of the request plan; `count` copies are sent `interval` ms apart, at most `concurrency` in flight. */
export interface RequestPlanEntry {
  /** Virtual ms after the start of the run when the first copy is sent (default 0). */
  at?: number
  method?: string
  /** Path with query string, e.g. `/api/todos/42?verbose=1`. */
  path: string
  headers?: Record<string, string>
  /** A JSON value (sent as application/json) or a raw string (sent as given). */
  body?: unknown
  /** How many copies (default 1). */
  count?: number
  /** At most this many copies in flight at once (default: all). */
  concurrency?: number
  /** Virtual ms between the starts of consecutive copies (default 0 = all at once). */
  interval?: number
}

export interface Scenario {
  requests: RequestPlanEntry[]
  /** Partial overrides of the example's platform settings. */
  platform?: Partial<PlatformSettings>
  /** Partial overrides of the example's database settings. */
  database?: Partial<Omit<DatabaseSettings, 'pooler' | 'quota'>> & {
    pooler?: DatabaseSettings['pooler']
    quota?: DatabaseSettings['quota']
  }
  /** Run this long even after the last response, so crons, `after()` work and idle timeouts show (virtual ms). */
  runForMs?: number
  /** Seed for every random choice (latency jitter, `Math.random` in user code). Same seed, same result. */
  seed?: number
  /** Simulated WebSocket clients: who connects where and when, and what each sends (lib/lab/websocket/). */
  webSockets?: WebSocketPlan
}

export interface RunInput {
  files: FileTree
  scenario: Scenario
}

/** Where a request's time went. Segments are consecutive: queued → coldStart → handler; `database` overlaps `handler`. */
export interface RequestTiming {
  /** When the request was sent. */
  start: number
  /** When the response (or the last stream chunk) finished. */
  end: number
  /** Waiting for an instance (all busy and maxInstances reached, or lambda instance busy). */
  queuedMs: number
  /** Cold start plus module evaluation on a new instance; 0 on a warm instance. */
  coldStartMs: number
  /** From handler entry to response end, including database time. */
  handlerMs: number
  /** Sum of time spent connecting to and querying the database during this request. */
  databaseMs: number
}

export interface StreamChunk {
  /** Virtual time the chunk was written. */
  t: number
  text: string
}

export interface ConsoleLine {
  t: number
  level: 'log' | 'info' | 'warn' | 'error' | 'debug'
  /** Instance that printed it, e.g. `λ1`, or `build` for module errors before any instance. */
  instance: string
  /** Index into `RunResult.requests`, when the line was printed while handling that request. */
  request?: number
  text: string
}

export interface RequestResult {
  index: number
  method: string
  path: string
  status: number
  headers: Record<string, string>
  /** Full body as text (truncated at the response budget, with `truncated` set). */
  body: string
  truncated?: boolean
  /** Present for streamed responses: chunks with their virtual times. */
  chunks?: StreamChunk[]
  timing: RequestTiming
  /** Instance id that handled it, e.g. `λ1`; undefined if it never reached an instance (proxy answered early counts as handled by the proxy's instance). */
  instance?: string
  cold: boolean
  /** Set when the platform, not user code, produced the status (e.g. `FUNCTION_INVOCATION_TIMEOUT`). */
  platformError?: string
  /** An uncaught error in user code, with the stack mapped to the reader's files. */
  error?: LabError
}

export interface LabError {
  /** Machine-readable kind, for the UI's wording. */
  kind: 'compile' | 'runtime' | 'unknown-import' | 'budget' | 'timeout' | 'plan'
  message: string
  file?: string
  line?: number
  column?: number
  /** Stack lines pointing at the reader's files only. */
  stack?: string[]
}

export type TimelineEvent =
  | { t: number; type: 'instance-start'; instance: string }
  | { t: number; type: 'instance-ready'; instance: string }
  | { t: number; type: 'instance-freeze'; instance: string }
  | { t: number; type: 'instance-recycle'; instance: string; leakedConnections: number }
  | { t: number; type: 'request-start'; request: number }
  | { t: number; type: 'request-end'; request: number; status: number }
  | { t: number; type: 'db-connect'; connection: number; instance?: string; request?: number }
  | { t: number; type: 'db-connect-refused'; instance?: string; request?: number; code: string }
  | {
      t: number
      type: 'db-disconnect'
      connection: number
      reason: 'client' | 'idle-timeout' | 'idle-in-transaction-timeout' | 'server'
    }
  | {
      t: number
      type: 'db-query'
      connection: number
      request?: number
      sql: string
      ms: number
      rows: number
      error?: string
    }
  // Two members (not one with a union `type`) so Extract<TimelineEvent, { type: 'after-end' }> works.
  | { t: number; type: 'after-start'; instance: string; request?: number }
  | { t: number; type: 'after-end'; instance: string; request?: number }
  | { t: number; type: 'background-lost'; instance: string; request?: number; what: string }
  | { t: number; type: 'cron'; path: string }
  /** A LISTENing connection received a notification that connection `from` sent (NOTIFY, pg_notify). */
  | { t: number; type: 'db-notification'; connection: number; from: number; channel: string }
  // WebSocket clients (lib/lab/websocket/): `client` is the 1-based client number of RunResult.webSockets.
  | { t: number; type: 'ws-open'; client: number; instance: string; request: number }
  /** A client's message reached the instance its connection is pinned to. */
  | { t: number; type: 'ws-message'; client: number; instance: string }
  /** A message the instance sent reached the client. */
  | { t: number; type: 'ws-deliver'; client: number; instance: string }
  | { t: number; type: 'ws-close'; client: number; instance: string; code: number; cause: WebSocketCloseCause }
  | { t: number; type: 'cache'; key: string; result: 'hit' | 'miss' | 'stale' | 'revalidate' }

export interface ConnectionSample {
  t: number
  /** Server connections open at this moment (what `max_connections` counts). */
  open: number
  /** Client connections held by the pooler, when a pooler is configured. */
  poolerClients?: number
}

export interface TableDump {
  name: string
  columns: string[]
  /** At most 100 rows; `rowCount` says how many there are. */
  rows: unknown[][]
  rowCount: number
}

export interface DatabaseStats {
  queries: number
  errors: number
  /** Errors by SQLSTATE code, e.g. `{ '53300': 20 }`. */
  errorsByCode: Record<string, number>
  connectionsOpened: number
  peakConnections: number
  maxConnections: number
  /** Connections still open when the run ended (leaks show here). */
  openAtEnd: number
}

export interface RunSummary {
  requests: number
  /** Count per status code, e.g. `{ 200: 30, 500: 20 }`. */
  byStatus: Record<number, number>
  p50Ms: number
  p95Ms: number
  instancesStarted: number
  coldStarts: number
  peakConnections: number
  maxConnections: number
  databaseQueries: number
  databaseErrors: number
  /** Virtual duration of the whole run. */
  durationMs: number
  /** The one-line summary the UI shows and announces, e.g. `50 requests · 200 ×30 · 500 ×20 · peak 20/20 connections · p95 1.2 s`. */
  line: string
}

export interface RunResult {
  ok: true
  requests: RequestResult[]
  console: ConsoleLine[]
  /** True when console output hit its budget and later lines were dropped. */
  consoleTruncated: boolean
  timeline: TimelineEvent[]
  connections: ConnectionSample[]
  database: { tables: TableDump[]; stats: DatabaseStats }
  summary: RunSummary
  /** Effective settings after the example's defaults and the scenario's overrides. */
  settings: { platform: PlatformSettings; database: DatabaseSettings }
  /** Present when the scenario plans WebSocket clients: what each one sent, received, and how it closed. */
  webSockets?: WebSocketReport
}

/** A run that could not happen at all: the code did not compile, an import is unknown, the plan is over a limit. */
export interface RunFailure {
  ok: false
  error: LabError
  console: ConsoleLine[]
}

export type RunOutcome = RunResult | RunFailure
