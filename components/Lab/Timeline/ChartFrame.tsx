import { useId, type ReactNode } from 'react'
import { AxisMarks } from './AxisMarks'
import { AXIS_HEIGHT, type Layout } from './layout'
import { patternIds, Patterns, type PatternIds } from './Patterns'
import styles from './Timeline.module.css'
import type { TimeAxis } from './timeAxis'

/** What a chart draws with: the scales, the plot's bottom edge and the frame's fill patterns. */
export interface Frame {
  /** Virtual ms to x, in the SVG. */
  x: (t: number) => number
  /** A count to y, 0 at the bottom, `yMax` at the top. */
  y: (count: number) => number
  bottom: number
  patterns: PatternIds
}

/**
 * The frame the Timeline's small charts share (connections, quota): an SVG drawn at the panel's
 * width, its fill patterns, the compressed time axis with its breaks and labels under the plot,
 * and the 0 of the y axis. The chart draws its data inside, from `children(frame)`.
 */
export function ChartFrame({
  height,
  top,
  yMax,
  axis,
  layout,
  label,
  testId,
  children,
}: {
  height: number
  /** Where the y axis' top (`yMax`) is. */
  top: number
  yMax: number
  axis: TimeAxis
  layout: Layout
  /** The chart's text alternative. */
  label: string
  testId: string
  children: (frame: Frame) => ReactNode
}) {
  const patterns = patternIds(`f${useId()}`)
  const bottom = height - AXIS_HEIGHT
  const frame: Frame = {
    x: (t) => layout.left + axis.x(t),
    y: (count) => bottom - (count / yMax) * (bottom - top),
    bottom,
    patterns,
  }
  return (
    <svg
      className={styles.svg}
      width={layout.width}
      height={height}
      viewBox={`0 0 ${layout.width} ${height}`}
      role="img"
      aria-label={label}
      data-testid={testId}
    >
      <Patterns ids={patterns} />
      <AxisMarks axis={axis} layout={layout} top={top - 6} bottom={bottom} labels={height - 4} />
      <text x={0} y={frame.y(0) + 4} className={styles.text}>
        0
      </text>
      {children(frame)}
    </svg>
  )
}

/** A horizontal line across the plot at `y` (a limit, a peak). */
export function HLine({ y, layout, className }: { y: number; layout: Layout; className: string }) {
  return <line x1={layout.left} x2={layout.left + layout.plotWidth} y1={y} y2={y} className={className} />
}
