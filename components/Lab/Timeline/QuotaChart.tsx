import { CountChartFrame, HLine } from './ChartFrame'
import type { Layout } from './layout'
import { formatWindow, type QuotaModel } from './model'
import styles from './Timeline.module.css'
import type { TimeAxis } from './timeAxis'

const HEIGHT = 120
const TOP = 16

/** Queries used in the quota's window against the quota; what went over it (refused, 53400) is hatched. */
export function QuotaChart({ model, axis, layout }: { model: QuotaModel; axis: TimeAxis; layout: Layout }) {
  return (
    <CountChartFrame
      height={HEIGHT}
      top={TOP}
      yMax={Math.max(model.maxQueries, model.peakUsed) * 1.1}
      axis={axis}
      layout={layout}
      label={`Queries used against the quota of ${model.maxQueries} per ${formatWindow(model.windowMs)}: ${Math.min(model.peakUsed, model.maxQueries)} used${model.rejected > 0 ? `, ${model.rejected} more refused with 53400` : ''}.`}
      testId="quota-chart"
    >
      {({ x, y, patterns }) => {
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
          <>
            {under && <path d={under} className={styles.quotaArea} />}
            {model.rejected > 0 && over && (
              <path d={over} style={{ fill: `url(#${patterns.refused})` }} className={styles.refusedBar} />
            )}
            <HLine y={y(model.maxQueries)} layout={layout} className={styles.limitLine} />
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
          </>
        )
      }}
    </CountChartFrame>
  )
}
