import { deadLetterPath, tickPath } from './MessageRows'
import type { TimelineModel } from './model'
import { crossPath, sentPath } from './SocketRows'
import styles from './Timeline.module.css'

type Key = { label: string; swatch: React.ReactNode }

const box = (className: string, extra?: React.ReactNode) => (
  <svg width="22" height="12" aria-hidden="true" className={styles.key}>
    <rect x="1" y="1" width="20" height="10" rx="2" className={className} />
    {extra}
  </svg>
)

/** Only what this run drew, so the key stays short. Words, not only colours and shapes. */
export function Legend({ model }: { model: TimelineModel }) {
  const states = new Set(model.lanes.flatMap((lane) => lane.spans.map((span) => span.state)))
  const kinds = new Set(model.markers.map((marker) => marker.kind))
  const requests = model.rows.flatMap((row) => row.requests)
  const keys: Key[] = []
  if (states.has('cold') || requests.some((request) => request.timing.coldStartMs > 0))
    keys.push({ label: 'cold start', swatch: box(styles.cold) })
  keys.push({ label: 'busy / handler', swatch: box(styles.busy) })
  if (requests.some((request) => request.timing.queuedMs > 0))
    keys.push({ label: 'queued', swatch: box(styles.queued) })
  if (states.has('after')) keys.push({ label: 'background work', swatch: box(styles.after) })
  if (states.has('idle'))
    keys.push({
      label: 'idle',
      swatch: (
        <svg width="22" height="12" aria-hidden="true" className={styles.key}>
          <line x1="1" x2="21" y1="6" y2="6" className={styles.idle} />
        </svg>
      ),
    })
  if (states.has('frozen')) keys.push({ label: 'frozen', swatch: box(styles.frozen) })
  const failedAttempts = model.messageRows.some((row) =>
    row.messages.some((message) => message.attempts.some((attempt) => attempt.failed)),
  )
  if (requests.some((request) => request.status >= 500 || request.status === 0) || failedAttempts)
    keys.push({
      label: failedAttempts ? 'failed (5xx, or a failed delivery), hatched' : 'failed (5xx), hatched',
      swatch: (
        <svg width="22" height="12" aria-hidden="true" className={styles.key}>
          <rect x="1" y="1" width="20" height="10" className={styles.failedBar} />
          <path d="M4,11 L10,1 M10,11 L16,1 M16,11 L21,3" className={styles.legendStripe} />
        </svg>
      ),
    })
  if (requests.some((request) => request.status >= 400 && request.status < 500))
    keys.push({ label: '4xx', swatch: box(styles.clientErrorBar) })
  if (kinds.has('background-lost'))
    keys.push({
      label: 'background-lost',
      swatch: (
        <svg width="22" height="14" aria-hidden="true" className={styles.key}>
          <path d="M11,1 L17,7 L11,13 L5,7 Z" className={styles.lostMarker} />
        </svg>
      ),
    })
  if (model.lanes.some((lane) => lane.recycled))
    keys.push({
      label: 'recycled (connections left open)',
      swatch: (
        <svg width="22" height="12" aria-hidden="true" className={styles.key}>
          <path d="M6,1 l10,10 m0,-10 l-10,10" className={styles.recycleMark} />
        </svg>
      ),
    })
  if (kinds.has('lock-wait')) keys.push({ label: 'waits on a lock', swatch: box(styles.lockWait) })
  if (kinds.has('max-duration'))
    keys.push({
      label: 'maxDuration reached',
      swatch: (
        <svg width="22" height="12" aria-hidden="true" className={`${styles.key} ${styles.maxDuration}`}>
          <line x1="11" x2="11" y1="0" y2="12" />
        </svg>
      ),
    })
  if (kinds.has('stream'))
    keys.push({
      label: 'stream chunk',
      swatch: (
        <svg width="22" height="12" aria-hidden="true" className={styles.key}>
          <rect x="1" y="1" width="20" height="10" className={styles.busy} />
          <line x1="11" x2="11" y1="0" y2="12" className={styles.chunkTick} />
        </svg>
      ),
    })
  if (model.sockets.length > 0) {
    keys.push({
      label: 'WebSocket open',
      swatch: (
        <svg width="22" height="12" aria-hidden="true" className={styles.key}>
          <rect x="1" y="2" width="20" height="8" rx="3" className={styles.socket} />
        </svg>
      ),
    })
    if (model.sockets.some((socket) => socket.sent.length > 0))
      keys.push({
        label: 'message sent',
        swatch: (
          <svg width="22" height="12" aria-hidden="true" className={styles.key}>
            <path d={sentPath(11, 6)} className={styles.wsSent} />
          </svg>
        ),
      })
    if (model.sockets.some((socket) => socket.received.length > 0))
      keys.push({
        label: 'message received',
        swatch: (
          <svg width="22" height="12" aria-hidden="true" className={styles.key}>
            <circle cx="11" cy="6" r="4" className={styles.wsReceived} />
          </svg>
        ),
      })
    if (model.sockets.some((socket) => socket.closedBy === 'duration-limit'))
      keys.push({
        label: 'closed at the duration limit',
        swatch: (
          <svg width="22" height="12" aria-hidden="true" className={styles.key}>
            <path d={crossPath(6, 6, 10)} className={styles.failedCross} />
          </svg>
        ),
      })
  }
  if (model.notifications.length > 0)
    keys.push({
      label: 'NOTIFY received (LISTEN)',
      swatch: (
        <svg width="22" height="12" aria-hidden="true" className={styles.key}>
          <rect x="7" y="2" width="8" height="8" className={styles.notifyMark} />
        </svg>
      ),
    })
  const messages = model.messageRows.flatMap((row) => row.messages)
  if (messages.length > 0) {
    keys.push({ label: 'waiting on the queue', swatch: box(styles.queued) })
    if (messages.some((message) => message.attempts.some((attempt) => attempt.receiveCount > 1)))
      keys.push({
        label: 'delivered again (receive count)',
        swatch: (
          <svg width="22" height="14" aria-hidden="true" className={styles.key}>
            <g className={styles.receiveBadge}>
              <circle cx="11" cy="7" r="6.5" />
              <text x="11" y="11" textAnchor="middle">
                2
              </text>
            </g>
          </svg>
        ),
      })
    if (messages.some((message) => message.attempts.some((attempt) => attempt.failed)))
      keys.push({
        label: 'hidden (visibility timeout or backoff)',
        swatch: (
          <svg width="22" height="12" aria-hidden="true" className={styles.key}>
            <rect x="1" y="2" width="20" height="8" className={styles.hidden} />
          </svg>
        ),
      })
    if (messages.some((message) => message.end?.how === 'deleted'))
      keys.push({
        label: 'deleted / completed',
        swatch: (
          <svg width="22" height="12" aria-hidden="true" className={styles.key}>
            <path d={tickPath(5, 6)} className={styles.deletedTick} />
          </svg>
        ),
      })
    if (messages.some((message) => message.end?.how === 'dead-letter'))
      keys.push({
        label: 'dead-letter queue',
        swatch: (
          <svg width="22" height="12" aria-hidden="true" className={styles.key}>
            <path d={deadLetterPath(6, 6)} className={styles.deadLetter} />
          </svg>
        ),
      })
  }
  if (kinds.has('cache')) keys.push({ label: 'cache HIT ● STALE ▲ MISS ○', swatch: null })
  if (model.connections.inUse.length > 0) {
    keys.push({
      label: 'connection in use (checked out of a pool)',
      swatch: (
        <svg width="22" height="12" aria-hidden="true" className={styles.key}>
          <rect x="1" y="1" width="20" height="10" className={styles.inUseKey} />
          <path d="M5,4 h.1 M11,4 h.1 M17,4 h.1 M8,8 h.1 M14,8 h.1" className={styles.inUseDots} />
        </svg>
      ),
    })
    keys.push({ label: 'open, idle in a pool', swatch: box(styles.openArea) })
  }
  if (model.connections.refusedTotal > 0 || (model.quota?.rejected ?? 0) > 0)
    keys.push({ label: 'refused (hatched)', swatch: box(styles.refusedBar) })
  return (
    <ul className={styles.legend} aria-label="Key">
      {keys.map((key) => (
        <li key={key.label}>
          {key.swatch}
          {key.label}
        </li>
      ))}
    </ul>
  )
}
