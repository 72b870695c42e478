/** `next/cache`: unstable_cache with stale-while-revalidate, revalidatePath and revalidateTag (Next 16 signature). */
import type { PlatformCache } from '../../platform/response-cache'

export interface NextCacheRuntime {
  cache: PlatformCache
  warn(message: string): void
  /** Run a refresh in the background, keeping the current instance alive (like waitUntil). */
  background(label: string, work: () => Promise<unknown>): void
}

type CacheOptions = { revalidate?: number | false; tags?: string[] }

export function createNextCache(rt: NextCacheRuntime): Record<string, unknown> {
  let anonymous = 0
  function unstable_cache<A extends unknown[], R>(
    fn: (...args: A) => Promise<R>,
    keyParts?: string[],
    options: CacheOptions = {},
  ) {
    const base = keyParts?.length ? keyParts.join(':') : `${fn.name || 'cached'}#${++anonymous}`
    const ttl = typeof options.revalidate === 'number' ? options.revalidate * 1000 : Infinity
    const tags = options.tags ?? []
    return async (...args: A): Promise<R> => {
      const key = args.length ? `${base}(${JSON.stringify(args)})` : base
      const { freshness, entry } = rt.cache.lookupData(key)
      rt.cache.event(key, freshness)
      if (entry && freshness === 'hit') return clone(entry.value) as R
      if (entry && freshness === 'stale') {
        if (!entry.refreshing) {
          entry.refreshing = true
          rt.cache.event(key, 'revalidate')
          rt.background(`unstable_cache ${key}`, async () => {
            try {
              rt.cache.storeData(key, clone(await fn(...args)), ttl, tags)
            } finally {
              entry.refreshing = false
            }
          })
        }
        return clone(entry.value) as R
      }
      const value = clone(await fn(...args))
      rt.cache.storeData(key, value, ttl, tags)
      return clone(value) as R
    }
  }
  return {
    __esModule: true,
    unstable_cache,
    revalidatePath: (path: string) => rt.cache.invalidatePath(path),
    revalidateTag: (tag: string, profile?: unknown) => {
      if (profile === undefined) {
        rt.warn(
          `revalidateTag("${tag}") without a second argument is deprecated; pass a cacheLife profile, e.g. revalidateTag("${tag}", "max"). Purging the entries now.`,
        )
      }
      const purge =
        profile === undefined || (typeof profile === 'object' && (profile as { expire?: number })?.expire === 0)
      rt.cache.invalidateTag(tag, purge)
    },
    updateTag: (tag: string) => rt.cache.invalidateTag(tag, true),
    unstable_noStore: () => undefined,
    noStore: () => undefined,
  }
}

/** Next serialises cached values; a JSON round trip gives readers the same surprises (Dates become strings). */
function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T)
}
