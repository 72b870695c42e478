import { formatMs } from '../format'
import { fit, type Band, type Layout } from './layout'
import type { ConsumerSpan, InstanceLane, LaneState, TimelineMarker } from './model'
import styles from './Timeline.module.css'
import type { TimeAxis } from './timeAxis'

const STATE_CLASS: Record<LaneState, string> = {
  cold: styles.cold,
  busy: styles.busy,
  after: styles.after,
  idle: styles.idle,
  frozen: styles.frozen,
}

export const STATE_LABEL: Record<LaneState, string> = {
  cold: 'cold start',
  busy: 'busy (handling a request)',
  after: 'background work (after / waitUntil)',
  idle: 'idle',
  frozen: 'frozen',
}

/**
 * One lane per instance: cold start, busy, background work, idle (a thin line), frozen (a grey band
 * with an outline, as in the lessons' diagrams), and where it was recycled, a cross with the
 * connections it left open. Work lost at a freeze is a red diamond on the lane. A queue consumer's
 * batch is work on its lane, named when there is room, with maxDuration's dashed line where it timed
 * out; a LISTEN connection's notification is a hollow square.
 */
export function InstanceLanes({
  lanes,
  markers,
  consumers,
  notifications,
  axis,
  layout,
  top,
  band,
}: {
  band: Band
  lanes: InstanceLane[]
  markers: TimelineMarker[]
  consumers: ConsumerSpan[]
  notifications: Array<{ t: number; instance?: string; channel: string }>
  axis: TimeAxis
  layout: Layout
  top: number
}) {
  const x = (t: number) => layout.left + axis.x(t)
  // `λ1 · 3 req`; a queue consumer's `orders-λ1 · 3 batches` (a BullMQ worker's jobs); the id alone when that does not fit.
  const laneLabel = (lane: InstanceLane, compact: boolean, width: number) => {
    if (compact) return fit(lane.id, width)
    const work = consumers.filter((span) => span.instance === lane.id)
    const what =
      lane.requests > 0 || work.length === 0
        ? `${lane.requests} req`
        : work[0].batch !== undefined
          ? `${work.length} ${work.length === 1 ? 'batch' : 'batches'}`
          : `${work.length} ${work.length === 1 ? 'job run' : 'job runs'}`
    const full = `${lane.id} · ${what}`
    return fit(full, width) === full ? full : fit(lane.id, width)
  }
  // "5 leaked" goes after the recycle mark when it fits, else before it.
  const roomAfter = (t: number) => layout.left + layout.plotWidth - x(t) > 56
  // …and then the frozen band it ends keeps no label of its own.
  const leakLabelOver = (lane: InstanceLane, t: number) =>
    !!lane.recycled && lane.recycled.leakedConnections > 0 && lane.recycled.t === t && !roomAfter(t)
  return (
    <g>
      {lanes.map((lane, index) => {
        const y = top + index * (band.height + band.gap)
        const mid = y + band.height / 2
        const lost = markers.filter((marker) => marker.kind === 'background-lost' && marker.instance === lane.id)
        return (
          <g key={lane.id} data-lane={lane.id}>
            {index % band.labelEvery === 0 && (
              <text x={0} y={band.compact ? y + band.height + 2 : mid + 4} className={styles.laneLabel}>
                {laneLabel(lane, band.compact, layout.labelWidth)}
              </text>
            )}
            {lane.spans.map((span, spanIndex) => {
              const x0 = x(span.from)
              const width = Math.max(span.state === 'cold' ? 3 : 1, x(span.to) - x0)
              if (span.state === 'idle')
                return <line key={spanIndex} x1={x0} x2={x0 + width} y1={mid} y2={mid} className={styles.idle} />
              const inset = band.compact ? 0 : span.state === 'after' ? 4 : span.state === 'frozen' ? 2 : 0
              return (
                <g key={spanIndex}>
                  <rect
                    x={x0}
                    y={y + inset}
                    width={width}
                    height={band.height - inset * 2}
                    rx={2}
                    className={STATE_CLASS[span.state]}
                  >
                    <title>{`${lane.id} ${STATE_LABEL[span.state]}: ${formatMs(span.from)} to ${formatMs(span.to)}`}</title>
                  </rect>
                  {span.state === 'frozen' && width > 60 && !band.compact && !leakLabelOver(lane, span.to) && (
                    <text x={x0 + 6} y={mid + 4} className={styles.onFrozen}>
                      {fit('frozen', width - 8)}
                    </text>
                  )}
                </g>
              )
            })}
            {consumers
              .filter((span) => span.instance === lane.id)
              .map((span, spanIndex) => {
                const x0 = x(span.from)
                const x1 = x(span.to)
                const label =
                  span.batch === undefined
                    ? ''
                    : span.outcome === 'success'
                      ? `batch ${span.batch}`
                      : span.outcome === 'partial'
                        ? `batch ${span.batch} · ${span.failed} of ${span.messages} failed`
                        : `batch ${span.batch} · ${span.outcome === 'timeout' ? 'timed out' : 'failed'}`
                return (
                  <g key={`consumer-${spanIndex}`} data-batch={span.batch} data-outcome={span.outcome}>
                    {label && !band.compact && x1 - x0 > label.length * 7 + 8 && (
                      <text x={x0 + 4} y={mid + 4} className={styles.onBusy}>
                        {label}
                      </text>
                    )}
                    {span.outcome === 'timeout' && (
                      <g className={styles.maxDuration}>
                        <line x1={x1} x2={x1} y1={y - 3} y2={y + band.height + 3} />
                      </g>
                    )}
                  </g>
                )
              })}
            {notifications
              .filter((notification) => notification.instance === lane.id)
              .map((notification, markerIndex) => (
                <rect
                  key={`notify-${markerIndex}`}
                  x={x(notification.t) - 4}
                  y={mid - 4}
                  width={8}
                  height={8}
                  className={styles.notifyMark}
                >
                  <title>{`${lane.id} got a NOTIFY on ${notification.channel} at ${formatMs(notification.t)}`}</title>
                </rect>
              ))}
            {/* Several at one instant share the spot; the event list counts them. */}
            {lost.map((marker, markerIndex) => {
              const cx = x(marker.t)
              return (
                <path
                  key={markerIndex}
                  d={`M${cx},${mid - 7} L${cx + 7},${mid} L${cx},${mid + 7} L${cx - 7},${mid} Z`}
                  className={styles.lostMarker}
                >
                  <title>{`background-lost at ${formatMs(marker.t)}: ${marker.text}`}</title>
                </path>
              )
            })}
            {lane.recycled && (
              <g>
                <path
                  d={
                    band.compact
                      ? `M${x(lane.recycled.t)},${y - 1} v${band.height + 2}`
                      : `M${x(lane.recycled.t) - 5},${mid - 5} l10,10 m0,-10 l-10,10`
                  }
                  className={styles.recycleMark}
                />
                <title>{`${lane.id} recycled at ${formatMs(lane.recycled.t)}, ${lane.recycled.leakedConnections} connections left open`}</title>
                {lane.recycled.leakedConnections > 0 && !band.compact && (
                  <text
                    x={x(lane.recycled.t) + (roomAfter(lane.recycled.t) ? 9 : -9)}
                    y={mid + 4}
                    textAnchor={roomAfter(lane.recycled.t) ? 'start' : 'end'}
                    className={styles.leakText}
                    data-testid="leak-label"
                  >
                    {`${lane.recycled.leakedConnections} leaked`}
                  </text>
                )}
              </g>
            )}
          </g>
        )
      })}
    </g>
  )
}
