import { memo } from 'react'
import type { WebSocketClientResult, WebSocketReport } from '@/lib/lab/websocket/types'
import { summariseWebSockets } from '@/lib/lab/websocket/summary'
import { formatMs } from '../format'
import styles from '../Lab.module.css'

const CLOSED_BY: Record<NonNullable<WebSocketClientResult['closedBy']>, string> = {
  client: 'the client',
  server: 'the route',
  'duration-limit': 'the duration limit',
  refused: 'never opened',
}

function closed(c: WebSocketClientResult): string {
  if (c.closedBy === 'refused') return 'never opened (the upgrade request failed)'
  if (c.closedAt === undefined) return 'still open'
  return `${formatMs(c.closedAt)}, by ${CLOSED_BY[c.closedBy!]} (code ${c.closeCode})`
}

/** The run's WebSocket clients: where each connection was pinned, what it received, how it ended. */
export const WebSocketsTab = memo(function WebSocketsTab({ report }: { report: WebSocketReport }) {
  const summary = summariseWebSockets(report)
  return (
    <div data-testid="websockets-tab">
      <p style={{ marginTop: 0 }}>{summary.line}.</p>
      {summary.perInstance.length > 0 && (
        <table className={styles.table}>
          <caption>Connections per instance</caption>
          <thead>
            <tr>
              <th scope="col">Instance</th>
              <th scope="col">Connections</th>
              <th scope="col">Clients</th>
            </tr>
          </thead>
          <tbody>
            {summary.perInstance.map((row) => (
              <tr key={row.instance}>
                <th scope="row">{row.instance}</th>
                <td>{row.connections}</td>
                <td>{row.clients.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <table className={styles.table}>
        <caption>Messages delivered per client</caption>
        <thead>
          <tr>
            <th scope="col">Client</th>
            <th scope="col">Instance</th>
            <th scope="col">Opened</th>
            <th scope="col">Sent</th>
            <th scope="col">Received</th>
            <th scope="col">Closed</th>
          </tr>
        </thead>
        <tbody>
          {report.clients.map((c) => (
            <tr key={c.client}>
              <th scope="row">{c.client}</th>
              <td>{c.instance ?? '–'}</td>
              <td>{c.openedAt === undefined ? '–' : formatMs(c.openedAt)}</td>
              <td>{c.sent.map((m) => `“${m.data}” at ${formatMs(m.t)}`).join('; ') || 'nothing'}</td>
              <td>
                {c.received.length}
                {c.received.length > 0 && `: ${c.received.map((m) => `“${m.data}” at ${formatMs(m.t)}`).join('; ')}`}
              </td>
              <td>{closed(c)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
})
