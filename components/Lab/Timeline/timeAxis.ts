/**
 * The Timeline's x axis: virtual time to pixels, with long stretches in which nothing happens
 * compressed into narrow, clearly marked breaks, so an hour of traffic with a few seconds of work
 * a minute shows the seconds, not an hour-wide comb of 1-pixel ticks.
 *
 * Nothing is hidden by a break: a stretch is compressed only when no event, request, cold start
 * or background work falls inside it (instances just stay idle or frozen there, and the lanes
 * draw that state on both sides of the break).
 */

export interface AxisPiece {
  /** Virtual ms. */
  from: number
  to: number
  /** Pixels, from the left edge of the plot area. */
  x0: number
  x1: number
  /** A compressed stretch of nothing: drawn as a break with its real length. */
  compressed: boolean
}

export interface TimeAxis {
  /** Virtual ms to pixels (from the plot's left edge); monotone, 0 → 0 and end → width. */
  x(t: number): number
  pieces: AxisPiece[]
  breaks: AxisPiece[]
  end: number
  width: number
}

/** Pixels a break takes when there is room; fewer when there are many. */
const BREAK_PX = 30
/** At most this share of the width goes to breaks. */
const BREAK_SHARE = 0.25
/** An active stretch keeps at least this many pixels… */
const MIN_ACTIVE_PX = 4
/** …unless there are so many that their floors would take more than this share of the open width. */
const FLOOR_SHARE = 0.3

/**
 * @param moments every instant or interval something happens at, virtual ms
 * @param end the run's end
 * @param width pixels of the plot area
 * @param options.minGapMs the shortest stretch of nothing that is compressed (default 2 s); the
 *   connections chart passes less, so a burst's few milliseconds of connecting are not a sliver at
 *   the end of a 250 ms cold start
 */
export function buildTimeAxis(
  moments: Array<[number, number]>,
  end: number,
  width: number,
  options: { minGapMs?: number } = {},
): TimeAxis {
  end = Math.max(end, 1)
  // Pad each moment a little so a marker never sits on the edge of a break.
  const pad = Math.max(1, Math.min(end * 0.002, 50))
  const spans = moments
    .map(([from, to]) => [Math.max(0, from - pad), Math.min(end, Math.max(from, to) + pad)] as [number, number])
    .sort((a, b) => a[0] - b[0])
  const merged: Array<[number, number]> = []
  for (const span of spans) {
    const last = merged[merged.length - 1]
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1])
    else merged.push([...span])
  }
  // A gap is compressed when it is long (2 s or more by default) and long against all the active time together.
  const activeTotal = merged.reduce((sum, [from, to]) => sum + (to - from), 0)
  const minGap = Math.max(options.minGapMs ?? 2_000, activeTotal * 0.5)
  const raw: Array<{ from: number; to: number; compressed: boolean }> = []
  let cursor = 0
  for (const [from, to] of merged) {
    if (from > cursor) raw.push({ from: cursor, to: from, compressed: from - cursor >= minGap })
    raw.push({ from: Math.max(from, cursor), to, compressed: false })
    cursor = Math.max(cursor, to)
  }
  if (cursor < end) raw.push({ from: cursor, to: end, compressed: end - cursor >= minGap })
  const pieces = raw.filter((piece) => piece.to > piece.from)
  if (pieces.length === 0) pieces.push({ from: 0, to: end, compressed: false })

  const breakCount = pieces.filter((piece) => piece.compressed).length
  const breakPx = breakCount === 0 ? 0 : Math.min(BREAK_PX, (width * BREAK_SHARE) / breakCount)
  const open = pieces.filter((piece) => !piece.compressed)
  const openMs = open.reduce((sum, piece) => sum + (piece.to - piece.from), 0)
  const openPx = Math.max(0, width - breakPx * breakCount)
  // Give every open piece at least MIN_ACTIVE_PX, the rest in proportion to its length.
  const floorPx = Math.min(MIN_ACTIVE_PX, (openPx * FLOOR_SHARE) / Math.max(1, open.length))
  const sharedPx = Math.max(0, openPx - floorPx * open.length)
  let x = 0
  const laidOut: AxisPiece[] = pieces.map((piece) => {
    const px = piece.compressed ? breakPx : floorPx + (openMs > 0 ? ((piece.to - piece.from) / openMs) * sharedPx : 0)
    const laid = { ...piece, x0: x, x1: x + px }
    x += px
    return laid
  })
  // Rounding: the last piece ends exactly at the width.
  laidOut[laidOut.length - 1].x1 = width

  return {
    pieces: laidOut,
    breaks: laidOut.filter((piece) => piece.compressed),
    end,
    width,
    x(t: number) {
      if (t <= 0) return 0
      if (t >= end) return width
      // Binary search: hour-long runs have hundreds of pieces and thousands of points to place.
      let low = 0
      let high = laidOut.length - 1
      while (low < high) {
        const mid = (low + high) >> 1
        if (laidOut[mid].to < t) low = mid + 1
        else high = mid
      }
      const piece = laidOut[low]
      const share = piece.to === piece.from ? 0 : (t - piece.from) / (piece.to - piece.from)
      return piece.x0 + share * (piece.x1 - piece.x0)
    },
  }
}
