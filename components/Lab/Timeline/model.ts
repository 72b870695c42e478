/**
 * What the Timeline draws, derived from a run's result and nothing else: instance lanes with their
 * states, request rows (summarised beyond a limit, never cut), the events a lesson names, the
 * connections chart and the quota. Pure, so unit tests check it against real engine runs.
 */
import type { ConnectionSample, RequestResult, RunResult, TimelineEvent } from '@/lib/lab/types'
import { formatMs } from '../format'

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

/** Rows drawn one per request up to this many; beyond it, rows stand for consecutive requests. */
export const ROW_LIMIT = 24

export const outcomeOf = (request: RequestResult): Outcome =>
  request.status >= 500 || request.status === 0 ? 'failed' : request.status >= 400 ? 'client-error' : 'ok'

/** When the handler started: after queueing and any cold start. */
export const handlerStart = (request: RequestResult) =>
  request.timing.start + request.timing.queuedMs + request.timing.coldStartMs

type Of<T extends TimelineEvent['type']> = Extract<TimelineEvent, { type: T }>
const ofType = <T extends TimelineEvent['type']>(events: TimelineEvent[], type: T) =>
  events.filter((event): event is Of<T> => event.type === type)

/** A quota's window as a plan states it: "day", "hour", else its length. */
export const formatWindow = (ms: number) => (ms === 86_400_000 ? 'day' : ms === 3_600_000 ? 'hour' : formatMs(ms))

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`

export function buildTimelineModel(result: RunResult): TimelineModel {
  const end = result.requests.reduce(
    (latest, request) => Math.max(latest, request.timing.end),
    Math.max(1, result.summary.durationMs),
  )
  const lanes = buildLanes(result, end)
  const { rows, summarised } = buildRows(result.requests)
  const markers = buildMarkers(result)
  const connections = buildConnections(result)
  const quota = buildQuota(result)
  const moments: Array<[number, number]> = [[0, 0]]
  for (const request of result.requests) moments.push([request.timing.start, request.timing.end])
  for (const event of result.timeline) {
    if (event.type === 'db-lock-wait') continue // a wait lasts as long as its request, already above
    moments.push([event.t, event.t + (event.type === 'db-query' ? event.ms : 0)])
  }
  for (const lane of lanes)
    for (const span of lane.spans)
      if (span.state !== 'idle' && span.state !== 'frozen') moments.push([span.from, span.to])
  moments.push([end, end])
  // No moment at 0: a burst's connections start after its cold start, and the chart may begin with a break.
  const connectionMoments: Array<[number, number]> = [
    ...result.connections.map((sample): [number, number] => [sample.t, sample.t]),
    ...connections.refused.map((slot): [number, number] => [slot.t, slot.t]),
    [end, end],
  ]
  return {
    end,
    lanes,
    rows,
    summarised,
    markers,
    events: groupEvents(markers),
    connections,
    quota,
    moments,
    connectionMoments,
    summary: summarise(result, lanes, connections, quota, markers),
  }
}

function buildLanes(result: RunResult, end: number): InstanceLane[] {
  const lanes = new Map<string, InstanceLane>()
  const ready = new Map<string, number>()
  const freezes = new Map<string, number[]>()
  const afterOpen = new Map<string, number[]>()
  for (const event of result.timeline) {
    if (event.type === 'instance-start')
      lanes.set(event.instance, { id: event.instance, start: event.t, end, spans: [], requests: 0 })
    else if (event.type === 'instance-ready') ready.set(event.instance, event.t)
    else if (event.type === 'instance-freeze')
      freezes.set(event.instance, [...(freezes.get(event.instance) ?? []), event.t])
    else if (event.type === 'instance-recycle') {
      const lane = lanes.get(event.instance)
      if (lane) {
        lane.end = event.t
        lane.recycled = { t: event.t, leakedConnections: event.leakedConnections }
      }
    } else if (event.type === 'after-start')
      afterOpen.set(event.instance, [...(afterOpen.get(event.instance) ?? []), event.t])
    else if (event.type === 'after-end') {
      const starts = afterOpen.get(event.instance)
      const from = starts?.shift()
      const lane = lanes.get(event.instance)
      if (lane && from !== undefined) lane.spans.push({ from, to: event.t, state: 'after' })
    }
  }
  for (const [instance, starts] of afterOpen) {
    const lane = lanes.get(instance)
    for (const from of starts) lane?.spans.push({ from, to: lane.end, state: 'after' })
  }
  const busy = new Map<string, Array<[number, number]>>()
  for (const request of result.requests) {
    const lane = request.instance ? lanes.get(request.instance) : undefined
    if (!lane) continue
    lane.requests++
    const from = request.timing.start + request.timing.queuedMs + request.timing.coldStartMs
    busy.set(lane.id, [...(busy.get(lane.id) ?? []), [from, request.timing.end]])
  }
  for (const lane of lanes.values()) {
    const readyAt = ready.get(lane.id) ?? lane.start
    const work = [
      ...(busy.get(lane.id) ?? []),
      ...lane.spans.map((span): [number, number] => [span.from, span.to]),
    ].sort((a, b) => a[0] - b[0])
    const spans: LaneSpan[] = [{ from: readyAt, to: lane.end, state: 'idle' }]
    // Frozen from each freeze until the next work thaws it (or the lane ends).
    for (const t of freezes.get(lane.id) ?? []) {
      const thaw = work.find(([from]) => from > t)
      spans.push({ from: t, to: Math.min(thaw ? thaw[0] : lane.end, lane.end), state: 'frozen' })
    }
    spans.push({ from: lane.start, to: readyAt, state: 'cold' })
    for (const [from, to] of busy.get(lane.id) ?? []) spans.push({ from, to, state: 'busy' })
    spans.push(...lane.spans)
    lane.spans = spans.filter((span) => span.to > span.from || span.state === 'cold')
  }
  return [...lanes.values()]
}

function rowLabel(group: RequestResult[]): string {
  const first = group[0]
  const last = group[group.length - 1]
  const ids = group.length === 1 ? `#${first.index + 1}` : `#${first.index + 1}–#${last.index + 1}`
  const samePath = group.every((request) => request.method === first.method && request.path === first.path)
  return samePath ? `${ids} ${first.method} ${first.path}` : `${ids} (${group.length} requests)`
}

