/** What the WebSockets results view shows, computed from `RunResult.webSockets`: pure, so tests read the same numbers. */
import type { WebSocketReport } from './types'

export interface WebSocketSummary {
  /** Connections that opened, per instance, in order of the instances' numbers. */
  perInstance: Array<{ instance: string; connections: number; clients: number[] }>
  opened: number
  refused: number
  /** Messages the clients sent, and how many client deliveries they could have made (each to every open client). */
  sent: number
  delivered: number
  closedAtDurationLimit: number
  /** One sentence for the view and for screen readers. */
  line: string
}

export function summariseWebSockets(report: WebSocketReport): WebSocketSummary {
  const byInstance = new Map<string, number[]>()
  for (const c of report.clients) {
    if (c.instance === undefined) continue
    byInstance.set(c.instance, [...(byInstance.get(c.instance) ?? []), c.client])
  }
  const number = (id: string) => Number(id.replace(/\D+/g, '')) || 0
  const perInstance = [...byInstance]
    .sort((a, b) => number(a[0]) - number(b[0]))
    .map(([instance, clients]) => ({ instance, connections: clients.length, clients }))
  const opened = report.clients.filter((c) => c.openedAt !== undefined).length
  const refused = report.clients.filter((c) => c.closedBy === 'refused').length
  const sent = report.clients.reduce((n, c) => n + c.sent.length, 0)
  const delivered = report.clients.reduce((n, c) => n + c.received.length, 0)
  const closedAtDurationLimit = report.clients.filter((c) => c.closedBy === 'duration-limit').length
  const parts = [
    `${opened} of ${report.clients.length} connection${report.clients.length === 1 ? '' : 's'} opened` +
      (perInstance.length ? ` on ${perInstance.length} instance${perInstance.length === 1 ? '' : 's'}` : ''),
  ]
  if (refused) parts.push(`${refused} refused`)
  parts.push(
    `${sent} message${sent === 1 ? '' : 's'} sent, ${delivered} deliver${delivered === 1 ? 'y' : 'ies'} to clients`,
  )
  if (closedAtDurationLimit) parts.push(`${closedAtDurationLimit} closed at the duration limit`)
  return { perInstance, opened, refused, sent, delivered, closedAtDurationLimit, line: parts.join(' · ') }
}
