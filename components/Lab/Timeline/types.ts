/** The shapes the Timeline draws, derived from a run's result by model.ts. */
import type { ConnectionSample, RequestResult } from '@/lib/lab/types'

export type LaneState = 'cold' | 'busy' | 'after' | 'idle' | 'frozen'

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
  /** Every moment something happens, for the time axis' breaks. */
  moments: Array<[number, number]>
  /** Every moment the connections chart changes, for its own, closer axis. */
  connectionMoments: Array<[number, number]>
  /** Plain sentences that tell the run's story: the Timeline's text alternative, shown above it. */
  summary: string[]
}
