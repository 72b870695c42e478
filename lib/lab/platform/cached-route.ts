/**
 * Serving a route from the shared response cache (`revalidate = N`): a fresh entry is a HIT, a
 * stale one is served as STALE while one background request refreshes it, as Vercel's ISR does.
 */
import type { RequestResult } from '../types'
import type { PendingWork } from './pending-work'
import { toCached } from './request-result'
import type { PlatformCache } from './response-cache'

export interface CachedAnswer {
  status: number
  headers: Record<string, string>
  body: string
}

/** The cached answer for `key`, or undefined on a miss (the request then runs, and `finish` stores it). */
export function serveFromCache(
  cache: PlatformCache,
  work: PendingWork,
  key: string,
  ttlSeconds: number,
  refresh: () => Promise<RequestResult>,
): CachedAnswer | undefined {
  const { freshness, entry } = cache.lookupRoute(key)
  cache.event(key, freshness)
  if (!entry || freshness === 'miss') return undefined
  if (freshness === 'stale' && !entry.refreshing) {
    entry.refreshing = true
    cache.event(key, 'revalidate')
    void work.track(refresh()).then((r) => {
      entry.refreshing = false
      if (r.status === 200 && !r.truncated) cache.storeRoute(key, toCached(r), ttlSeconds * 1000)
    })
  }
  const c = entry.value
  return {
    status: c.status,
    headers: { ...c.headers, 'x-vercel-cache': freshness === 'hit' ? 'HIT' : 'STALE' },
    body: c.body,
  }
}
