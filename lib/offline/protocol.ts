/**
 * Messages between the pages and the service worker (sw.ts), and the names both sides share.
 * The page sends a request with a MessagePort; the worker answers on that port.
 */

/** The cache that holds the lab engine (editor, engine and worker chunks, PGlite's wasm and data, the snapshot). */
export const LAB_CACHE = 'course-lab-engine'

export type OfflineRequest =
  /** How much of the course this worker has stored. */
  | { type: 'OFFLINE_STATUS' }
  /** Download the lab engine now (the reader asked for offline use); answers when done. */
  | { type: 'CACHE_LAB' }
  /** A waiting worker takes over (the page does this at a safe point: a navigation or "Reload"). */
  | { type: 'SKIP_WAITING' }

export interface OfflineStatus {
  /** Next's build id of the pages this worker serves. */
  buildId: string
  /** Bytes of the pages and their assets, all precached when this worker installed. */
  pagesBytes: number
  pagesFiles: number
  lab: {
    /** Files of the lab engine in the cache, of `totalFiles`. */
    cachedFiles: number
    totalFiles: number
    cachedBytes: number
    totalBytes: number
    downloading: boolean
    /** The last download's failure, in words (offline, storage full), or null. */
    error: string | null
  }
}
