/**
 * Default settings per platform profile and for the simulated database.
 * Lessons quote numbers produced with these values, so change them only on purpose
 * (and update lib/lab/README.md, which documents each one and why it was chosen).
 */
import type { DatabaseSettings, PlatformProfile, PlatformSettings, Scenario } from './types'

/** Default platform settings per profile. */
export const DEFAULT_PLATFORM: Record<PlatformProfile, PlatformSettings> = {
  lambda: {
    profile: 'lambda',
    // Node.js function with a small bundle on AWS Lambda / Vercel (non-fluid): ~250 ms before user code runs.
    coldStartMs: 250,
    maxDurationSeconds: 10,
    maxConcurrencyPerInstance: 1,
    // Lambda freezes the sandbox as soon as the response is sent.
    freezeAfterIdleMs: 0,
    // Idle sandboxes are typically reclaimed after 5–15 minutes; 10 minutes keeps lessons short.
    recycleAfterIdleMs: 600_000,
    maxInstances: 100,
    moduleEvalMs: 5,
  },
  fluid: {
    profile: 'fluid',
    coldStartMs: 250,
    maxDurationSeconds: 300,
    maxConcurrencyPerInstance: 30,
    freezeAfterIdleMs: 0,
    recycleAfterIdleMs: 600_000,
    maxInstances: 100,
    moduleEvalMs: 5,
  },
  server: {
    profile: 'server',
    // `next start` boot time, paid once by the first request.
    coldStartMs: 400,
    // No platform limit on a plain server; 300 s stands in for a reverse proxy's timeout.
    maxDurationSeconds: 300,
    maxConcurrencyPerInstance: Number.POSITIVE_INFINITY,
    freezeAfterIdleMs: Number.POSITIVE_INFINITY,
    recycleAfterIdleMs: Number.POSITIVE_INFINITY,
    maxInstances: 1,
    moduleEvalMs: 5,
  },
}

/** Default database: a small managed Postgres in the same region as the functions. */
export const DEFAULT_DATABASE: DatabaseSettings = {
  maxConnections: 20,
  // PostgreSQL's default; the app logs in as an ordinary role, as on every managed provider, so it gets 17.
  superuserReservedConnections: 3,
  role: 'app',
  // TCP + TLS + SCRAM auth to a database in the same region.
  connectLatencyMs: 25,
  queryLatencyMs: 3,
  idleSessionTimeoutMs: 0,
  statementTimeoutMs: 0,
  pooler: null,
  quota: null,
}

/** Engine-wide safety budgets. */
export const BUDGETS = {
  /** Longest virtual run, ms (2 h). */
  virtualTimeMs: 2 * 60 * 60 * 1000,
  /** Most requests a plan may send. */
  maxRequests: 500,
  /** Console lines kept per run. */
  maxConsoleLines: 2000,
  /** Bytes of a response body kept. */
  maxResponseBytes: 1024 * 1024,
  /** Rows dumped per table. */
  maxDumpRows: 100,
} as const

/** Settings after applying the scenario's overrides to the profile defaults. */
export function resolveSettings(scenario: Scenario): { platform: PlatformSettings; database: DatabaseSettings } {
  const profile = scenario.platform?.profile ?? 'lambda'
  const platform: PlatformSettings = {
    ...DEFAULT_PLATFORM[profile],
    ...stripUndefined(scenario.platform ?? {}),
    profile,
  }
  const database: DatabaseSettings = { ...DEFAULT_DATABASE, ...stripUndefined(scenario.database ?? {}) }
  return { platform, database }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {}
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v
  return out
}
