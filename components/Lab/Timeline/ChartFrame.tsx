import { useId, type ReactNode } from 'react'
import { AxisMarks } from './AxisMarks'
import { AXIS_HEIGHT, type Layout } from './layout'
import { patternIds, Patterns, type PatternIds } from './Patterns'
import styles from './Timeline.module.css'
import type { TimeAxis } from './timeAxis'

/** What every chart of the Timeline draws with: the time scale, the plot's bottom edge and the fill patterns. */
export interface Frame {
  /** Virtual ms to x, in the SVG. */
  x: (t: number) => number
  bottom: number
  patterns: PatternIds
}

/** A chart with a count on its y axis (connections, quota) draws with its scale too. */
export interface CountFrame extends Frame {
  /** A count to y, 0 at the bottom, `yMax` at the top. */
  y: (count: number) => number
}

interface FrameProps {
  height: number
  axis: TimeAxis
  layout: Layout
  /** The chart's text alternative. */
  label: string
  testId: string
}

/**
 * The frame every Timeline chart shares (the platform chart, connections, quota): an SVG drawn at the
 * panel's width, its fill patterns, and the compressed time axis with its breaks from `marksTop` down
 * to the plot's bottom and its labels under the plot (baseline `labelsInset` px above the SVG's bottom
 * edge). The chart draws its data inside, from `children(frame)`.
 */
export function ChartFrame({
  height,
  axis,
  layout,
  label,
  testId,
  marksTop,
  labelsInset = 4,
  children,
}: FrameProps & {
  marksTop: number
  labelsInset?: number
  children: (frame: Frame) => ReactNode
}) {
  const patterns = patternIds(`f${useId()}`)
  const bottom = height - AXIS_HEIGHT
  const frame: Frame = { x: (t) => layout.left + axis.x(t), bottom, patterns }
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
      <AxisMarks axis={axis} layout={layout} top={marksTop} bottom={bottom} labels={height - labelsInset} />
      {children(frame)}
    </svg>
  )
}

/** A ChartFrame with a count on its y axis, from its 0 at the plot's bottom to `yMax` at `top`. */
export function CountChartFrame({
  top,
  yMax,
  children,
  ...frameProps
}: FrameProps & {
  /** Where the y axis' top (`yMax`) is. */
  top: number
  yMax: number
  children: (frame: CountFrame) => ReactNode
}) {
  return (
    <ChartFrame {...frameProps} marksTop={top - 6}>
      {(frame) => {
        const y = (count: number) => frame.bottom - (count / yMax) * (frame.bottom - top)
        return (
          <>
            <text x={0} y={y(0) + 4} className={styles.text}>
              0
            </text>
            {children({ ...frame, y })}
          </>
        )
      }}
    </ChartFrame>
  )
}

/** A horizontal line across the plot at `y` (a limit, a peak). */
export function HLine({ y, layout, className }: { y: number; layout: Layout; className: string }) {
  return <line x1={layout.left} x2={layout.left + layout.plotWidth} y1={y} y2={y} className={className} />
}