function buildRows(requests: RequestResult[]): { rows: RequestRow[]; summarised: boolean } {
  const toRow = (group: RequestResult[]): RequestRow => ({
    key: `${group[0].index}-${group[group.length - 1].index}`,
    label: rowLabel(group),
    requests: group,
    failed: group.filter((request) => outcomeOf(request) === 'failed').length,
  })
  if (requests.length <= ROW_LIMIT) return { rows: requests.map((request) => toRow([request])), summarised: false }
  const size = Math.ceil(requests.length / ROW_LIMIT)
  // Consecutive requests with the same outcome and route share a row, so a run of failures gets rows of its own.
  const groups: RequestResult[][] = []
  for (const request of requests) {
    const group = groups[groups.length - 1]
    const head = group?.[0]
    if (
      group &&
      group.length < size &&
      outcomeOf(head) === outcomeOf(request) &&
      head.path === request.path &&
      head.method === request.method
    )
      group.push(request)
    else groups.push([request])
  }
  if (groups.length <= ROW_LIMIT * 1.5) return { rows: groups.map(toRow), summarised: true }
  // Outcomes alternate too often to keep them apart: fixed-size rows (failed requests still draw on top).
  const fixed: RequestResult[][] = []
  for (let index = 0; index < requests.length; index += size) fixed.push(requests.slice(index, index + size))
  return { rows: fixed.map(toRow), summarised: true }
}

