import type { RequestResult, TimelineEvent } from '@/lib/lab/types'
import { formatMs } from '../format'
import { fit, ROW_GAP, ROW_HEIGHT, type Layout } from './layout'
import { handlerStart, outcomeOf, type RequestRow } from './model'
import type { PatternIds } from './Patterns'
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
}: {
  rows: RequestRow[]
  queries: Map<number, Query[]>
  lockWaits: Map<number, LockWait[]>
  axis: TimeAxis
  layout: Layout
  top: number
  patterns: PatternIds
}) {
  const x = (t: number) => layout.left + axis.x(t)
  return (
    <g>
      {rows.map((row, index) => {
        const y = top + index * (ROW_HEIGHT + ROW_GAP)
        const label = row.failed > 0 && row.requests.length > 1 ? `✕ ${row.label}` : row.label
        return (
          <g key={row.key} data-row={row.label} data-failed={row.failed}>
            <text x={0} y={y + ROW_HEIGHT - 4} className={row.failed > 0 ? styles.rowLabelFailed : styles.rowLabel}>
              {fit(label, layout.labelWidth)}
            </text>
            {row.requests.map((request) => (
              <RequestBar
                key={request.index}
                request={request}
                queries={row.requests.length === 1 ? (queries.get(request.index) ?? []) : []}
                lockWaits={lockWaits.get(request.index) ?? []}
                x={x}
                y={y}
                patterns={patterns}
                detailed={row.requests.length === 1}
              />
            ))}
          </g>
        )
      })}
    </g>
  )
}

function RequestBar({
  request,
  queries,
  lockWaits,
  x,
  y,
  patterns,
  detailed,
}: {
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
  const mid = y + ROW_HEIGHT / 2
  return (
    <g data-outcome={outcome}>
      <title>{`#${request.index + 1} ${request.method} ${request.path} → ${request.status}${request.platformError ? ` ${request.platformError}` : ''}, ${formatMs(end - start)}${request.instance ? ` on ${request.instance}` : ''}`}</title>
      {queuedMs > 0 && (
        <rect
          x={x(start)}
          y={y + 4}
          width={width(start, start + queuedMs)}
          height={ROW_HEIGHT - 8}
          className={styles.queued}
        />
      )}
      {coldStartMs > 0 && (
        <rect
          x={x(start + queuedMs)}
          y={y}
          width={width(start + queuedMs, from)}
          height={ROW_HEIGHT}
          className={styles.cold}
        />
      )}
      <rect
        x={x(from)}
        y={y}
        width={Math.max(outcome === 'failed' ? 3 : 1, x(end) - x(from))}
        height={ROW_HEIGHT}
        className={
          outcome === 'failed' ? styles.failedBar : outcome === 'client-error' ? styles.clientErrorBar : styles.busy
        }
        fill={outcome === 'failed' ? `url(#${patterns.failed})` : undefined}
      />
      {detailed &&
        queries.map((query, index) => (
          <rect
            key={index}
            x={x(query.t)}
            y={y + ROW_HEIGHT - 5}
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
              height={ROW_HEIGHT - 2}
              className={styles.lockWait}
              fill={`url(#${patterns.lock})`}
            />
            {w > 90 && (
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
            y2={y + ROW_HEIGHT + 1}
            className={styles.chunkTick}
          />
        ))}
      {outcome === 'failed' && detailed && (
        <path d={`M${x(end) + 3},${mid - 4} l8,8 m0,-8 l-8,8`} className={styles.failedCross} />
      )}
      {request.platformError === 'FUNCTION_INVOCATION_TIMEOUT' && (
        <g className={styles.maxDuration}>
          <line x1={x(end)} x2={x(end)} y1={y - 3} y2={y + ROW_HEIGHT + 3} />
        </g>
      )}
    </g>
  )
}
