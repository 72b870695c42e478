import type { TimelineEvent } from '@/lib/lab/types'
import { formatMs } from '../format'
import { CacheLane } from './CacheLane'
import { ChartFrame } from './ChartFrame'
import { InstanceLanes } from './InstanceLanes'
import { AXIS_HEIGHT, fit, LANE_HEIGHT, laneBand, rowBand, type Layout } from './layout'
import { MessageRows } from './MessageRows'
import type { TimelineModel } from './model'
import { RequestRows, sharedRoute } from './RequestRows'
import { SectionHead } from './Row'
import { SocketRows } from './SocketRows'
import styles from './Timeline.module.css'
import type { TimeAxis } from './timeAxis'

type LockWait = Extract<TimelineEvent, { type: 'db-lock-wait' }>
type Query = Extract<TimelineEvent, { type: 'db-query' }>

const TOP = 16

/** A section's heading row above its rows (WebSockets, messages), when it has any. */
const SECTION_HEAD = 22
/** Room one "maxDuration" label takes, with a gap. */
const MAX_DURATION_LABEL_PX = 86

/**
 * Instances, then the cache, WebSocket connections, queue messages and the requests, on one time
 * axis, with maxDuration drawn across all of them.
 */
export function PlatformChart({
  model,
  timeline,
  axis,
  layout,
}: {
  model: TimelineModel
  timeline: TimelineEvent[]
  axis: TimeAxis
  layout: Layout
}) {
  const cache = model.markers.filter((marker) => marker.kind === 'cache')
  const lanes = laneBand(model.lanes.length)
  const rows = rowBand(model.rows.length)
  const lanesTop = TOP
  const cacheTop = lanesTop + model.lanes.length * (lanes.height + lanes.gap) + (model.lanes.length > 0 ? 6 : 0)
  const route = sharedRoute(model.rows)
  const sockets = rowBand(model.sockets.length)
  const messages = rowBand(model.messageRows.length)
  const socketsTop =
    cacheTop + (cache.length > 0 ? LANE_HEIGHT + 10 : 0) + (model.sockets.length > 0 ? SECTION_HEAD : 0)
  // Each section ends with room for the separator above the next one, as the lanes do.
  const messagesTop =
    socketsTop +
    (model.sockets.length > 0 ? model.sockets.length * (sockets.height + sockets.gap) + 6 : 0) +
    (model.messageRows.length > 0 ? SECTION_HEAD : 0)
  const messageQueues = [...new Set(model.messageRows.flatMap((row) => row.messages.map((m) => m.queue)))]
  const deadLetterQueues = [
    ...new Set(
      model.messageRows.flatMap((row) =>
        row.messages.flatMap((m) => (m.end?.deadLetterQueue ? [m.end.deadLetterQueue] : [])),
      ),
    ),
  ]
  const rowsTop =
    messagesTop +
    (model.messageRows.length > 0 ? model.messageRows.length * (messages.height + messages.gap) + 6 : 0) +
    (model.rows.length > 0 && route ? 16 : 0)
  const rowsBottom = rowsTop + model.rows.length * (rows.height + rows.gap)
  const height = rowsBottom + AXIS_HEIGHT
  const queries = new Map<number, Query[]>()
  const lockWaits = new Map<number, LockWait[]>()
  for (const event of timeline) {
    if (event.type === 'db-query' && event.request !== undefined)
      queries.set(event.request, [...(queries.get(event.request) ?? []), event])
    if (event.type === 'db-lock-wait' && event.request !== undefined)
      lockWaits.set(event.request, [...(lockWaits.get(event.request) ?? []), event])
  }
  const stops = model.markers.filter((marker) => marker.kind === 'max-duration')
  const label = `${model.lanes.length} instance lanes${model.sockets.length > 0 ? `, ${model.sockets.length} WebSocket connections` : ''}${model.messageRows.length > 0 ? `, ${model.messageRows.length} message rows` : ''} and ${model.rows.length} request rows over ${formatMs(model.end)}. The summary above and the events below say the same in words.`
  return (
    <ChartFrame
      height={height}
      axis={axis}
      layout={layout}
      label={label}
      testId="platform-chart"
      marksTop={TOP - 10}
      labelsInset={6}
    >
      {({ x, patterns }) => {
        const labelled = labelledStops(stops.map((stop) => x(stop.t)))
        return (
          <>
            <text x={0} y={11} className={styles.heading}>
              instances
            </text>
            <InstanceLanes
              band={lanes}
              lanes={model.lanes}
              markers={model.markers}
              consumers={model.consumerSpans}
              notifications={model.notifications}
              axis={axis}
              layout={layout}
              top={lanesTop}
            />
            {cache.length > 0 && <CacheLane markers={cache} axis={axis} layout={layout} top={cacheTop} />}
            {model.sockets.length > 0 && (
              <>
                <SectionHead top={socketsTop} layout={layout}>
                  WebSocket connections <tspan className={styles.route}>by instance</tspan>
                </SectionHead>
                <SocketRows sockets={model.sockets} axis={axis} layout={layout} top={socketsTop} band={sockets} />
              </>
            )}
            {model.messageRows.length > 0 && (
              <>
                <SectionHead top={messagesTop} layout={layout}>
                  {messageQueues.length === 1 ? 'messages on ' : 'messages'}
                  {messageQueues.length === 1 && <tspan className={styles.route}>{messageQueues[0]}</tspan>}
                  {deadLetterQueues.length > 0 && (
                    <tspan className={styles.route}>
                      {fit(` → ■ ${deadLetterQueues.join(', ')}`, layout.width / 2)}
                    </tspan>
                  )}
                </SectionHead>
                <MessageRows
                  rows={model.messageRows}
                  axis={axis}
                  layout={layout}
                  top={messagesTop}
                  band={messages}
                  patterns={patterns}
                />
              </>
            )}
            {model.rows.length > 0 && (
              <line
                x1={0}
                x2={layout.width}
                y1={rowsTop - (route ? 21 : 5)}
                y2={rowsTop - (route ? 21 : 5)}
                className={styles.separator}
              />
            )}
            {route && model.rows.length > 0 && (
              <text x={0} y={rowsTop - 6} className={styles.heading}>
                requests <tspan className={styles.route}>{fit(route, layout.width - 80)}</tspan>
              </text>
            )}
            <RequestRows
              rows={model.rows}
              queries={queries}
              lockWaits={lockWaits}
              axis={axis}
              layout={layout}
              top={rowsTop}
              patterns={patterns}
              band={rows}
            />
            {stops.map((stop, index) => (
              <g key={index} className={styles.maxDuration}>
                <line x1={x(stop.t)} x2={x(stop.t)} y1={TOP - 12} y2={rowsBottom} />
                {labelled.has(index) && (
                  <text x={x(stop.t) - 3} y={9} textAnchor="end">
                    maxDuration
                  </text>
                )}
              </g>
            ))}
          </>
        )
      }}
    </ChartFrame>
  )
}

/** Which maxDuration lines get a label: lines close together (connections closed every 20 s on a phone) share one. */
function labelledStops(xs: number[]): Set<number> {
  const labelled = new Set<number>()
  let lastLabel = -Infinity
  xs.forEach((at, index) => {
    if (at - lastLabel < MAX_DURATION_LABEL_PX) return
    labelled.add(index)
    lastLabel = at
  })
  return labelled
}