function buildMarkers(result: RunResult): TimelineMarker[] {
  const markers: TimelineMarker[] = []
  const instanceOf = (request?: number) => (request === undefined ? undefined : result.requests[request]?.instance)
  const requestName = (request?: number) => (request === undefined ? '' : ` (request #${request + 1})`)
  for (const event of result.timeline) {
    switch (event.type) {
      case 'instance-start':
        markers.push({
          kind: 'cold-start',
          t: event.t,
          instance: event.instance,
          name: 'cold start',
          text: `${event.instance} started`,
        })
        break
      case 'instance-freeze':
        markers.push({
          kind: 'freeze',
          t: event.t,
          instance: event.instance,
          name: 'frozen',
          text: `${event.instance} was frozen`,
        })
        break
      case 'instance-recycle':
        markers.push({
          kind: 'leaked-connections',
          t: event.t,
          instance: event.instance,
          name: 'recycled',
          text:
            event.leakedConnections > 0
              ? `${event.instance} was recycled and left ${plural(event.leakedConnections, 'connection')} open (leaked)`
              : `${event.instance} was recycled with no connection open`,
        })
        break
      case 'background-lost':
        markers.push({
          kind: 'background-lost',
          t: event.t,
          instance: event.instance,
          request: event.request,
          name: 'background-lost',
          text: `${event.what}${requestName(event.request)} was pending when ${event.instance} froze`,
        })
        break
      case 'db-lock-wait':
        markers.push({
          kind: 'lock-wait',
          t: event.t,
          instance: instanceOf(event.request),
          request: event.request,
          name: 'lock wait',
          text:
            event.ms === undefined
              ? `a statement${requestName(event.request)} waited on a lock held by connection ${event.heldBy}'s open transaction and never got it`
              : `a statement${requestName(event.request)} waited ${formatMs(event.ms)} on a lock held by connection ${event.heldBy}`,
        })
        break
      case 'db-connect-refused':
        markers.push({
          kind: 'refused',
          t: event.t,
          instance: event.instance,
          request: event.request,
          name: event.code,
          text: 'connection attempt refused',
        })
        break
      case 'cache':
        markers.push({
          kind: 'cache',
          t: event.t,
          name: event.result.toUpperCase(),
          text: `cache ${event.result.toUpperCase()} for ${event.key}`,
        })
        break
      case 'cron':
        markers.push({ kind: 'cron', t: event.t, name: 'cron', text: `cron job ran ${event.path}` })
        break
    }
  }
  let firstQuotaError = true
  for (const event of ofType(result.timeline, 'db-query')) {
    if (event.error !== '53400' || !firstQuotaError) continue
    firstQuotaError = false
    markers.push({
      kind: 'quota-exceeded',
      t: event.t,
      instance: instanceOf(event.request),
      request: event.request,
      name: '53400',
      text: `the database refused its first query over the quota${requestName(event.request)}`,
    })
  }
  for (const request of result.requests) {
    if (request.platformError === 'FUNCTION_INVOCATION_TIMEOUT')
      markers.push({
        kind: 'max-duration',
        t: request.timing.end,
        instance: request.instance,
        request: request.index,
        name: 'maxDuration',
        text: `request #${request.index + 1} was stopped at maxDuration and answered ${request.status}`,
      })
    if (request.chunks && request.chunks.length > 0)
      markers.push({
        kind: 'stream',
        t: request.chunks[0].t,
        instance: request.instance,
        request: request.index,
        name: 'stream',
        text: `request #${request.index + 1} streamed ${plural(request.chunks.length, 'chunk')}, at ${request.chunks.map((chunk) => `${(chunk.t / 1000).toFixed(3)} s`).join(', ')}`,
      })
  }
  return markers.sort((a, b) => a.t - b.t)
}

/** Kinds listed one line per event; the others (cache, refusals, starts…) one line per kind and text. */
const LISTED_EACH: ReadonlySet<MarkerKind> = new Set([
  'background-lost',
  'leaked-connections',
  'max-duration',
  'lock-wait',
  'stream',
])

