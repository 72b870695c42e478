/**
 * What the Timeline draws, derived from a run's result and nothing else: instance lanes with their
 * states, request rows (summarised beyond a limit, never cut), the events a lesson names, the
 * connections chart and the quota. Pure, so unit tests check it against real engine runs.
 */
import type { RunResult } from '@/lib/lab/types'
import { buildConnections, buildQuota } from './charts'
import { buildLanes } from './lanes'
import { buildMarkers, groupEvents } from './markers'
import { buildMessageRows, buildQueues, summariseQueues } from './queues'
import { buildRows } from './rows'
import { summarise } from './summary'
import type { TimelineModel } from './types'
import { buildSockets, summariseSockets } from './websockets'

export * from './types'
export { formatWindow, handlerStart, outcomeOf, ROW_LIMIT } from './helpers'

export function buildTimelineModel(result: RunResult): TimelineModel {
  const end = result.requests.reduce(
    (latest, request) => Math.max(latest, request.timing.end),
    Math.max(1, result.summary.durationMs),
  )
  const queues = buildQueues(result)
  const sockets = buildSockets(result)
  const lanes = buildLanes(result, end, queues.consumerSpans)
  // A WebSocket's upgrade request is drawn as its connection, on its instance; the others as rows.
  const socketRequests = new Set(sockets.sockets.map((socket) => socket.request))
  const { rows, summarised } = buildRows(result.requests.filter((request) => !socketRequests.has(request.index)))
  const messages = buildMessageRows(queues.messages)
  const markers = [...buildMarkers(result), ...queues.markers, ...sockets.markers].sort((a, b) => a.t - b.t)
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
    ...connections.inUse.map((point): [number, number] => [point.t, point.t]),
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
    consumerSpans: queues.consumerSpans,
    messageRows: messages.rows,
    messagesSummarised: messages.summarised,
    sockets: sockets.sockets,
    notifications: sockets.notifications,
    summary: [
      ...summarise(result, lanes, connections, quota, markers),
      ...summariseQueues(queues),
      ...summariseSockets(sockets, result.webSockets?.clients.filter((c) => c.closedBy === 'refused').length ?? 0),
    ],
  }
}
