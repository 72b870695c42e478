/**
 * What the WebSocket clients did (lib/lab/websocket/), in the Timeline's shapes: each connection
 * that opened as a span on the instance it is pinned to, the messages it sent and received as marks,
 * how it closed (the duration limit differs by shape), and LISTEN/NOTIFY notifications on the
 * instance whose connection received them.
 */
import type { RunResult } from '@/lib/lab/types'
import { ofType, plural } from './helpers'
import type { SocketSpan, TimelineMarker } from './types'

export interface SocketModel {
  sockets: SocketSpan[]
  notifications: Array<{ t: number; instance?: string; channel: string }>
  markers: TimelineMarker[]
}

const instanceNumber = (id: string) => Number(id.replace(/\D+/g, '')) || 0

export function buildSockets(result: RunResult): SocketModel {
  const sockets: SocketSpan[] = []
  for (const client of result.webSockets?.clients ?? []) {
    if (client.instance === undefined || client.openedAt === undefined) continue
    sockets.push({
      client: client.client,
      instance: client.instance,
      request: client.request,
      path: client.path,
      from: client.openedAt,
      to: client.closedAt ?? Math.max(client.openedAt, result.summary.durationMs),
      closedBy: client.closedBy === 'refused' ? undefined : client.closedBy,
      closeCode: client.closeCode,
      sent: [],
      received: [],
    })
  }
  sockets.sort((a, b) => instanceNumber(a.instance) - instanceNumber(b.instance) || a.client - b.client)
  const byClient = new Map(sockets.map((socket) => [socket.client, socket]))
  const markers: TimelineMarker[] = []
  for (const event of result.timeline) {
    if (event.type === 'ws-open')
      markers.push({
        kind: 'ws-open',
        t: event.t,
        instance: event.instance,
        request: event.request,
        name: 'ws-open',
        text: `WebSocket connection pinned to ${event.instance}`,
      })
    else if (event.type === 'ws-message') {
      byClient.get(event.client)?.sent.push(event.t)
      markers.push({
        kind: 'ws-message',
        t: event.t,
        instance: event.instance,
        name: 'ws-message',
        text: `a client's message reached ${event.instance}`,
      })
    } else if (event.type === 'ws-deliver') {
      byClient.get(event.client)?.received.push(event.t)
      markers.push({
        kind: 'ws-deliver',
        t: event.t,
        instance: event.instance,
        name: 'ws-deliver',
        text: `a message reached a client on ${event.instance}`,
      })
    }
  }
  // A LISTEN connection's notifications go to the instance that opened that connection.
  const connectionInstance = new Map<number, string | undefined>()
  for (const event of ofType(result.timeline, 'db-connect')) connectionInstance.set(event.connection, event.instance)
  const notifications = ofType(result.timeline, 'db-notification').map((event) => ({
    t: event.t,
    instance: connectionInstance.get(event.connection),
    channel: event.channel,
  }))
  for (const notification of notifications)
    markers.push({
      kind: 'notify',
      t: notification.t,
      instance: notification.instance,
      name: 'NOTIFY',
      text: `a LISTEN connection${notification.instance ? ` on ${notification.instance}` : ''} received a notification on ${notification.channel}`,
    })
  return { sockets, notifications, markers }
}

/** The WebSocket part of the Timeline's text alternative. */
export function summariseSockets(model: SocketModel, refused: number): string[] {
  const lines: string[] = []
  if (model.sockets.length > 0 || refused > 0) {
    const instances: string[] = []
    for (const socket of model.sockets) if (!instances.includes(socket.instance)) instances.push(socket.instance)
    const pinned = instances
      .map(
        (instance) =>
          `${instance}: ${model.sockets
            .filter((socket) => socket.instance === instance)
            .map((socket) => socket.client)
            .join(', ')}`,
      )
      .join('; ')
    const sent = model.sockets.reduce((n, socket) => n + socket.sent.length, 0)
    const received = model.sockets.reduce((n, socket) => n + socket.received.length, 0)
    const limit = model.sockets.filter((socket) => socket.closedBy === 'duration-limit').length
    lines.push(
      `WebSockets: ${plural(model.sockets.length, 'connection')} on ${plural(instances.length, 'instance')}` +
        (pinned ? ` (clients ${pinned})` : '') +
        (refused > 0 ? `, ${refused} refused` : '') +
        `; ${plural(sent, 'message')} sent, ${plural(received, 'delivery', 'deliveries')} to clients` +
        (limit > 0 ? `; ${limit} closed at the duration limit.` : '.'),
    )
  }
  if (model.notifications.length > 0) {
    const channels = [...new Set(model.notifications.map((n) => n.channel))].join(', ')
    lines.push(`LISTEN/NOTIFY: ${plural(model.notifications.length, 'notification')} received on ${channels}.`)
  }
  return lines
}
