import { formatMs } from '../format'
import { LANE_HEIGHT, type Layout } from './layout'
import type { TimelineMarker } from './model'
import styles from './Timeline.module.css'
import type { TimeAxis } from './timeAxis'

/** Cache lookups on a lane of their own: HIT a filled circle, STALE a triangle, MISS a hollow circle, revalidate a ring with a dot. */
export function CacheLane({
  markers,
  axis,
  layout,
  top,
}: {
  markers: TimelineMarker[]
  axis: TimeAxis
  layout: Layout
  top: number
}) {
  const x = (t: number) => layout.left + axis.x(t)
  const mid = top + LANE_HEIGHT / 2
  return (
    <g>
      <text x={0} y={mid + 4} className={styles.laneLabel}>
        cache
      </text>
      <line x1={layout.left} x2={layout.left + layout.plotWidth} y1={mid} y2={mid} className={styles.idle} />
      {markers.map((marker, index) => (
        <g key={index}>
          <CacheGlyph name={marker.name} cx={x(marker.t)} cy={mid} />
          <title>{`${marker.text} at ${formatMs(marker.t)}`}</title>
        </g>
      ))}
    </g>
  )
}

export function CacheGlyph({ name, cx, cy }: { name: string; cx: number; cy: number }) {
  if (name === 'HIT') return <circle cx={cx} cy={cy} r={4.5} className={styles.cacheHit} />
  if (name === 'STALE')
    return (
      <path
        d={`M${cx},${cy - 5.5} L${cx + 5.5},${cy + 4.5} L${cx - 5.5},${cy + 4.5} Z`}
        className={styles.cacheStale}
      />
    )
  if (name === 'MISS') return <circle cx={cx} cy={cy} r={4.5} className={styles.cacheMiss} />
  return (
    <g>
      <circle cx={cx} cy={cy} r={5} className={styles.cacheMiss} />
      <circle cx={cx} cy={cy} r={1.8} className={styles.cacheHit} />
    </g>
  )
}
