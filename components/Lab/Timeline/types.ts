/** The shapes the Timeline draws, derived from a run's result by model.ts. */
import type { ConnectionSample, RequestResult } from '@/lib/lab/types'

export type LaneState = 'cold' | 'busy' | 'after' | 'idle' | 'frozen'

/** A queue consumer's invocation on its instance: an SQS batch, or one attempt of a BullMQ job. */
export interface ConsumerSpan {
  from: number
  to: number
  instance: string
  queue: string
  /** SQS batch number; undefined for a BullMQ attempt. */
  batch?: number
  messages: number
  /** Messages of it that failed and stay on the queue (all of them on an error or a timeout). */
  failed: number
  outcome: 'success' | 'partial' | 'error' | 'timeout'
}

export interface LaneSpan {
  from: number
  to: number
  state: LaneState
}

export interface InstanceLane {
  id: string
  start: number
  /** When it was recycled, or the end of the run. */
  end: number
  /** Drawn in this order; later spans cover earlier ones (busy over frozen over idle). */
  spans: LaneSpan[]
  recycled?: { t: number; leakedConnections: number }
  requests: number
}

/** Events a lesson names, by the word the engine (and the lesson) uses for them. */
export type MarkerKind =
  | 'background-lost'
  | 'leaked-connections'
  | 'max-duration'
  | 'lock-wait'
  | 'refused'
  | 'quota-exceeded'
  | 'cache'
  | 'cron'
  | 'freeze'
  | 'cold-start'
  | 'stream'
  | 'queue-send'
  | 'queue-deliver'
  | 'queue-redelivered'
  | 'queue-batch-failed'
  | 'queue-complete'
  | 'dead-letter'
  | 'job-failed'
  | 'ws-open'
  | 'ws-message'
  | 'ws-deliver'
  | 'notify'

export interface TimelineMarker {
  kind: MarkerKind
  t: number
  /** Instance lane it belongs on. */
  instance?: string
  request?: number
  /** The engine's name for it, shown in code style: `background-lost`, `HIT`… */
  name: string
  /** What happened, in the reader's words. */
  text: string
}

/** Markers of one kind and text, listed once with a count (an hour of cache hits is one line). */
export interface EventGroup {
  key: string
  kind: MarkerKind
  name: string
  text: string
  count: number
  first: number
  last: number
}

export type Outcome = 'ok' | 'client-error' | 'failed'

export interface RequestRow {
  key: string
  /** `#3 GET /api/todos` or `#11–#20 GET /api/todos`. */
  label: string
  requests: RequestResult[]
  failed: number
}

export interface ConnectionsModel {
  samples: ConnectionSample[]
  /** Refused connection attempts, counted per virtual instant. */
  refused: Array<{ t: number; count: number; code: string }>
  refusedTotal: number
  peakOpen: number
  openAtEnd: number
  maxConnections: number
  /** What the app's ordinary role may open (max_connections − superuser_reserved_connections), when lower. */
  appLimit?: number
  /** The y axis' top: auto-scaled to what happened, not to max_connections. */
  yMax: number
  /**
   * Clients checked out of `pg` pools (yours or Prisma's adapter's) over time, stepped: the open
   * connections that code is using; the rest sit idle in a pool. Empty when no pool was used or a
   * pooler stands between the pools and the server (then checkouts count client connections).
   */
  inUse: Array<{ t: number; count: number }>
  /** Checkouts over the run (a checkout reuses an idle connection or opens one). */
  checkouts: number
  peakInUse: number
  /** A pooler stands between the app's pools and the server: checkouts are client connections to it. */
  viaPooler: boolean
}

export interface QuotaModel {
  maxQueries: number
  windowMs: number
  /** Queries counted in the current window after each query, stepped. */
  points: Array<{ t: number; used: number }>
  peakUsed: number
  rejected: number
  firstRejected?: { t: number; request?: number }
}

/** One attempt to process a message: delivered at `from`, ended (batch over, job settled) at `to`. */
export interface MessageAttempt {
  from: number
  to: number
  receiveCount: number
  instance?: string
  batch?: number
  failed: boolean
}

/** A message's (or a BullMQ job's) whole life on its queue, for a row of its own. */
export interface MessageLife {
  queue: string
  /** 1-based, in the order messages were sent to this queue. */
  number: number
  messageId: string
  sentAt: number
  attempts: MessageAttempt[]
  /** When it could be received again after a failed attempt (SQS visibility timeout, BullMQ backoff ended). */
  visibleAgain: number[]
  end?: { t: number; how: 'deleted' | 'dead-letter' | 'failed'; deadLetterQueue?: string }
}

export interface MessageRow {
  key: string
  /** `orders 1` or `orders 1–6`. */
  label: string
  messages: MessageLife[]
}

/** A WebSocket client's connection, on the instance it is pinned to. */
export interface SocketSpan {
  client: number
  instance: string
  /** Its upgrade request, in RunResult.requests. */
  request: number
  path: string
  from: number
  to: number
  closedBy?: 'client' | 'server' | 'duration-limit'
  closeCode?: number
  /** A message this client sent reached its instance. */
  sent: number[]
  /** A message reached this client. */
  received: number[]
}

export interface TimelineModel {
  end: number
  lanes: InstanceLane[]
  rows: RequestRow[]
  /** True when rows stand for several requests each. */
  summarised: boolean
  markers: TimelineMarker[]
  events: EventGroup[]
  connections: ConnectionsModel
  quota?: QuotaModel
  /** Queue consumers' invocations, drawn on their instances' lanes. */
  consumerSpans: ConsumerSpan[]
  /** Messages and jobs, one row each (several per row beyond a limit, never fewer drawn). */
  messageRows: MessageRow[]
  messagesSummarised: boolean
  /** WebSocket connections that opened, by instance then client. */
  sockets: SocketSpan[]
  /** LISTEN connections' notifications, on the instance that holds the connection. */
  notifications: Array<{ t: number; instance?: string; channel: string }>
  /** Every moment something happens, for the time axis' breaks. */
  moments: Array<[number, number]>
  /** Every moment the connections chart changes, for its own, closer axis. */
  connectionMoments: Array<[number, number]>
  /** Plain sentences that tell the run's story: the Timeline's text alternative, shown above it. */
  summary: string[]
}