/** Started and frozen instances, one line each kind: "`cold start` × 50: 50 instances started: λ1, λ2 … λ50". */
const ACROSS_INSTANCES: Partial<Record<MarkerKind, string>> = { 'cold-start': 'started', freeze: 'were frozen' }

function instanceList(ids: string[]): string {
  return ids.length <= 4 ? ids.join(', ') : `${ids.slice(0, 2).join(', ')} … ${ids[ids.length - 1]}`
}

function groupEvents(markers: TimelineMarker[]): EventGroup[] {
  const groups = new Map<string, EventGroup>()
  const instances = new Map<string, string[]>()
  markers.forEach((marker, index) => {
    const verb = ACROSS_INSTANCES[marker.kind]
    if (verb) {
      const ids = instances.get(marker.kind) ?? []
      if (marker.instance && !ids.includes(marker.instance)) ids.push(marker.instance)
      instances.set(marker.kind, ids)
      const text = ids.length === 1 ? marker.text : `${ids.length} instances ${verb}: ${instanceList(ids)}`
      const group = groups.get(marker.kind)
      if (group) {
        group.count++
        group.last = marker.t
        group.text = text
      } else
        groups.set(marker.kind, {
          key: marker.kind,
          kind: marker.kind,
          name: marker.name,
          text,
          count: 1,
          first: marker.t,
          last: marker.t,
        })
      return
    }
    const key = LISTED_EACH.has(marker.kind)
      ? `${marker.kind}:${index}`
      : `${marker.kind}:${marker.name}:${marker.kind === 'cache' || marker.kind === 'refused' ? '' : marker.text}`
    const group = groups.get(key)
    if (group) {
      group.count++
      group.last = marker.t
    } else
      groups.set(key, {
        key,
        kind: marker.kind,
        name: marker.name,
        text: marker.text,
        count: 1,
        first: marker.t,
        last: marker.t,
      })
  })
  return [...groups.values()]
}

function buildConnections(result: RunResult): ConnectionsModel {
  const { database } = result.settings
  const perInstant = new Map<number, { count: number; code: string }>()
  for (const event of ofType(result.timeline, 'db-connect-refused')) {
    const slot = perInstant.get(event.t)
    if (slot) slot.count++
    else perInstant.set(event.t, { count: 1, code: event.code })
  }
  const refused = [...perInstant].map(([t, slot]) => ({ t, ...slot }))
  const peakOpen = result.connections.reduce((most, sample) => Math.max(most, sample.open), 0)
  const peakRefused = refused.reduce((most, slot) => Math.max(most, slot.count), 0)
  const appLimit =
    database.role === 'app' && database.superuserReservedConnections > 0 && !database.pooler
      ? database.maxConnections - database.superuserReservedConnections
      : undefined
  // The limit line is drawn when it is near what happened; otherwise the axis fits the run and the
  // limit is named at the top ("max_connections 100, off the scale").
  const happened = Math.max(1, peakOpen + peakRefused)
  const nearLimit = happened >= database.maxConnections * 0.4
  const yMax = Math.max(nearLimit ? database.maxConnections : 0, happened) * 1.12
  return {
    samples: result.connections,
    refused,
    refusedTotal: refused.reduce((sum, slot) => sum + slot.count, 0),
    peakOpen,
    openAtEnd: result.database.stats.openAtEnd,
    maxConnections: database.maxConnections,
    appLimit,
    yMax: Math.max(yMax, 2),
  }
}

function buildQuota(result: RunResult): QuotaModel | undefined {
  const quota = result.settings.database.quota
  if (!quota) return undefined
  const windows = new Map<number, number>()
  const points: QuotaModel['points'] = []
  let rejected = 0
  let firstRejected: QuotaModel['firstRejected']
  for (const event of ofType(result.timeline, 'db-query')) {
    const window = Math.floor(event.t / quota.windowMs)
    const used = (windows.get(window) ?? 0) + 1
    windows.set(window, used)
    if (points.length > 0 && Math.floor(points[points.length - 1].t / quota.windowMs) !== window)
      points.push({ t: window * quota.windowMs, used: 0 })
    points.push({ t: event.t, used })
    if (event.error === '53400') {
      rejected++
      firstRejected ??= { t: event.t, request: event.request }
    }
  }
  return {
    maxQueries: quota.maxQueries,
    windowMs: quota.windowMs,
    points,
    peakUsed: points.reduce((most, point) => Math.max(most, point.used), 0),
    rejected,
    firstRejected,
  }
}

