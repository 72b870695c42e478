/**
 * Shared by the engine runner (run with the site's tsx) and the verifier (run with this package's):
 * the shapes that cross between them, and how a preset's plan is bounded. Its one import, the
 * engine's plan expansion, imports only types, so both can load it.
 */
import { expandRequests } from '../../../lib/lab/scenario/expand'

/** Each plan entry sends at most this many copies. Correctness is checked here, not concurrency. */
export const MAX_COPIES = 5
/** Cron requests the engine adds (vercel.json) are compared up to this many per variant. */
export const MAX_CRONS = 10

export interface PlanEntry {
  at?: number
  method?: string
  path: string
  headers?: Record<string, string>
  body?: unknown
  count?: number
  concurrency?: number
  interval?: number
}

export interface ScenarioLike {
  requests: PlanEntry[]
  runForMs?: number
  [key: string]: unknown
}

/** One thing to verify: an example's starter files with its default preset, or its solution with the exercise preset. */
export interface Variant {
  /** `<id>` or `<id>--solution`; also the folder name under the mount prefix. */
  key: string
  id: string
  kind: 'starter' | 'solution'
  preset: string
  files: Record<string, string>
  /** The bounded scenario that both the engine and the real app receive. */
  scenario: ScenarioLike
  /** How many requests the preset had before bounding (for the report). */
  originalRequests: number
}

export interface EngineRequest {
  index: number
  method: string
  path: string
  status: number
  headers: Record<string, string>
  body: string
  platformError?: string
  error?: string
  start: number
  end: number
}

export interface EngineVariantResult {
  key: string
  ok: boolean
  /** A RunFailure's message when `ok` is false. */
  failure?: string
  requests: EngineRequest[]
  /** Console lines at level error, for context in the report. */
  errors: string[]
}

export function boundScenario<S extends ScenarioLike>(scenario: S): S {
  return {
    ...scenario,
    requests: scenario.requests.map((entry) => ({
      ...entry,
      count: Math.min(Math.max(1, Math.floor(entry.count ?? 1)), MAX_COPIES),
    })),
  }
}

export function countPlan(scenario: ScenarioLike): number {
  return scenario.requests.reduce((n, e) => n + Math.max(0, Math.floor(e.count ?? 1)), 0)
}

export interface PlannedRequest {
  index: number
  at: number
  method: string
  path: string
  headers: Record<string, string>
  body?: string
}

/** The engine's own expansion and body encoding (`lib/lab/scenario/expand.ts`), flattened. */
export function expandPlan(scenario: ScenarioLike): PlannedRequest[] {
  return expandRequests(scenario.requests).map(({ index, at, spec }) => ({ index, at, ...spec }))
}
