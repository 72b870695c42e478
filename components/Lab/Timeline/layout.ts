/** The Timeline's geometry, one place for every drawing's sizes. */
export interface Layout {
  width: number
  /** Left column for lane and row labels. */
  labelWidth: number
  /** Where the plot starts and how wide it is. */
  left: number
  plotWidth: number
  narrow: boolean
}

export const LANE_HEIGHT = 20

/** Height, gap and label spacing of a stack of lanes or rows: compact when there are many. */
export interface Band {
  height: number
  gap: number
  /** Label every n-th lane, so 12 px labels never overlap. */
  labelEvery: number
  compact: boolean
}

/** Up to 12 instance lanes at full height; more (a burst on Lambda starts one per request) as thin lanes. */
export function laneBand(count: number): Band {
  return count <= 12
    ? { height: LANE_HEIGHT, gap: 4, labelEvery: 1, compact: false }
    : { height: 4, gap: 1, labelEvery: 3, compact: true }
}

/** Up to 24 request rows at full height (more only when a summarised run's outcomes alternate), then 10 px rows. */
export function rowBand(count: number): Band {
  return count <= 24
    ? { height: 16, gap: 4, labelEvery: 1, compact: false }
    : { height: 10, gap: 4, labelEvery: 1, compact: true }
}
export const AXIS_HEIGHT = 30
export const FONT_PX = 12

export function layoutFor(width: number): Layout {
  const narrow = width < 560
  const labelWidth = narrow ? 96 : 168
  const right = narrow ? 8 : 16
  return { width, labelWidth, left: labelWidth + 6, plotWidth: Math.max(120, width - labelWidth - 6 - right), narrow }
}

/** Cuts a label to what fits in `px` at the Timeline's font size (monospace-ish estimate). */
export function fit(text: string, px: number): string {
  const chars = Math.floor(px / (FONT_PX * 0.58))
  return text.length <= chars ? text : `${text.slice(0, Math.max(1, chars - 1))}…`
}
