import { useId } from 'react'
import type { TimelineEvent } from '@/lib/lab/types'
import { formatMs } from '../format'
import { AxisMarks } from './AxisMarks'
import { CacheLane } from './CacheLane'
import { InstanceLanes } from './InstanceLanes'
import { AXIS_HEIGHT, fit, LANE_HEIGHT, laneBand, rowBand, type Layout } from './layout'
import type { TimelineModel } from './model'
import { patternIds, Patterns } from './Patterns'
import { RequestRows, sharedRoute } from './RequestRows'
import styles from './Timeline.module.css'
import type { TimeAxis } from './timeAxis'

type LockWait = Extract<TimelineEvent, { type: 'db-lock-wait' }>
type Query = Extract<TimelineEvent, { type: 'db-query' }>

const TOP = 16

/** Instances, then the cache, then the requests, on one time axis, with maxDuration drawn across all of them. */
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
  const patterns = patternIds(`p${useId()}`)
  const cache = model.markers.filter((marker) => marker.kind === 'cache')
  const lanes = laneBand(model.lanes.length)
  const rows = rowBand(model.rows.length)
  const lanesTop = TOP
  const cacheTop = lanesTop + model.lanes.length * (lanes.height + lanes.gap) + (model.lanes.length > 0 ? 6 : 0)
  const route = sharedRoute(model.rows)
  const rowsTop = cacheTop + (cache.length > 0 ? LANE_HEIGHT + 10 : 0) + (route ? 16 : 0)
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
  const x = (t: number) => layout.left + axis.x(t)
  const stops = model.markers.filter((marker) => marker.kind === 'max-duration')
  return (
    <svg
      className={styles.svg}
      width={layout.width}
      height={height}
      viewBox={`0 0 ${layout.width} ${height}`}
      role="img"
      aria-label={`${model.lanes.length} instance lanes and ${model.rows.length} request rows over ${formatMs(model.end)}. The summary above and the events below say the same in words.`}
      data-testid="platform-chart"
    >
      <Patterns ids={patterns} />
      <AxisMarks axis={axis} layout={layout} top={TOP - 10} bottom={rowsBottom} labels={height - 6} />
      <text x={0} y={11} className={styles.heading}>
        instances
      </text>
      <InstanceLanes
        band={lanes}
        lanes={model.lanes}
        markers={model.markers}
        axis={axis}
        layout={layout}
        top={lanesTop}
      />
      {cache.length > 0 && <CacheLane markers={cache} axis={axis} layout={layout} top={cacheTop} />}
      <line
        x1={0}
        x2={layout.width}
        y1={rowsTop - (route ? 21 : 5)}
        y2={rowsTop - (route ? 21 : 5)}
        className={styles.separator}
      />
      {route && (
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
          <text x={x(stop.t) - 3} y={9} textAnchor="end">
            maxDuration
          </text>
        </g>
      ))}
    </svg>
  )
}
