/**
 * scripts/checks.json of a downloaded project: the lab's preset as concrete HTTP requests, and the
 * example's expectations as checks that a real app can be judged on. scripts/check.mjs (./scripts.ts)
 * reads it. What only the simulated platform can measure (connection peaks, cold starts, a quota, a
 * 5xx the simulator's limits cause) is listed as such, never judged against a laptop.
 */
import type { Check, ResolvedExampleMeta } from '@/lib/examples/schema'
import { buildScenario } from '@/lib/examples/scenario'
import type { Scenario } from '@/lib/lab/types'

/** Longest real wait for after() work and the like before the checks are judged. */
const SETTLE_CAP_MS = 2000

export interface PlannedRequest {
  /** Virtual ms after the start of the run, as in the lab. */
  at: number
  method: string
  path: string
  headers: Record<string, string>
  body?: string
  /** The preset entry's concurrency limit, if it has one. */
  concurrency?: number
}

/** A check scripts/check.mjs judges: the exercise's HTTP checks, or the status the lab expects. */
export type JudgedCheck =
  | Extract<Check, { type: 'request-status' | 'all-status' | 'no-status-class' | 'body-includes' | 'table-row-count' }>
  | { type: 'last-status'; status: number; label: string }

export interface ChecksFile {
  title: string
  preset: string
  requests: PlannedRequest[]
  /** Paths of vercel.json crons, each called twice after the plan (two scheduled runs), as Vercel Cron would. */
  crons: string[]
  checks: JudgedCheck[]
  /** What the lab asserts that only its simulated platform can measure, in words. */
  labOnly: string[]
  /** Real ms to wait after the last answer before judging, for work after the response (the lab's runForMs, capped). */
  settleMs: number
}

/** The same expansion and body encoding as the engine (lib/lab/scenario/plan.ts). */
export function expandRequests(scenario: Scenario): PlannedRequest[] {
  const out: PlannedRequest[] = []
  for (const entry of scenario.requests) {
    const count = Math.max(0, Math.floor(entry.count ?? 1))
    for (let copy = 0; copy < count; copy++) {
      const headers: Record<string, string> = {}
      for (const [name, value] of Object.entries(entry.headers ?? {})) headers[name.toLowerCase()] = value
      let body: string | undefined
      if (typeof entry.body === 'string') {
        body = entry.body
        headers['content-type'] ??= 'text/plain;charset=UTF-8'
      } else if (entry.body !== undefined) {
        body = JSON.stringify(entry.body)
        headers['content-type'] ??= 'application/json'
      }
      out.push({
        at: (entry.at ?? 0) + copy * (entry.interval ?? 0),
        method: (entry.method ?? 'GET').toUpperCase(),
        path: entry.path,
        headers,
        ...(body === undefined ? {} : { body }),
        ...(entry.concurrency ? { concurrency: entry.concurrency } : {}),
      })
    }
  }
  return out
}

/** The preset a project's checks replay: the exercise's (what "Check" runs in the lab), else the default. */
export function checkedPreset(meta: ResolvedExampleMeta): string {
  return meta.exercise?.preset ?? meta.defaultPreset
}

function cronPaths(files: Record<string, string>): string[] {
  if (!files['vercel.json']) return []
  try {
    const crons = (JSON.parse(files['vercel.json']) as { crons?: Array<{ path?: unknown }> }).crons ?? []
    return crons.map((cron) => cron.path).filter((path): path is string => typeof path === 'string')
  } catch {
    return [] // an unparsable vercel.json stays in the project as the reader left it; Next ignores it
  }
}

const JUDGED = new Set(['request-status', 'all-status', 'no-status-class', 'body-includes', 'table-row-count'])

/** Whether an HTTP client and a database query can judge the check (metrics are the simulator's own). */
function isJudged(check: Check): check is Extract<JudgedCheck, Check> {
  return JUDGED.has(check.type)
}

export function buildChecks(meta: ResolvedExampleMeta, files: Record<string, string>): ChecksFile {
  const preset = checkedPreset(meta)
  const scenario = buildScenario(meta, preset)
  const checks: JudgedCheck[] = []
  const labOnly: string[] = []
  // Rows a queue's consumer or worker writes (infra/queues.json, Procfile) appear only where that runs: in
  // the lab's simulated SQS and BullMQ. A downloaded project has no Lambda, SQS or Redis to run it.
  const queueWrites = 'infra/queues.json' in files || 'Procfile' in files
  if (meta.exercise) {
    for (const check of meta.exercise.checks) {
      if (queueWrites && check.type === 'table-row-count')
        labOnly.push(`${check.label} (written by the queue's consumer, which runs in the lab's simulated queue only)`)
      else if (isJudged(check)) checks.push(check)
      else labOnly.push(check.label)
    }
  } else if (scenario.webSockets) {
    // Vercel's experimental_upgradeWebSocket needs Vercel's runtime; `next start` answers the upgrade with 500.
    labOnly.push(
      "In the lab, the WebSocket clients connect through experimental_upgradeWebSocket, which needs Vercel's runtime: on `next start` each upgrade answers 500",
    )
  } else if (meta.expect.status >= 500) {
    // Every 5xx the course expects comes from a limit of the simulated platform or database
    // (max_connections, a quota, maxDuration, statement_timeout), which a laptop does not have.
    labOnly.push(
      `In the lab, the last request answers ${meta.expect.status}, because of the limits listed in README.md`,
    )
  } else {
    checks.push({
      type: 'last-status',
      status: meta.expect.status,
      label: `The last request answers ${meta.expect.status}, as in the lab`,
    })
  }
  return {
    title: meta.title,
    preset,
    requests: expandRequests(scenario),
    crons: cronPaths(files),
    checks,
    labOnly,
    settleMs: Math.min(scenario.runForMs ?? 0, SETTLE_CAP_MS),
  }
}
