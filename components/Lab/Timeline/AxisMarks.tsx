import { formatMs } from '../format'
import type { Layout } from './layout'
import styles from './Timeline.module.css'
import type { TimeAxis } from './timeAxis'

/** An hour of one request a minute has 59 breaks; naming a few of them says enough. */
const MAX_BREAK_LABELS = 3
/** Narrower breaks are a shaded band only, without the zigzag. */
const ZIGZAG_MIN_PX = 10

/**
 * The breaks of a compressed axis drawn across a chart (a zigzag band, as on a paper chart), and
 * optionally the time labels under it: 0, the end, and the real length of each break, placed so no
 * two overlap.
 */
export function AxisMarks({
  axis,
  layout,
  top,
  bottom,
  labels,
}: {
  axis: TimeAxis
  layout: Layout
  top: number
  bottom: number
  /** Draw the labels row at this y (its baseline), or none. */
  labels?: number
}) {
  const x = (t: number) => layout.left + axis.x(t)
  const placed: Array<{ x: number; text: string; anchor: 'start' | 'middle' | 'end'; kind: 'tick' | 'break' }> = []
  const taken: Array<[number, number]> = []
  const tryPlace = (at: number, text: string, anchor: 'start' | 'middle' | 'end', kind: 'tick' | 'break') => {
    const w = text.length * (kind === 'break' ? 7.4 : 6.6)
    const from = anchor === 'start' ? at : anchor === 'end' ? at - w : at - w / 2
    if (from < layout.left - 4 || from + w > layout.width) return
    if (taken.some(([a, b]) => from < b + 6 && from + w > a - 6)) return
    taken.push([from, from + w])
    placed.push({ x: at, text, anchor, kind })
  }
  if (labels !== undefined) {
    tryPlace(x(0), '0', 'start', 'tick')
    tryPlace(x(axis.end), formatMs(axis.end), 'end', 'tick')
    // The longest breaks first: they say the most ("+59 min idle").
    for (const piece of [...axis.breaks].sort((a, b) => b.to - b.from - (a.to - a.from)).slice(0, MAX_BREAK_LABELS))
      tryPlace(layout.left + (piece.x0 + piece.x1) / 2, `+${formatMs(piece.to - piece.from)}`, 'middle', 'break')
    // Then where activity resumes after a break, as time since the start, where there is room.
    for (const piece of axis.breaks.slice(0, MAX_BREAK_LABELS))
      tryPlace(layout.left + piece.x1 + 2, formatMs(piece.to), 'start', 'tick')
  }
  return (
    <g aria-hidden="true">
      {axis.breaks.map((piece) => {
        const x0 = layout.left + piece.x0
        const x1 = layout.left + piece.x1
        const mid = (x0 + x1) / 2
        const zig = Math.min(4, (x1 - x0) / 3)
        return (
          <g key={`${piece.from}-${piece.to}`}>
            <rect x={x0} y={top} width={Math.max(1, x1 - x0)} height={bottom - top} className={styles.breakBand}>
              <title>{`${formatMs(piece.to - piece.from)} with nothing happening, compressed`}</title>
            </rect>
            {x1 - x0 >= ZIGZAG_MIN_PX && (
              <path
                d={`M${mid - zig},${top} L${mid + zig},${top + (bottom - top) / 3} L${mid - zig},${top + (2 * (bottom - top)) / 3} L${mid + zig},${bottom}`}
                className={styles.breakLine}
              />
            )}
          </g>
        )
      })}
      {labels !== undefined && (
        <>
          <line
            x1={layout.left}
            x2={layout.left + layout.plotWidth}
            y1={labels - 14}
            y2={labels - 14}
            className={styles.axisLine}
          />
          {placed.map((label) => (
            <text
              key={`${label.kind}-${label.x}-${label.text}`}
              x={label.x}
              y={labels}
              textAnchor={label.anchor}
              className={label.kind === 'break' ? styles.breakText : styles.text}
            >
              {label.text}
            </text>
          ))}
        </>
      )}
    </g>
  )
}
