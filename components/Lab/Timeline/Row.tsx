import type { ReactNode } from 'react'
import { fit, type Band, type Layout } from './layout'
import styles from './Timeline.module.css'

/** The top edge of row `index` in a stack of rows starting at `top`. */
export function rowTop(top: number, band: Band, index: number): number {
  return top + index * (band.height + band.gap)
}

/**
 * One row of the platform chart's row sections (WebSocket connections, queue messages, requests): a
 * group carrying the row's `data-*` attributes (what the tests and a reader's tools read), its tooltip,
 * its label in the left column (red when something in it failed; none when `label` is undefined, as
 * on the rows a thin band leaves unlabelled), then what the section draws in the plot.
 */
export function Row({
  y,
  band,
  layout,
  label,
  failed = false,
  title,
  data,
  children,
}: {
  /** The row's top edge (rowTop). */
  y: number
  band: Band
  layout: Layout
  label?: string
  failed?: boolean
  title?: string
  data: Record<`data-${string}`, string | number>
  children: ReactNode
}) {
  return (
    <g {...data}>
      {title !== undefined && <title>{title}</title>}
      {label !== undefined && (
        <text
          x={0}
          y={y + band.height / 2 + 4}
          className={`${failed ? styles.rowLabelFailed : styles.rowLabel} ${band.compact ? styles.compactLabel : ''}`}
        >
          {fit(label, layout.labelWidth)}
        </text>
      )}
      {children}
    </g>
  )
}

/** A row section's separator line and heading above its first row (`top`). */
export function SectionHead({ top, layout, children }: { top: number; layout: Layout; children: ReactNode }) {
  return (
    <>
      <line x1={0} x2={layout.width} y1={top - 19} y2={top - 19} className={styles.separator} />
      <text x={0} y={top - 6} className={styles.heading}>
        {children}
      </text>
    </>
  )
}
