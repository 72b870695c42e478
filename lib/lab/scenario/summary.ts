/** The run's summary numbers and the one-line text the UI shows and screen readers announce. */
import type { DatabaseStats, RequestResult, RunSummary } from '../types'

/** Nearest-rank percentile (the value a lesson can point at in the request list). */
export function percentile(values: number[], p: number): number {
  if (!values.length) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]
}

/** `850 ms`, `1.2 s`, `12 s`: whole milliseconds under a second, one decimal above (trailing .0 dropped). */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`
  const s = Math.round(ms / 100) / 10
  return `${Number.isInteger(s) ? s.toFixed(0) : s.toFixed(1)} s`
}

export function formatSummaryLine(s: Omit<RunSummary, 'line'>): string {
  const parts = [`${s.requests} ${s.requests === 1 ? 'request' : 'requests'}`]
  for (const code of Object.keys(s.byStatus)
    .map(Number)
    .sort((a, b) => a - b))
    parts.push(`${code} ×${s.byStatus[code]}`)
  parts.push(`peak ${s.peakConnections}/${s.maxConnections} connections`)
  if (s.requests) parts.push(`p95 ${formatDuration(s.p95Ms)}`)
  return parts.join(' · ')
}

export function summarise(
  requests: RequestResult[],
  stats: DatabaseStats,
  instances: { started: number; coldStarts: number },
  durationMs: number,
): RunSummary {
  const byStatus: Record<number, number> = {}
  for (const r of requests) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1
  const latencies = requests.map((r) => r.timing.end - r.timing.start)
  const base: Omit<RunSummary, 'line'> = {
    requests: requests.length,
    byStatus,
    p50Ms: percentile(latencies, 0.5),
    p95Ms: percentile(latencies, 0.95),
    instancesStarted: instances.started,
    coldStarts: instances.coldStarts,
    peakConnections: stats.peakConnections,
    maxConnections: stats.maxConnections,
    databaseQueries: stats.queries,
    databaseErrors: stats.errors,
    durationMs,
  }
  return { ...base, line: formatSummaryLine(base) }
}
