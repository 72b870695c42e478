import { formatMs } from '../format'
import type { Band, Layout } from './layout'
import type { MessageLife, MessageRow } from './model'
import type { PatternIds } from './Patterns'
import { describeMessage } from './queues'
import { Row, rowTop } from './Row'
import { crossPath } from './SocketRows'
import styles from './Timeline.module.css'
import type { TimeAxis } from './timeAxis'

/** A message moved to a dead-letter queue: a filled square, then the queue's name where there is room. */
export const deadLetterPath = (cx: number, cy: number) => `M${cx},${cy - 5} h10 v10 h-10 Z`
/** Deleted after success: a tick. */
export const tickPath = (cx: number, cy: number) => `M${cx},${cy} l3.5,4 l6,-9`

/**
 * One row per message (or BullMQ job), beyond a limit per run of messages that went the same way:
 * waiting on the queue (thin), each delivery as work (hatched when it failed), a numbered ring where
 * it was delivered again (its receive count), the visibility timeout or backoff as a dashed outline,
 * and how it ended: a tick when deleted, a square and the dead-letter queue's name, or a cross.
 * Several messages of one row end at one spot with the same name: it is drawn once per message, overlapping.
 */
export function MessageRows({
  rows,
  axis,
  layout,
  top,
  band,
  patterns,
}: {
  rows: MessageRow[]
  axis: TimeAxis
  layout: Layout
  top: number
  band: Band
  patterns: PatternIds
}) {
  const x = (t: number) => layout.left + axis.x(t)
  return (
    <g>
      {rows.map((row, index) => {
        const y = rowTop(top, band, index)
        const dead = row.messages.filter((message) => message.end?.how === 'dead-letter').length
        return (
          <Row
            key={row.key}
            y={y}
            band={band}
            layout={layout}
            label={row.label}
            failed={dead > 0}
            data={{ 'data-message-row': row.label, 'data-dead-letter': dead }}
          >
            {row.messages.map((message) => (
              <MessageBar
                key={message.number}
                message={message}
                x={x}
                y={y}
                h={band.height}
                patterns={patterns}
                roomRight={layout.left + layout.plotWidth}
              />
            ))}
          </Row>
        )
      })}
    </g>
  )
}

function MessageBar({
  message,
  x,
  y,
  h,
  patterns,
  roomRight,
}: {
  message: MessageLife
  x: (t: number) => number
  y: number
  h: number
  patterns: PatternIds
  roomRight: number
}) {
  const mid = y + h / 2
  const width = (a: number, b: number) => Math.max(1, x(b) - x(a))
  // Waiting to be received: from the send, and from each time it became visible again.
  const waits: Array<[number, number]> = []
  const hidden: Array<[number, number]> = []
  let readyAt = message.sentAt
  message.attempts.forEach((attempt, index) => {
    if (attempt.from > readyAt) waits.push([readyAt, attempt.from])
    if (attempt.failed) {
      const visible = message.visibleAgain.find((t) => t >= attempt.to) ?? message.attempts[index + 1]?.from
      const until = visible ?? message.end?.t ?? attempt.to
      if (until > attempt.to) hidden.push([attempt.to, until])
      readyAt = until
    } else readyAt = attempt.to
  })
  const last = message.attempts[message.attempts.length - 1]
  // The dead-letter queue's name after its square where it fits; the section's heading names it too.
  const labelPx = (message.end?.deadLetterQueue?.length ?? 0) * 7.5 + 12
  const endAt = message.end?.t ?? last?.to ?? message.sentAt
  if (!last && endAt > message.sentAt) waits.push([message.sentAt, endAt])
  return (
    <g data-receives={last?.receiveCount ?? 0} data-end={message.end?.how ?? 'pending'}>
      <title>{describeMessage(message)}</title>
      {waits.map(([from, to], i) => (
        <rect key={`w${i}`} x={x(from)} y={y + 4} width={width(from, to)} height={h - 8} className={styles.queued} />
      ))}
      {hidden.map(([from, to], i) => (
        <rect key={`h${i}`} x={x(from)} y={y + 3} width={width(from, to)} height={h - 6} className={styles.hidden} />
      ))}
      {message.attempts.map((attempt, i) => (
        <rect
          key={`a${i}`}
          x={x(attempt.from)}
          y={y}
          width={Math.max(attempt.failed ? 3 : 2, x(attempt.to) - x(attempt.from))}
          height={h}
          className={attempt.failed ? styles.failedBar : styles.busy}
          style={attempt.failed ? { fill: `url(#${patterns.failed})` } : undefined}
        >
          <title>{`${attempt.receiveCount > 1 ? `delivered again, receive count ${attempt.receiveCount}` : 'delivered'}${attempt.instance ? ` to ${attempt.instance}` : ''} at ${formatMs(attempt.from)}${attempt.failed ? ', failed' : ''}`}</title>
        </rect>
      ))}
      {message.attempts
        .filter((attempt) => attempt.receiveCount > 1 && h >= 12)
        .map((attempt, i) => (
          <g key={`c${i}`} className={styles.receiveBadge}>
            <circle cx={x(attempt.from)} cy={mid} r={7} />
            <text x={x(attempt.from)} y={mid + 4} textAnchor="middle">
              {attempt.receiveCount}
            </text>
          </g>
        ))}
      {message.end?.how === 'deleted' && <path d={tickPath(x(endAt) + 3, mid)} className={styles.deletedTick} />}
      {message.end?.how === 'failed' && <path d={crossPath(x(endAt) + 3, mid, h / 2)} className={styles.failedCross} />}
      {message.end?.how === 'dead-letter' && (
        <>
          <path d={deadLetterPath(x(endAt) - 5, mid)} className={styles.deadLetter} />
          {h >= 12 && roomRight - x(endAt) > labelPx && (
            <text x={x(endAt) + 9} y={mid + 4} className={styles.leakText}>
              {message.end.deadLetterQueue}
            </text>
          )}
        </>
      )}
    </g>
  )
}
