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
  /**
   * Machine-readable kind, for the UI's wording. `timeout`: the code was stopped (a watchdog or a
   * limit); `cancelled`: the run was called off before it finished (a newer run took its place).
   */
  kind: 'compile' | 'runtime' | 'unknown-import' | 'budget' | 'timeout' | 'cancelled' | 'plan'
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
  /**
   * A `pg` pool (yours, or Prisma's driver adapter's) handed a client to code, or got it back;
   * `checkedOut` counts the clients checked out of all pools after it. A checkout that found no idle
   * client also opens a connection (`db-connect`); one that reused an idle client opens nothing.
   */
  | { t: number; type: 'db-pool-checkout'; checkedOut: number; instance?: string; request?: number }
  | { t: number; type: 'db-pool-release'; checkedOut: number; instance?: string }
  // Two members (not one with a union `type`) so Extract<TimelineEvent, { type: 'after-end' }> works.
  | { t: number; type: 'after-start'; instance: string; request?: number }
  | { t: number; type: 'after-end'; instance: string; request?: number }
  | { t: number; type: 'background-lost'; instance: string; request?: number; what: string }
  /**
   * A statement waited for a lock held by another connection's open transaction (`heldBy`), from `t`
   * for `ms`; no `ms` when it was still waiting at the end of its request or of the run.
   */
  | { t: number; type: 'db-lock-wait'; connection: number; heldBy: number; request?: number; ms?: number }
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
  | QueueEvent

/**
 * What the simulated queues do (lib/lab/queue/): the SQS stand-in and the BullMQ stand-in share these.
 * `messageId` is the SQS MessageId or the BullMQ job id; `receiveCount` is SQS's ApproximateReceiveCount
 * or the BullMQ attempt (1 for the first delivery, more for a redelivery or a retry).
 */
export type QueueEvent =
  /** A producer put a message on the queue (SendMessage, Queue.add). */
  | { t: number; type: 'queue-send'; queue: string; messageId: string; instance?: string; request?: number }
  /** A message went to a consumer: in `batch` (the n-th Lambda invocation of that queue), or to a BullMQ worker. */
  | {
      t: number
      type: 'queue-deliver'
      queue: string
      messageId: string
      receiveCount: number
      instance?: string
      batch?: number
    }
  /** A consumer invocation ended; `failed` lists the messages that stay on the queue. */
  | {
      t: number
      type: 'queue-batch-end'
      queue: string
      batch: number
      instance: string
      outcome: 'success' | 'partial' | 'error' | 'timeout'
      failed: string[]
    }
  /** Done: deleted from the SQS queue after a successful batch, or a BullMQ job completed. */
  | { t: number; type: 'queue-complete'; queue: string; messageId: string }
  /** The visibility timeout ran out on an undeleted message: it can be received again. */
  | { t: number; type: 'queue-visible'; queue: string; messageId: string; receiveCount: number }
  /** SQS moved a message past `maxReceiveCount` to the dead-letter queue. */
  | {
      t: number
      type: 'queue-dead-letter'
      queue: string
      deadLetterQueue: string
      messageId: string
      receiveCount: number
    }
  /** A BullMQ job failed and will run again after `delayMs` (its backoff). */
  | { t: number; type: 'queue-retry'; queue: string; messageId: string; attempt: number; delayMs: number }
  /** A BullMQ job used its last attempt and stays in the failed set. */
  | { t: number; type: 'queue-failed'; queue: string; messageId: string; attempts: number }

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
  /**
   * Committed rows, as any other connection reads them: at most 100, `rowCount` says how many there
   * are. Ordered by the primary key; in storage order when the table has none.
   */
  rows: unknown[][]
  rowCount: number
  /** The primary key's columns, in key order; empty when the table has none. */
  primaryKey: string[]
  /** Only when a transaction was still open at the end of the run and could be read: what it did here. */
  uncommitted?: UncommittedTable
}

/** What a transaction still open at the end of the run did to a row. None of it is committed. */
export type UncommittedRowState = 'changed' | 'inserted' | 'deleted' | 'locked'

export interface UncommittedTable {
  /** Per committed row in `TableDump.rows`: what the open transaction did to it, or null. */
  rowStates: Array<UncommittedRowState | null>
  /** The table as the open transaction itself sees it, its own writes included; at most 100 rows, same order. */
  rows: unknown[][]
  rowCount: number
  /** Per row of `rows` above. */
  ownRowStates: Array<UncommittedRowState | null>
  /** Rows of the whole table by state (a row both locked and changed counts as changed). */
  counts: Record<UncommittedRowState, number>
}

/** A transaction still open when the run ended: its writes are not committed, its row locks still held. */
export interface OpenTransaction {
  /** The server connection that holds it, the instance whose code opened it, its BEGIN (virtual ms). */
  connection?: number
  instance?: string
  since?: number
  /** It hit an error and refuses everything but ROLLBACK, so its writes could not be read (none can commit). */
  failed: boolean
  /** Rows it changed, inserted, deleted or locked, over all tables; absent when `failed`. */
  counts?: Record<UncommittedRowState, number>
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
  /** `openTransaction`: only when one was still open at the end (then `tables` show committed data). */
  database: { tables: TableDump[]; stats: DatabaseStats; openTransaction?: OpenTransaction }
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
