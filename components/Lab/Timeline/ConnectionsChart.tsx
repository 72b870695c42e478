import { formatMs } from '../format'
import { CountChartFrame, HLine } from './ChartFrame'
import { fit, type Layout } from './layout'
import type { ConnectionsModel } from './model'
import styles from './Timeline.module.css'
import type { TimeAxis } from './timeAxis'

const HEIGHT = 150
const TOP = 18
/** Width of a column of refused attempts: attempts in the same column stack. */
const REFUSED_PX = 6

/**
 * Open connections over time (a filled step area), the part of them checked out of a pool and in use
 * (dotted, inside it; the rest idle in their pools), refused attempts stacked on top of it where they
 * happened (hatched), against the `max_connections` line, on a y axis scaled to what happened, so a
 * leak of 5 connections is as tall as it matters, not a sliver under a limit of 100.
 */
export function ConnectionsChart({ model, axis, layout }: { model: ConnectionsModel; axis: TimeAxis; layout: Layout }) {
  const limitVisible = model.maxConnections <= model.yMax
  const label = `Open database connections over ${formatMs(axis.end)}: peak ${model.peakOpen} of max_connections ${model.maxConnections}${model.refusedTotal > 0 ? `, ${model.refusedTotal} connection attempts refused` : ''}, ${model.openAtEnd} open at the end${model.inUse.length > 0 ? `; ${model.checkouts} checkouts from connection pools, at most ${model.peakInUse} connections in use at once, the rest idle in their pools` : ''}.`
  return (
    <CountChartFrame
      height={HEIGHT}
      top={TOP}
      yMax={model.yMax}
      axis={axis}
      layout={layout}
      label={label}
      testId="connections-chart"
    >
      {({ x, y, patterns }) => {
        let area = ''
        let openAt = 0
        const openAtTime: Array<[number, number]> = []
        for (const sample of model.samples) {
          area += area === '' ? `M${x(sample.t)},${y(0)}V${y(sample.open)}` : `H${x(sample.t)}V${y(sample.open)}`
          openAt = sample.open
          openAtTime.push([sample.t, sample.open])
        }
        if (area) area += `H${x(axis.end)}V${y(0)}Z`
        let inUse = ''
        for (const point of model.inUse)
          inUse += inUse === '' ? `M${x(point.t)},${y(0)}V${y(point.count)}` : `H${x(point.t)}V${y(point.count)}`
        if (inUse) inUse += `H${x(axis.end)}V${y(0)}Z`
        const openBefore = (t: number) => {
          let open = 0
          for (const [at, count] of openAtTime) {
            if (at > t) break
            open = count
          }
          return open
        }
        // Refused attempts, summed per column so simultaneous attempts stack instead of overlapping.
        const columns = new Map<number, { count: number; t: number }>()
        for (const slot of model.refused) {
          const column = Math.floor(x(slot.t) / REFUSED_PX)
          const existing = columns.get(column)
          if (existing) existing.count += slot.count
          else columns.set(column, { count: slot.count, t: slot.t })
        }
        return (
          <>
            {model.peakOpen > 0 && model.peakOpen !== model.appLimit && model.peakOpen !== model.maxConnections && (
              <>
                <HLine y={y(model.peakOpen)} layout={layout} className={styles.grid} />
                <text x={0} y={y(model.peakOpen) + 4} className={styles.text}>
                  {`peak ${model.peakOpen}`}
                </text>
              </>
            )}
            {area && <path d={area} className={styles.openArea} />}
            {inUse && (
              <path
                d={inUse}
                className={styles.inUseArea}
                style={{ fill: `url(#${patterns.inUse})` }}
                data-testid="in-use"
              />
            )}
            {[...columns.values()].map((column, index) => {
              const base = openBefore(column.t)
              return (
                <rect
                  key={index}
                  x={x(column.t)}
                  width={REFUSED_PX}
                  y={y(base + column.count)}
                  height={Math.max(1, y(base) - y(base + column.count))}
                  style={{ fill: `url(#${patterns.refused})` }}
                  className={styles.refusedBar}
                >
                  <title>{`${column.count} connection attempts refused at ${formatMs(column.t)}`}</title>
                </rect>
              )
            })}
            {limitVisible ? (
              <>
                <HLine y={y(model.maxConnections)} layout={layout} className={styles.limitLine} />
                <text
                  x={layout.left + layout.plotWidth}
                  y={y(model.maxConnections) - 4}
                  textAnchor="end"
                  className={styles.limitText}
                >
                  {`max_connections ${model.maxConnections}`}
                </text>
                {model.appLimit !== undefined && (
                  <>
                    <HLine y={y(model.appLimit)} layout={layout} className={styles.appLimitLine} />
                    <text x={0} y={y(model.appLimit) + 4} className={styles.text}>
                      {fit(
                        model.peakOpen === model.appLimit
                          ? `peak ${model.appLimit} = app limit`
                          : `app limit ${model.appLimit}`,
                        layout.labelWidth,
                      )}
                    </text>
                  </>
                )}
              </>
            ) : (
              <text x={layout.left + layout.plotWidth} y={11} textAnchor="end" className={styles.limitText}>
                {`↑ max_connections ${model.maxConnections}, above this scale`}
              </text>
            )}
            {model.openAtEnd > 0 && (
              <text
                x={layout.left + layout.plotWidth}
                y={
                  // Below the line when above it would touch the limit's label.
                  (limitVisible && Math.abs(y(openAt) - y(model.maxConnections)) < 16) ||
                  (!limitVisible && y(openAt) < 30)
                    ? y(openAt) + 14
                    : y(openAt) - 4
                }
                textAnchor="end"
                className={styles.endText}
              >
                {`${model.openAtEnd} open at the end`}
              </text>
            )}
          </>
        )
      }}
    </CountChartFrame>
  )
}
