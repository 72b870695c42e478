/**
 * `@vercel/functions`: `waitUntil` and `attachDatabasePool` work only where Vercel gives a request
 * context (`fluid`). Elsewhere the package finds none and does nothing (its wait-until.ts and
 * db-connections/index.ts): the promise runs on, unwaited for, and no pool is attached.
 */
import type { PgPoolLike } from '../../database/pg-module'

export interface VercelFunctionsRuntime {
  /** True on the `fluid` profile, the one host with a Vercel request context. */
  onVercel: boolean
  /** Keep the current instance running until `promise` settles (no-op outside a request). */
  waitUntil(promise: unknown): void
  /** Keep the instance that owns `pool` alive while the pool has idle clients. */
  attachPool(pool: PgPoolLike): void
  /** `experimental_upgradeWebSocket` (lib/lab/websocket/upgrade.ts): throws the package's own error off Vercel. */
  upgradeWebSocket: (...args: never[]) => Promise<Response>
}

export function createVercelFunctions(rt: VercelFunctionsRuntime): Record<string, unknown> {
  return {
    __esModule: true,
    waitUntil: (promise: unknown) => {
      if (rt.onVercel) rt.waitUntil(promise)
    },
    attachDatabasePool: (pool: PgPoolLike) => {
      if (!rt.onVercel) return
      pool.attached = true
      rt.attachPool(pool)
    },
    experimental_upgradeWebSocket: rt.upgradeWebSocket,
    geolocation: () => ({}),
    ipAddress: () => '127.0.0.1',
  }
}
