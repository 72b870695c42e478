/// <reference lib="webworker" />
/**
 * The course's service worker, bundled after `next build` by scripts/offline/build-sw.ts into out/sw.js.
 *
 * - Pages and their assets (every HTML page, CSS, first-load and small lazy chunks, images): precached by
 *   Serwist when this worker installs, so after one visit every lesson opens without a network.
 * - The lab engine (editor, engine and worker chunks, PGlite's wasm and data, the database snapshot, ~17 MB):
 *   not at install. It is downloaded in the background into LAB_CACHE the first time a page asks for one of
 *   its files (the reader used a lab) or when the reader asks for offline use (CACHE_LAB); from then on it is
 *   served from that cache. Its files have content hashes in their names, so a URL never changes content.
 * - Updates: a new worker installs beside the old one and waits (no skipWaiting). The old one keeps serving
 *   the old pages and chunks, consistently, until the page asks the new one to take over at a safe point
 *   (lib/offline/register.ts: the next navigation, or "Reload" in the new-version notice). Serwist stores
 *   each precached URL under its revision, so both versions coexist in the cache until then.
 * - Anything not listed goes to the network as if there were no service worker.
 */
import { CacheFirst, Serwist, type PrecacheEntry } from 'serwist'
import { LAB_CACHE, type OfflineRequest, type OfflineStatus } from './protocol'

declare const self: ServiceWorkerGlobalScope
/** Written by the build (esbuild `define`): the precache list, and the lab engine's files with their sizes. */
declare const __PAGES_MANIFEST__: PrecacheEntry[]
declare const __PAGES_BYTES__: number
declare const __LAB_FILES__: Array<{ url: string; size: number }>
declare const __BUILD_ID__: string

const labSizes = new Map(__LAB_FILES__.map((file) => [new URL(file.url, self.location.origin).href, file.size]))
const labTotalBytes = [...labSizes.values()].reduce((sum, size) => sum + size, 0)

const serwist = new Serwist({
  precacheEntries: __PAGES_MANIFEST__,
  precacheOptions: {
    cleanupOutdatedCaches: true,
    concurrency: 6,
    // A page's query (a shared decision, a lab link) never changes the static file: `/decide/?a=1` is `/decide/`.
    ignoreURLParametersMatching: [/.*/],
  },
  skipWaiting: false,
  // The first worker takes the open tab at once, so the visit that installed it works offline already.
  // Later workers only activate when a page asks (SKIP_WAITING), so claiming then mixes nothing.
  clientsClaim: true,
  disableDevLogs: true,
  runtimeCaching: [
    {
      matcher: ({ url }) => labSizes.has(url.href),
      handler: new CacheFirst({ cacheName: LAB_CACHE }),
    },
  ],
})

let labDownload: Promise<void> | null = null
let labError: string | null = null

/** Fetches every lab file not yet in LAB_CACHE; one download at a time, and a file at most once. */
function cacheLabEngine(): Promise<void> {
  labDownload ??= (async () => {
    labError = null
    const cache = await caches.open(LAB_CACHE)
    const missing: string[] = []
    for (const url of labSizes.keys()) if (!(await cache.match(url))) missing.push(url)
    const queue = [...missing]
    const worker = async () => {
      for (let url = queue.shift(); url; url = queue.shift()) {
        const response = await fetch(url, { credentials: 'same-origin' })
        if (!response.ok) throw new Error(`${new URL(url).pathname} answered ${response.status}`)
        await cache.put(url, response)
      }
    }
    await Promise.all([worker(), worker(), worker()])
  })()
    .catch((error: unknown) => {
      labError =
        error instanceof DOMException && error.name === 'QuotaExceededError'
          ? 'the browser’s storage for this site is full'
          : error instanceof TypeError
            ? 'the network is unavailable'
            : String((error as Error)?.message ?? error)
    })
    .finally(() => {
      labDownload = null
    })
  return labDownload
}

/** Drops lab files of earlier deploys (their names carry another content hash). */
async function pruneLabCache(): Promise<boolean> {
  const cache = await caches.open(LAB_CACHE)
  const keys = await cache.keys()
  await Promise.all(keys.filter((request) => !labSizes.has(request.url)).map((request) => cache.delete(request)))
  return keys.length > 0
}

async function status(): Promise<OfflineStatus> {
  const cache = await caches.open(LAB_CACHE)
  let cachedFiles = 0
  let cachedBytes = 0
  for (const request of await cache.keys()) {
    const size = labSizes.get(request.url)
    if (size === undefined) continue
    cachedFiles++
    cachedBytes += size
  }
  return {
    buildId: __BUILD_ID__,
    pagesBytes: __PAGES_BYTES__,
    pagesFiles: __PAGES_MANIFEST__.length,
    lab: {
      cachedFiles,
      totalFiles: labSizes.size,
      cachedBytes,
      totalBytes: labTotalBytes,
      downloading: labDownload !== null,
      error: labError,
    },
  }
}

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const request = event.data as OfflineRequest | null
  const port = event.ports[0]
  switch (request?.type) {
    case 'SKIP_WAITING':
      event.waitUntil(self.skipWaiting())
      break
    case 'OFFLINE_STATUS':
      event.waitUntil(status().then((answer) => port?.postMessage(answer)))
      break
    case 'CACHE_LAB':
      event.waitUntil(
        cacheLabEngine()
          .then(status)
          .then((answer) => port?.postMessage(answer)),
      )
      break
  }
})

/** Lets the lab's own requests go first (CacheFirst stores each as it arrives) before fetching the rest. */
const LAB_BACKGROUND_DELAY_MS = 3000

// A lab's first file requested: the reader is using a lab, so fetch the rest of the engine in the background.
self.addEventListener('fetch', (event) => {
  if (labSizes.has(event.request.url) && !labDownload)
    event.waitUntil(new Promise((resolve) => setTimeout(resolve, LAB_BACKGROUND_DELAY_MS)).then(cacheLabEngine))
})

self.addEventListener('activate', (event) => {
  // A reader who had the labs offline keeps them offline across a deploy: fetch the new engine files.
  event.waitUntil(pruneLabCache().then((hadLab) => (hadLab ? cacheLabEngine() : undefined)))
})

serwist.addEventListeners()