function summarise(
  result: RunResult,
  lanes: InstanceLane[],
  connections: ConnectionsModel,
  quota: QuotaModel | undefined,
  markers: TimelineMarker[],
): string[] {
  const lines: string[] = []
  const failed = result.requests.filter((request) => outcomeOf(request) === 'failed')
  const failedRange =
    failed.length === 0
      ? ''
      : failed.length === failed[failed.length - 1].index - failed[0].index + 1 && failed.length > 1
        ? ` (#${failed[0].index + 1}–#${failed[failed.length - 1].index + 1})`
        : ''
  const statuses = Object.entries(result.summary.byStatus)
    .map(([status, count]) => `${count} × ${status}`)
    .join(', ')
  lines.push(
    `${plural(result.requests.length, 'request')} over ${formatMs(result.summary.durationMs)} on ${plural(lanes.length, 'instance')}: ${statuses}` +
      (failed.length > 0 ? `; ${failed.length} failed${failedRange}.` : '.'),
  )
  const recycled = lanes.filter((lane) => lane.recycled)
  const frozen = markers.filter((marker) => marker.kind === 'freeze').length
  if (frozen > 0 || recycled.length > 0) {
    const leaked = recycled.reduce((sum, lane) => sum + lane.recycled!.leakedConnections, 0)
    lines.push(
      `${plural(frozen, 'freeze')}` +
        (recycled.length > 0 ? `, ${plural(recycled.length, 'instance')} recycled` : '') +
        (leaked > 0
          ? `, leaving ${plural(leaked, 'connection')} open (${recycled
              .filter((lane) => lane.recycled!.leakedConnections > 0)
              .map((lane) => `${lane.id}: ${lane.recycled!.leakedConnections}`)
              .join(', ')}).`
          : '.'),
    )
  }
  const lost = markers.filter((marker) => marker.kind === 'background-lost').length
  if (lost > 0)
    lines.push(
      `${plural(lost, '`background-lost` event')}: work still pending when its instance froze or ran out of time.`,
    )
  lines.push(
    `Connections: peak ${connections.peakOpen} of max_connections ${connections.maxConnections}` +
      (connections.refusedTotal > 0 ? `, ${plural(connections.refusedTotal, 'attempt')} refused` : '') +
      `, ${connections.openAtEnd} open at the end.`,
  )
  const timeouts = markers.filter((marker) => marker.kind === 'max-duration').length
  if (timeouts > 0) lines.push(`${plural(timeouts, 'request')} stopped at maxDuration.`)
  const waits = markers.filter((marker) => marker.kind === 'lock-wait').length
  if (waits > 0) lines.push(`${plural(waits, 'statement')} waited on a lock held by another transaction.`)
  if (quota)
    lines.push(
      `Quota: ${quota.maxQueries} queries per ${formatWindow(quota.windowMs)}; ${Math.min(quota.peakUsed, quota.maxQueries)} used` +
        (quota.rejected > 0
          ? `, then ${plural(quota.rejected, 'query', 'queries')} refused (53400)${quota.firstRejected?.request !== undefined ? ` from request #${quota.firstRejected.request + 1}` : ''}.`
          : '.'),
    )
  const cache = markers.filter((marker) => marker.kind === 'cache')
  if (cache.length > 0) {
    const counts = new Map<string, number>()
    for (const marker of cache) counts.set(marker.name, (counts.get(marker.name) ?? 0) + 1)
    lines.push(`Cache: ${[...counts].map(([name, count]) => `${name} × ${count}`).join(', ')}.`)
  }
  return lines
}
