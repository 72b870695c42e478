/**
 * The ISR / data cache. ONE cache for the whole platform (like Vercel's shared data cache and CDN),
 * not one per instance: a cached GET is served without invoking a function, and an
 * `unstable_cache` entry written by one instance is read by all. Stale entries are served while a
 * background refresh runs (stale-while-revalidate).
 */
import type { TimelineEvent } from '../types'

export interface CachedResponse {
  status: number
  headers: Record<string, string>
  body: string
}

interface Entry<T> {
  value: T
  storedAt: number
  /** ms; Infinity = until invalidated. */
  ttl: number
  tags: string[]
  /** Marked stale by revalidateTag(tag, profile) / revalidatePath. */
  stale: boolean
  refreshing: boolean
}

export type Freshness = 'hit' | 'stale' | 'miss'

export class PlatformCache {
  private routes = new Map<string, Entry<CachedResponse>>()
  private data = new Map<string, Entry<unknown>>()

  constructor(
    private now: () => number,
    private emit: (e: TimelineEvent) => void,
  ) {}

  event(key: string, result: 'hit' | 'miss' | 'stale' | 'revalidate'): void {
    this.emit({ t: this.now(), type: 'cache', key, result })
  }

  lookupRoute(path: string): { freshness: Freshness; entry?: Entry<CachedResponse> } {
    return this.lookup(this.routes, path)
  }

  storeRoute(path: string, value: CachedResponse, ttlMs: number): void {
    this.routes.set(path, { value, storedAt: this.now(), ttl: ttlMs, tags: [path], stale: false, refreshing: false })
  }

  lookupData(key: string): { freshness: Freshness; entry?: Entry<unknown> } {
    return this.lookup(this.data, key)
  }

  storeData(key: string, value: unknown, ttlMs: number, tags: string[]): void {
    this.data.set(key, { value, storedAt: this.now(), ttl: ttlMs, tags, stale: false, refreshing: false })
  }

  /** revalidatePath: the route's cached response is purged; the next request regenerates it. */
  invalidatePath(path: string): void {
    const p = path.length > 1 ? path.replace(/\/$/, '') : path
    if (this.routes.delete(p)) this.event(p, 'revalidate')
    for (const [key, e] of this.data) if (e.tags.includes(p)) this.data.delete(key)
  }

  /** revalidateTag: with a profile, entries go stale (served once more while refreshing); without, they are purged. */
  invalidateTag(tag: string, purge: boolean): void {
    for (const map of [this.routes, this.data] as Array<Map<string, Entry<unknown>>>) {
      for (const [key, e] of map) {
        if (!e.tags.includes(tag)) continue
        if (purge) map.delete(key)
        else e.stale = true
        this.event(key, 'revalidate')
      }
    }
  }

  private lookup<T>(map: Map<string, Entry<T>>, key: string): { freshness: Freshness; entry?: Entry<T> } {
    const entry = map.get(key)
    if (!entry) return { freshness: 'miss' }
    const expired = entry.stale || this.now() - entry.storedAt >= entry.ttl
    return { freshness: expired ? 'stale' : 'hit', entry }
  }
}
