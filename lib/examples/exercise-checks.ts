/**
 * Evaluates an exercise's declarative checks over a run result. Pure, so the browser's "Check"
 * button and the unit test that proves every exercise use the same verdicts.
 */
import type { RequestResult, RunResult } from '@/lib/lab/types'
import type { Check, CheckMetric } from './schema'
import { evaluateWebSocketReceived } from './websocket-checks'

export interface CheckVerdict {
  label: string
  pass: boolean
  /** What actually happened, in words the reader can act on. */
  detail: string
}

function matching(result: RunResult, method: string | undefined, path: string): RequestResult[] {
  return result.requests.filter(
    (request) => request.path === path && (method === undefined || request.method.toUpperCase() === method.toUpperCase()),
  )
}

function describeStatuses(requests: RequestResult[]): string {
  const counts = new Map<number, number>()
  for (const request of requests) counts.set(request.status, (counts.get(request.status) ?? 0) + 1)
  return [...counts].map(([status, count]) => (count > 1 ? `${status} ×${count}` : String(status))).join(', ')
}

/**
 * Each metric as the reader reads it in a check's detail: the summary's field names
 * (`peakConnections`, `p95Ms`…) are the engine's, never shown (exercise-checks.test.ts keeps it so).
 */
const METRIC_IN_WORDS: Record<CheckMetric, (value: number) => string> = {
  peakConnections: (value) => `The most database connections open at once was ${value}.`,
  databaseErrors: (value) => `The database reported ${value} error${value === 1 ? '' : 's'}.`,
  databaseQueries: (value) => `The run sent ${value} quer${value === 1 ? 'y' : 'ies'} to the database.`,
  p50Ms: (value) => `The median request (p50) took ${value} ms.`,
  p95Ms: (value) => `95% of requests (p95) took at most ${value} ms.`,
  instancesStarted: (value) => `The platform started ${value} instance${value === 1 ? '' : 's'}.`,
  coldStarts: (value) => `${value} request${value === 1 ? '' : 's'} waited for a cold start.`,
  durationMs: (value) => `The run lasted ${value} ms.`,
  openAtEnd: (value) => `${value} database connection${value === 1 ? ' was' : 's were'} still open at the end.`,
  requests: (value) => `The run sent ${value} request${value === 1 ? '' : 's'}.`,
}

function metricValue(result: RunResult, metric: CheckMetric): number {
  switch (metric) {
    case 'openAtEnd':
      return result.database.stats.openAtEnd
    default:
      return result.summary[metric]
  }
}

export function evaluateCheck(check: Check, result: RunResult): CheckVerdict {
  const { label } = check
  switch (check.type) {
    case 'request-status': {
      const found = matching(result, check.method, check.path)
      const what = `${check.method ?? 'any method'} ${check.path}`
      if (found.length === 0) return { label, pass: false, detail: `No request to ${what} was made.` }
      const pass = found.every((request) => request.status === check.status)
      return { label, pass, detail: `${what} answered ${describeStatuses(found)}.` }
    }
    case 'no-status-class': {
      const bad = result.requests.filter((request) => Math.floor(request.status / 100) === check.class)
      return {
        label,
        pass: bad.length === 0,
        detail: bad.length === 0 ? `No ${check.class}xx responses.` : `${bad.length} response(s) were ${check.class}xx: ${describeStatuses(bad)}.`,
      }
    }
    case 'all-status': {
      const other = result.requests.filter((request) => request.status !== check.status)
      return {
        label,
        pass: other.length === 0 && result.requests.length > 0,
        detail: other.length === 0 ? `All ${result.requests.length} answered ${check.status}.` : `Other statuses: ${describeStatuses(other)}.`,
      }
    }
    case 'metric-at-most':
    case 'metric-at-least': {
      const value = metricValue(result, check.metric)
      const pass = check.type === 'metric-at-most' ? value <= check.value : value >= check.value
      return { label, pass, detail: METRIC_IN_WORDS[check.metric](value) }
    }
    case 'request-duration-at-most': {
      const found = matching(result, check.method, check.path)
      const what = `${check.method ?? 'any method'} ${check.path}`
      if (found.length === 0) return { label, pass: false, detail: `No request to ${what} was made.` }
      const slowest = Math.max(...found.map((request) => request.timing.end - request.timing.start))
      return { label, pass: slowest <= check.ms, detail: `The slowest ${what} took ${slowest} ms.` }
    }
    case 'no-database-error': {
      const stats = result.database.stats
      const count = check.code ? (stats.errorsByCode[check.code] ?? 0) : stats.errors
      return {
        label,
        pass: count === 0,
        detail: count === 0 ? 'No database errors.' : `${count} database error(s)${check.code ? ` with code ${check.code}` : ''}.`,
      }
    }
    case 'body-includes': {
      const found = matching(result, check.method, check.path)
      const last = found[found.length - 1]
      if (!last) return { label, pass: false, detail: `No request to ${check.method ?? 'any method'} ${check.path} was made.` }
      const pass = last.body.includes(check.text)
      return { label, pass, detail: pass ? `The body contains “${check.text}”.` : `The body does not contain “${check.text}”.` }
    }
    case 'table-row-count': {
      const table = result.database.tables.find((candidate) => candidate.name === check.table)
      if (!table) return { label, pass: false, detail: `There is no table "${check.table}" after the run.` }
      return { label, pass: table.rowCount === check.count, detail: `${check.table} holds ${table.rowCount} row(s).` }
    }
    case 'websocket-received':
      return evaluateWebSocketReceived(check, result)
  }
}

export function evaluateChecks(checks: Check[], result: RunResult): CheckVerdict[] {
  return checks.map((check) => evaluateCheck(check, result))
}
