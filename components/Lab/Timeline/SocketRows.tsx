import { formatMs } from '../format'
import type { Band, Layout } from './layout'
import type { SocketSpan } from './model'
import { Row, rowTop } from './Row'
import styles from './Timeline.module.css'
import type { TimeAxis } from './timeAxis'

/** A message the client sent: a triangle pointing up (to its instance), on the row's top edge, above any dot. */
export const sentPath = (cx: number, cy: number) => `M${cx},${cy - 5} L${cx + 5},${cy + 4} L${cx - 5},${cy + 4} Z`

/** The duration limit ended it: a cross, as a failed request ends. */
export const crossPath = (cx: number, cy: number, size: number) =>
  `M${cx},${cy - size / 2} l${size},${size} m0,-${size} l-${size},${size}`

/**
 * One row per WebSocket connection, grouped by the instance it is pinned to (`λ2 · client 3`): an
 * outlined span while it is open, a triangle where the client's message reached its instance, a dot
 * where a message reached the client, and how it closed: a bar when a side closed it, a dashed red
 * line and a cross with its code when the duration limit did.
 */
export function SocketRows({
  sockets,
  axis,
  layout,
  top,
  band,
}: {
  sockets: SocketSpan[]
  axis: TimeAxis
  layout: Layout
  top: number
  band: Band
}) {
  const x = (t: number) => layout.left + axis.x(t)
  return (
    <g>
      {sockets.map((socket, index) => {
        const y = rowTop(top, band, index)
        const mid = y + band.height / 2
        const x0 = x(socket.from)
        const x1 = Math.max(x0 + 2, x(socket.to))
        const atLimit = socket.closedBy === 'duration-limit'
        const roomAfter = layout.left + layout.plotWidth - x1 > 44
        return (
          <Row
            key={socket.client}
            y={y}
            band={band}
            layout={layout}
            label={index % band.labelEvery === 0 ? `${socket.instance} · client ${socket.client}` : undefined}
            title={
              `WebSocket client ${socket.client} (request #${socket.request + 1} GET ${socket.path}) pinned to ${socket.instance}: open from ${formatMs(socket.from)} to ${formatMs(socket.to)}` +
              `, sent ${socket.sent.length}, received ${socket.received.length}` +
              (socket.closedBy
                ? `; closed by ${socket.closedBy === 'duration-limit' ? 'the duration limit' : `the ${socket.closedBy === 'server' ? 'route' : 'client'}`} (code ${socket.closeCode})`
                : '; still open at the end')
            }
            data={{
              'data-socket': socket.client,
              'data-instance': socket.instance,
              'data-closed-by': socket.closedBy ?? 'open',
            }}
          >
            <rect
              x={x0}
              y={y + 2}
              width={x1 - x0}
              height={Math.max(2, band.height - 4)}
              rx={3}
              className={styles.socket}
            />
            {socket.received.map((t, i) => (
              <circle key={`r${i}`} cx={x(t)} cy={mid} r={band.compact ? 2.5 : 4} className={styles.wsReceived} />
            ))}
            {socket.sent.map((t, i) => (
              <path key={`s${i}`} d={sentPath(x(t), y + 3)} className={styles.wsSent} />
            ))}
            {socket.closedBy && !atLimit && (
              <line x1={x1} x2={x1} y1={y} y2={y + band.height} className={styles.socketClose} />
            )}
            {atLimit && (
              <>
                <g className={styles.maxDuration}>
                  <line x1={x1} x2={x1} y1={y - 2} y2={y + band.height + 2} />
                </g>
                <path d={crossPath(x1 + 3, mid, band.height / 2)} className={styles.failedCross} />
                {roomAfter && !band.compact && (
                  <text x={x1 + band.height / 2 + 7} y={mid + 4} className={styles.closeCode}>
                    {socket.closeCode}
                  </text>
                )}
              </>
            )}
          </Row>
        )
      })}
    </g>
  )
}
