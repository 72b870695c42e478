import { useId } from 'react'
import { formatWindow } from './model'
import { AxisMarks } from './AxisMarks'
import { AXIS_HEIGHT, type Layout } from './layout'
import type { QuotaModel } from './model'
import { patternIds, Patterns } from './Patterns'
import styles from './Timeline.module.css'
import type { TimeAxis } from './timeAxis'

const HEIGHT = 120
const TOP = 16

/** Queries used in the quota's window against the quota; what went over it (refused, 53400) is hatched. */
export function QuotaChart({ model, axis, layout }: { model: QuotaModel; axis: TimeAxis; layout: Layout }) {
  const patterns = patternIds(`q${useId()}`)
  const bottom = HEIGHT - AXIS_HEIGHT
  const yMax = Math.max(model.maxQueries, model.peakUsed) * 1.1
  const x = (t: number) => layout.left + axis.x(t)
  const y = (count: number) => bottom - (count / yMax) * (bottom - TOP)
  let under = ''
  let over = ''
  for (const point of model.points) {
    const within = Math.min(point.used, model.maxQueries)
    under += under === '' ? `M${x(point.t)},${y(0)}V${y(within)}` : `H${x(point.t)}V${y(within)}`
    const above = Math.max(point.used, model.maxQueries)
    over += over === '' ? `M${x(point.t)},${y(model.maxQueries)}V${y(above)}` : `H${x(point.t)}V${y(above)}`
  }
  if (under) under += `H${x(axis.end)}V${y(0)}Z`
  if (over) over += `H${x(axis.end)}V${y(model.maxQueries)}Z`
  return (
    <svg
      className={styles.svg}
      width={layout.width}
      height={HEIGHT}
      viewBox={`0 0 ${layout.width} ${HEIGHT}`}
      role="img"
      aria-label={`Queries used against the quota of ${model.maxQueries} per ${formatWindow(model.windowMs)}: ${Math.min(model.peakUsed, model.maxQueries)} used${model.rejected > 0 ? `, ${model.rejected} more refused with 53400` : ''}.`}
      data-testid="quota-chart"
    >
      <Patterns ids={patterns} />
      <AxisMarks axis={axis} layout={layout} top={TOP - 6} bottom={bottom} labels={HEIGHT - 4} />
      <text x={0} y={y(0) + 4} className={styles.text}>
        0
      </text>
      {under && <path d={under} className={styles.quotaArea} />}
      {model.rejected > 0 && over && (
        <path d={over} style={{ fill: `url(#${patterns.refused})` }} className={styles.refusedBar} />
      )}
      <line
        x1={layout.left}
        x2={layout.left + layout.plotWidth}
        y1={y(model.maxQueries)}
        y2={y(model.maxQueries)}
        className={styles.limitLine}
      />
      <text x={0} y={y(model.maxQueries) + 4} className={styles.limitText}>
        {`quota ${model.maxQueries}`}
      </text>
      {model.rejected > 0 && (
        <text
          x={model.firstRejected ? x(model.firstRejected.t) - 6 : layout.left + layout.plotWidth}
          y={y(model.maxQueries) - 6}
          textAnchor="end"
          className={styles.endText}
        >
          {`${model.rejected} refused (53400)`}
        </text>
      )}
    </svg>
  )
}
