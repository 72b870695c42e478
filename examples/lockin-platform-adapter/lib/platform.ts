import 'server-only'
import { after } from 'next/server'
import { attachDatabasePool } from '@vercel/functions'
import type { Pool } from 'pg'

// The one module that knows where the app is deployed. Routes and lib/db.ts import from here,
// never from a platform SDK, so moving host means changing this file only.

/** Run work after the response is sent; the platform keeps the instance alive until it ends. */
export function runAfterResponse(task: () => Promise<unknown>): void {
  // after() is Next.js's own API: Next.js wires it to waitUntil on serverless platforms,
  // and a `next start` process keeps running it (give that process a graceful shutdown).
  after(task)
}

/** Let the platform close idle connections before it suspends an instance. */
export function registerPool(pool: Pool): void {
  // A Vercel-only API. Vercel sets VERCEL=1; elsewhere there is nothing to attach to.
  if (process.env.VERCEL === '1') attachDatabasePool(pool)
}
