import type { RequestResult, TimelineEvent } from '@/lib/lab/types'
import { formatMs } from '../format'
import type { Band, Layout } from './layout'
import { handlerStart, outcomeOf, type RequestRow } from './model'
import type { PatternIds } from './Patterns'
import { Row, rowTop } from './Row'
import styles from './Timeline.module.css'
import type { TimeAxis } from './timeAxis'

type LockWait = Extract<TimelineEvent, { type: 'db-lock-wait' }>
type Query = Extract<TimelineEvent, { type: 'db-query' }>

/**
 * One row per request (or per run of consecutive requests beyond the row limit, never fewer drawn):
 * queued, cold start, handler, its queries, lock waits, stream chunks and where maxDuration stopped it.
 * A failed request is hatched and ends in a cross, so it differs by shape, not only by colour.
 */
export function RequestRows({
  rows,
  queries,
  lockWaits,
  axis,
  layout,
  top,
  patterns,
  band,
}: {
  band: Band
  rows: RequestRow[]
  queries: Map<number, Query[]>
  lockWaits: Map<number, LockWait[]>
  axis: TimeAxis
  layout: Layout
  top: number
  patterns: PatternIds
}) {
  const x = (t: number) => layout.left + axis.x(t)
  const commonRoute = sharedRoute(rows)
  return (
    <g>
      {rows.map((row, index) => {
        const y = rowTop(top, band, index)
        // When every request has the same route, the heading names it once and rows keep their numbers.
        const text = commonRoute ? row.label.replace(` ${commonRoute}`, '') : row.label
        return (
          <Row
            key={row.key}
            y={y}
            band={band}
            layout={layout}
            label={row.failed > 0 && row.requests.length > 1 ? `✕ ${text}` : text}
            failed={row.failed > 0}
            data={{ 'data-row': row.label, 'data-failed': row.failed }}
          >
            {row.requests.map((request) => (
              <RequestBar
                key={request.index}
                request={request}
                queries={row.requests.length === 1 ? (queries.get(request.index) ?? []) : []}
                lockWaits={lockWaits.get(request.index) ?? []}
                x={x}
                y={y}
                patterns={patterns}
                h={band.height}
                detailed={row.requests.length === 1}
              />
            ))}
          </Row>
        )
      })}
    </g>
  )
}

/** `GET /api/todos` when every request of the run has that method and path. */
export function sharedRoute(rows: RequestRow[]): string | undefined {
  const first = rows[0]?.requests[0]
  if (!first || rows.length < 2) return undefined
  const same = rows.every((row) => row.requests.every((r) => r.method === first.method && r.path === first.path))
  return same ? `${first.method} ${first.path}` : undefined
}

function RequestBar({
  request,
  queries,
  lockWaits,
  x,
  y,
  patterns,
  h,
  detailed,
}: {
  h: number
  request: RequestResult
  queries: Query[]
  lockWaits: LockWait[]
  x: (t: number) => number
  y: number
  patterns: PatternIds
  detailed: boolean
}) {
  const { start, queuedMs, coldStartMs, end } = request.timing
  const outcome = outcomeOf(request)
  const from = handlerStart(request)
  const width = (a: number, b: number) => Math.max(1, x(b) - x(a))
  const mid = y + h / 2
  return (
    <g data-outcome={outcome}>
      <title>{`#${request.index + 1} ${request.method} ${request.path} → ${request.status}${request.platformError ? ` ${request.platformError}` : ''}, ${formatMs(end - start)}${request.instance ? ` on ${request.instance}` : ''}`}</title>
      {queuedMs > 0 && (
        <rect x={x(start)} y={y + 4} width={width(start, start + queuedMs)} height={h - 8} className={styles.queued} />
      )}
      {coldStartMs > 0 && (
        <rect x={x(start + queuedMs)} y={y} width={width(start + queuedMs, from)} height={h} className={styles.cold} />
      )}
      <rect
        x={x(from)}
        y={y}
        width={Math.max(outcome === 'failed' ? 3 : 1, x(end) - x(from))}
        height={h}
        className={
          outcome === 'failed' ? styles.failedBar : outcome === 'client-error' ? styles.clientErrorBar : styles.busy
        }
        style={outcome === 'failed' ? { fill: `url(#${patterns.failed})` } : undefined}
      />
      {detailed &&
        queries.map((query, index) => (
          <rect
            key={index}
            x={x(query.t)}
            y={y + h - 5}
            width={width(query.t, query.t + query.ms)}
            height={4}
            className={styles.query}
          />
        ))}
      {lockWaits.map((wait, index) => {
        const until = wait.ms === undefined ? end : wait.t + wait.ms
        const w = width(wait.t, until)
        return (
          <g key={`lock-${index}`}>
            <rect
              x={x(wait.t)}
              y={y + 1}
              width={w}
              height={h - 2}
              className={styles.lockWait}
              style={{ fill: `url(#${patterns.lock})` }}
            />
            {w > 90 && h >= 14 && (
              <text x={x(wait.t) + 5} y={mid + 4} className={styles.onLock}>
                waits on a lock
              </text>
            )}
          </g>
        )
      })}
      {detailed &&
        request.chunks?.map((chunk, index) => (
          <line
            key={`chunk-${index}`}
            x1={x(chunk.t)}
            x2={x(chunk.t)}
            y1={y - 1}
            y2={y + h + 1}
            className={styles.chunkTick}
          />
        ))}
      {outcome === 'failed' && detailed && (
        <path
          d={`M${x(end) + 3},${mid - h / 4} l${h / 2},${h / 2} m0,-${h / 2} l-${h / 2},${h / 2}`}
          className={styles.failedCross}
        />
      )}
      {request.platformError === 'FUNCTION_INVOCATION_TIMEOUT' && (
        <g className={styles.maxDuration}>
          <line x1={x(end)} x2={x(end)} y1={y - 3} y2={y + h + 3} />
        </g>
      )}
    </g>
  )
}
