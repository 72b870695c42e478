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
export const ROW_HEIGHT = 16
export const ROW_GAP = 4
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
