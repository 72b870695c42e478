/**
 * Waits for the reader before a lab loads its editor and database (some 15 MB with PGlite): the first
 * scroll, wheel, pointer, key or touch on the page, or, failing that, a few seconds after the page has
 * loaded. While the page loads, the lesson's own text, styles and scripts have the network and the
 * CPU to themselves. Once the reader has arrived, later labs (and pages reached by client-side
 * navigation) load as soon as they near the viewport.
 *
 * A page opened at a section (a link with `#anchor`) has its reader: they came for what is there, and
 * the browser's jump to it happened before anything could listen. (A reload that restores the scroll
 * position still waits, so a reader who reloads is not handed labs they have not touched.) The labs near that spot then start at once, so a Run pressed
 * as the page appears does not wait for the whole start-up (scripts/bench/lab-arrival.ts measures it).
 */
// A touch is a pointerdown too. Capture only: the listener never calls preventDefault, and browsers
// treat wheel listeners on the window as passive anyway.
const READER_EVENTS = ['scroll', 'wheel', 'pointerdown', 'pointermove', 'keydown'] as const

/** How long after `load` a reader who has not touched anything is taken to be reading. */
export const ARRIVAL_FALLBACK_MS = 5000

let arrived = false
let listening = false
const waiting = new Set<() => void>()

function arrive() {
  if (arrived) return
  arrived = true
  for (const type of READER_EVENTS) removeEventListener(type, arrive, true)
  for (const callback of waiting) callback()
  waiting.clear()
}

function listen() {
  if (listening) return
  listening = true
  // Opened at a section: the reader is already there. (`location.hash` is '' for no fragment and for a
  // bare '#'.) Globals without `window.`: this file is first-load JS.
  if (location.hash) return arrive()
  for (const type of READER_EVENTS) addEventListener(type, arrive, true)
  const startFallback = () => setTimeout(arrive, ARRIVAL_FALLBACK_MS)
  if (document.readyState === 'complete') startFallback()
  else addEventListener('load', startFallback, { once: true })
}

/** Calls `callback` once the reader has arrived (at once if they already have); returns a cancel function. */
export function whenReaderArrives(callback: () => void): () => void {
  if (arrived) {
    callback()
    return () => {}
  }
  waiting.add(callback)
  listen()
  return () => waiting.delete(callback)
}
