import { memo } from 'react'
import type { RequestResult, RunResult } from '@/lib/lab/types'
import { formatMs } from './format'
import styles from './Lab.module.css'

const WIDTH = 720
const LABEL_WIDTH = 170
const ROW_HEIGHT = 14
const ROW_GAP = 4
const MAX_ROWS = 100
const CHART_HEIGHT = 120

type Segment = { from: number; to: number; color: string; label: string }

function segmentsOf(request: RequestResult, queries: Array<{ t: number; ms: number }>): Segment[] {
  const { start, queuedMs, coldStartMs, handlerMs, databaseMs } = request.timing
  const handlerStart = start + queuedMs + coldStartMs
  const segments: Segment[] = [
    { from: start, to: start + queuedMs, color: 'var(--lab-seg-queued)', label: 'queued' },
    { from: start + queuedMs, to: handlerStart, color: 'var(--lab-seg-cold)', label: 'cold start' },
    {
      from: handlerStart,
      to: handlerStart + handlerMs,
      color: request.status >= 500 ? 'var(--lab-seg-error)' : 'var(--lab-seg-handler)',
      label: 'handler',
    },
  ]
  // Database time sits inside the handler; draw each query where it happened when the timeline says so.
  const database =
    queries.length > 0
      ? queries.map((query) => ({ from: query.t, to: query.t + query.ms }))
      : databaseMs > 0
        ? [{ from: handlerStart, to: handlerStart + databaseMs }]
        : []
  for (const span of database) segments.push({ ...span, color: 'var(--lab-seg-database)', label: 'database' })
  return segments.filter((segment) => segment.to > segment.from)
}

const LEGEND: Array<[string, string]> = [
  ['queued', 'var(--lab-seg-queued)'],
  ['cold start', 'var(--lab-seg-cold)'],
  ['handler', 'var(--lab-seg-handler)'],
  ['database', 'var(--lab-seg-database)'],
  ['handler (5xx)', 'var(--lab-seg-error)'],
]

/**
 * A waterfall (one row per request) and open connections over time against `max_connections`.
 * Memoized, like the other tabs: choosing another request re-renders Results, not the geometry.
 */
export const TimelineTab = memo(function TimelineTab({ result }: { result: RunResult }) {
  const rows = result.requests.slice(0, MAX_ROWS)
  const end = result.requests.reduce(
    (latest, request) => Math.max(latest, request.timing.end),
    Math.max(1, result.summary.durationMs),
  )
  const x = (t: number) => LABEL_WIDTH + (t / end) * (WIDTH - LABEL_WIDTH - 8)
  const queriesByRequest = new Map<number, Array<{ t: number; ms: number }>>()
  for (const event of result.timeline) {
    if (event.type === 'db-query' && event.request !== undefined) {
      const queries = queriesByRequest.get(event.request)
      if (queries) queries.push({ t: event.t, ms: event.ms })
      else queriesByRequest.set(event.request, [{ t: event.t, ms: event.ms }])
    }
  }
  const waterfallHeight = rows.length * (ROW_HEIGHT + ROW_GAP) + 20

  const maxConnections = result.settings.database.maxConnections
  const peak = result.connections.reduce((most, sample) => Math.max(most, sample.open), Math.max(maxConnections, 1))
  const y = (open: number) => CHART_HEIGHT - 16 - (open / (peak * 1.1)) * (CHART_HEIGHT - 28)
  let path = ''
  let previous = 0
  for (const sample of result.connections) {
    path += path === '' ? `M${x(sample.t)},${y(sample.open)}` : `H${x(sample.t)}V${y(sample.open)}`
    previous = sample.open
  }
  if (path) path += `H${x(end)}V${y(previous)}`

  return (
    <div>
      <div className={styles.legend} aria-hidden="true">
        {LEGEND.map(([label, color]) => (
          <span key={label}>
            <span className={styles.swatch} style={{ background: color }} />
            {label}
          </span>
        ))}
      </div>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${WIDTH} ${waterfallHeight}`}
        role="img"
        aria-label={`Waterfall of ${result.requests.length} requests over ${formatMs(end)}; the table below lists the same timings.`}
      >
        {rows.map((request, row) => {
          const top = row * (ROW_HEIGHT + ROW_GAP)
          return (
            <g key={request.index}>
              <text x={0} y={top + ROW_HEIGHT - 3} className={styles.svgText}>
                {`#${request.index + 1} ${request.method} ${request.path}`.slice(0, 26)}
              </text>
              {segmentsOf(request, queriesByRequest.get(request.index) ?? []).map((segment, index) => (
                <rect
                  key={index}
                  x={x(segment.from)}
                  width={Math.max(1, x(segment.to) - x(segment.from))}
                  y={segment.label === 'database' ? top + 3 : top}
                  height={segment.label === 'database' ? ROW_HEIGHT - 6 : ROW_HEIGHT}
                  fill={segment.color}
                >
                  <title>{`${segment.label}: ${formatMs(segment.to - segment.from)}`}</title>
                </rect>
              ))}
            </g>
          )
        })}
        <text x={LABEL_WIDTH} y={waterfallHeight - 4} className={styles.svgText}>
          0
        </text>
        <text x={WIDTH - 8} y={waterfallHeight - 4} textAnchor="end" className={styles.svgText}>
          {formatMs(end)}
        </text>
      </svg>
      {result.requests.length > MAX_ROWS && <p className={styles.hint}>Showing the first {MAX_ROWS} requests.</p>}

      <h4 style={{ margin: '0.8rem 0 0.2rem', fontSize: 13 }}>Open database connections</h4>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${WIDTH} ${CHART_HEIGHT}`}
        role="img"
        aria-label={`Open connections over time: peak ${result.database.stats.peakConnections} of max_connections ${maxConnections}.`}
      >
        <line
          x1={LABEL_WIDTH}
          x2={WIDTH - 8}
          y1={y(maxConnections)}
          y2={y(maxConnections)}
          stroke="var(--lab-seg-error)"
          strokeDasharray="4 3"
        />
        <text x={LABEL_WIDTH - 6} y={y(maxConnections) + 4} textAnchor="end" className={styles.svgText}>
          max_connections {maxConnections}
        </text>
        <line x1={LABEL_WIDTH} x2={WIDTH - 8} y1={y(0)} y2={y(0)} stroke="var(--lab-border)" />
        <text x={LABEL_WIDTH - 6} y={y(0) + 4} textAnchor="end" className={styles.svgText}>
          0
        </text>
        {path && <path d={path} fill="none" stroke="var(--lab-seg-handler)" strokeWidth={2} />}
        <text x={WIDTH - 8} y={CHART_HEIGHT - 2} textAnchor="end" className={styles.svgText}>
          {formatMs(end)}
        </text>
      </svg>

      <details className={styles.details}>
        <summary>Timings as a table</summary>
        <table className={styles.table}>
          <thead>
            <tr>
              {['#', 'Request', 'Status', 'Start', 'Queued', 'Cold start', 'Handler', 'Database', 'Instance'].map(
                (heading) => (
                  <th key={heading} scope="col">
                    {heading}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((request) => (
              <tr key={request.index}>
                <td>{request.index + 1}</td>
                <td>{`${request.method} ${request.path}`}</td>
                <td>{request.status}</td>
                <td>{formatMs(request.timing.start)}</td>
                <td>{formatMs(request.timing.queuedMs)}</td>
                <td>{formatMs(request.timing.coldStartMs)}</td>
                <td>{formatMs(request.timing.handlerMs)}</td>
                <td>{formatMs(request.timing.databaseMs)}</td>
                <td>{request.instance ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  )
})
