import { useId } from 'react'
import { formatMs } from '../format'
import { AxisMarks } from './AxisMarks'
import { AXIS_HEIGHT, fit, type Layout } from './layout'
import type { ConnectionsModel } from './model'
import { patternIds, Patterns } from './Patterns'
import styles from './Timeline.module.css'
import type { TimeAxis } from './timeAxis'

const HEIGHT = 150
const TOP = 18
/** Width of a column of refused attempts: attempts in the same column stack. */
const REFUSED_PX = 6

/**
 * Open connections over time (a filled step area), refused attempts stacked on top of it where they
 * happened (hatched), against the `max_connections` line, on a y axis scaled to what happened, so a
 * leak of 5 connections is as tall as it matters, not a sliver under a limit of 100.
 */
export function ConnectionsChart({ model, axis, layout }: { model: ConnectionsModel; axis: TimeAxis; layout: Layout }) {
  const patterns = patternIds(`c${useId()}`)
  const bottom = HEIGHT - AXIS_HEIGHT
  const x = (t: number) => layout.left + axis.x(t)
  const y = (count: number) => bottom - (count / model.yMax) * (bottom - TOP)
  let area = ''
  let openAt = 0
  const openAtTime: Array<[number, number]> = []
  for (const sample of model.samples) {
    area += area === '' ? `M${x(sample.t)},${y(0)}V${y(sample.open)}` : `H${x(sample.t)}V${y(sample.open)}`
    openAt = sample.open
    openAtTime.push([sample.t, sample.open])
  }
  if (area) area += `H${x(axis.end)}V${y(0)}Z`
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
  const limitVisible = model.maxConnections <= model.yMax
  const label = `Open database connections over ${formatMs(axis.end)}: peak ${model.peakOpen} of max_connections ${model.maxConnections}${model.refusedTotal > 0 ? `, ${model.refusedTotal} connection attempts refused` : ''}, ${model.openAtEnd} open at the end.`
  return (
    <svg
      className={styles.svg}
      width={layout.width}
      height={HEIGHT}
      viewBox={`0 0 ${layout.width} ${HEIGHT}`}
      role="img"
      aria-label={label}
      data-testid="connections-chart"
    >
      <Patterns ids={patterns} />
      <AxisMarks axis={axis} layout={layout} top={TOP - 6} bottom={bottom} labels={HEIGHT - 4} />
      <text x={0} y={y(0) + 4} className={styles.text}>
        0
      </text>
      {model.peakOpen > 0 && model.peakOpen !== model.appLimit && model.peakOpen !== model.maxConnections && (
        <>
          <line
            x1={layout.left}
            x2={layout.left + layout.plotWidth}
            y1={y(model.peakOpen)}
            y2={y(model.peakOpen)}
            className={styles.grid}
          />
          <text x={0} y={y(model.peakOpen) + 4} className={styles.text}>
            {`peak ${model.peakOpen}`}
          </text>
        </>
      )}
      {area && <path d={area} className={styles.openArea} />}
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
          <line
            x1={layout.left}
            x2={layout.left + layout.plotWidth}
            y1={y(model.maxConnections)}
            y2={y(model.maxConnections)}
            className={styles.limitLine}
          />
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
              <line
                x1={layout.left}
                x2={layout.left + layout.plotWidth}
                y1={y(model.appLimit)}
                y2={y(model.appLimit)}
                className={styles.appLimitLine}
              />
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
          y={limitVisible && Math.abs(y(openAt) - y(model.maxConnections)) < 16 ? y(openAt) + 14 : y(openAt) - 4}
          textAnchor="end"
          className={styles.endText}
        >
          {`${model.openAtEnd} open at the end`}
        </text>
      )}
    </svg>
  )
}
