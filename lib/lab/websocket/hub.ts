/**
 * The simulated WebSocket clients of a run and the virtual network between them and the
 * functions that hold their connections.
 *
 * Each planned client connects with a `GET` and `Upgrade: websocket` to its path: an ordinary
 * request of the run, routed by the platform like any other (so it lands on a warm instance with
 * room, or a new one), and listed in `RunResult.requests`. When the route calls
 * `experimental_upgradeWebSocket`, the hub pins the client to that instance and the request stays
 * in flight until the connection closes: an open WebSocket is a running function, and takes one
 * of the instance's `maxConcurrencyPerInstance` slots. Messages take `WS_ONE_WAY_MS` each way.
 */
// In the worker this is the npm `buffer` package; in Node (tests), Node's own module, same API.
import { Buffer } from 'buffer'
import type { InstanceHandle, RequestHandle } from '../clock/context'
import type { Scheduler } from '../clock/scheduler'
import type { LabError, RequestPlanEntry, TimelineEvent } from '../types'
import { LabServerWebSocket } from './server-socket'
import type { WebSocketClientResult, WebSocketCloseCause, WebSocketPlan, WebSocketReport } from './types'

/** One-way network time between a client and its function, virtual ms (same region). */
export const WS_ONE_WAY_MS = 20

/** What the platform keeps on an upgraded request: when the socket closes, and how to end it. */
export interface HeldConnection {
  closed: Promise<void>
  /** The platform ended the function (maximum duration): the connection drops, no close frame. */
  drop(): void
}

interface Client {
  result: WebSocketClientResult
  socket?: LabServerWebSocket
  request?: RequestHandle
  instance?: InstanceHandle
  resolveClosed?: () => void
  /** The route asked to close (code, reason); the client sees it a trip later. */
  closing?: { code: number; reason: string }
}

export interface HubOptions {
  scheduler: Scheduler
  emit: (event: TimelineEvent) => void
  /** A text message as `ws` hands it to 'message' listeners (a Buffer). */
  toBuffer: (text: string) => Uint8Array
  /** A `[lab]` line in the console. */
  note: (text: string, instance?: string) => void
}

export class WebSocketHub {
  private clients: Client[] = []
  private byRequest = new Map<number, Client>()

  constructor(private o: HubOptions) {}

  get planned(): boolean {
    return this.clients.length > 0
  }

  /** A plan error (a send from a client that does not exist), or undefined. */
  static check(plan: WebSocketPlan | undefined): LabError | undefined {
    if (!plan) return undefined
    const total = plan.clients.reduce((n, c) => n + Math.max(0, Math.floor(c.count ?? 1)), 0)
    for (const c of plan.clients) {
      if (typeof c.path !== 'string' || !c.path.startsWith('/'))
        return {
          kind: 'plan',
          message: `Every WebSocket client needs a path starting with '/', got ${JSON.stringify(c.path)}.`,
        }
    }
    for (const m of plan.send ?? []) {
      if (!Number.isInteger(m.client) || m.client < 1 || m.client > total)
        return {
          kind: 'plan',
          message: `webSockets.send names client ${m.client}, but the plan connects clients 1 to ${total}.`,
        }
    }
    return undefined
  }

  /**
   * The upgrade requests of `plan`, to append to the scenario's requests (the first gets index
   * `firstIndex`), and the clients' own timers (sends and closes).
   */
  plan(plan: WebSocketPlan | undefined, firstIndex: number): RequestPlanEntry[] {
    if (!plan) return []
    const entries: RequestPlanEntry[] = []
    for (const line of plan.clients) {
      const count = Math.max(0, Math.floor(line.count ?? 1))
      for (let copy = 0; copy < count; copy++) {
        const number = this.clients.length + 1
        const client: Client = {
          result: { client: number, path: line.path, request: firstIndex + number - 1, sent: [], received: [] },
        }
        this.clients.push(client)
        this.byRequest.set(client.result.request, client)
        if (line.closeAt !== undefined) this.o.scheduler.schedule(line.closeAt, () => this.clientCloses(client), null)
      }
      entries.push({
        at: line.at,
        path: line.path,
        count,
        interval: line.interval,
        headers: {
          connection: 'Upgrade',
          upgrade: 'websocket',
          'sec-websocket-version': '13',
          'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        },
      })
    }
    for (const message of plan.send ?? []) {
      this.o.scheduler.schedule(
        message.at,
        () => this.clientSends(this.clients[message.client - 1], message.data),
        null,
      )
    }
    return entries
  }

  /** Whether request `index` is one of the planned clients' upgrade requests. */
  isUpgrade(index: number): boolean {
    return this.byRequest.has(index)
  }

  /** The route upgraded request `request` on `instance`: the client is pinned there from now on. */
  accept(
    request: RequestHandle,
    instance: InstanceHandle,
    url: string,
  ): { socket: LabServerWebSocket; held: HeldConnection } {
    const client = this.byRequest.get(request.index)!
    const s = this.o.scheduler
    const socket = new LabServerWebSocket(
      {
        send: (text) => this.serverSends(client, text),
        close: (code, reason) => this.serverCloses(client, code, reason),
        terminate: () => this.serverCloses(client, 1006, '', true),
      },
      url,
    )
    client.socket = socket
    client.request = request
    client.instance = instance
    client.result.instance = instance.id
    client.result.openedAt = s.now
    this.o.emit({
      t: s.now,
      type: 'ws-open',
      client: client.result.client,
      instance: instance.id,
      request: request.index,
    })
    const closed = new Promise<void>((resolve) => (client.resolveClosed = resolve))
    return { socket, held: { closed, drop: () => this.finish(client, 1006, 'duration-limit', false) } }
  }

  /**
   * Request `index` has ended. Without an upgrade (a 500 off Vercel, a 404, …) its client never
   * opened. After one, a connection still open ends with it: the function is gone (its handler
   * threw after `ws.close(1011)`, say), so the client gets the close the route asked for, or 1006.
   */
  requestEnded(index: number, status: number, at: number): void {
    const client = this.byRequest.get(index)
    if (!client || client.result.closedBy) return
    if (client.result.openedAt === undefined) {
      if (status === 101) return
      client.result.closedAt = at
      client.result.closeCode = 1006
      client.result.closedBy = 'refused'
      return
    }
    if (this.isOpen(client)) this.finish(client, client.closing?.code ?? 1006, 'server', false, client.closing?.reason)
  }

  report(): WebSocketReport | undefined {
    if (!this.planned) return undefined
    return { clients: this.clients.map((c) => structuredClone(c.result)) }
  }

  private isOpen(client: Client): boolean {
    return client.result.openedAt !== undefined && client.result.closedBy === undefined
  }

  private clientSends(client: Client, data: string): void {
    const s = this.o.scheduler
    if (!this.isOpen(client)) {
      const state = client.result.closedBy ? 'closed' : 'not open yet'
      this.o.note(
        `[lab] WebSocket client ${client.result.client} sends at ${s.now / 1000} s, but its connection is ${state}: the message is not sent.`,
      )
      return
    }
    client.result.sent.push({ t: s.now, data })
    const socket = client.socket!
    s.after(
      WS_ONE_WAY_MS,
      () => {
        if (socket.readyState !== 1) return
        this.o.emit({ t: s.now, type: 'ws-message', client: client.result.client, instance: client.instance!.id })
        socket.emit('message', this.o.toBuffer(data), false)
      },
      { instance: client.instance, request: client.request, kind: 'user' },
    )
  }

  private serverSends(client: Client, text: string): void {
    const s = this.o.scheduler
    s.after(
      WS_ONE_WAY_MS,
      () => {
        if (!this.isOpen(client)) return
        client.result.received.push({ t: s.now, data: text })
        this.o.emit({ t: s.now, type: 'ws-deliver', client: client.result.client, instance: client.instance!.id })
      },
      null,
    )
  }

  /** The client sends a close frame (1000); the function's socket closes when it arrives. */
  private clientCloses(client: Client): void {
    if (!this.isOpen(client)) return
    this.o.scheduler.after(WS_ONE_WAY_MS, () => this.finish(client, 1000, 'client', true), {
      instance: client.instance,
      request: client.request,
      kind: 'user',
    })
  }

  /** `ws.close(code, reason)` or `ws.terminate()` in the route: the client sees the code a trip later. */
  private serverCloses(client: Client, code: number | undefined, reason: string, abrupt = false): void {
    client.closing = { code: abrupt ? 1006 : (code ?? 1005), reason }
    this.o.scheduler.after(
      WS_ONE_WAY_MS,
      () => this.finish(client, abrupt ? 1006 : (code ?? 1005), 'server', true, reason),
      { instance: client.instance, request: client.request, kind: 'user' },
    )
  }

  private finish(client: Client, code: number, cause: WebSocketCloseCause, notify: boolean, reason = ''): void {
    if (!this.isOpen(client)) return
    const s = this.o.scheduler
    client.result.closedAt = s.now
    client.result.closeCode = code
    client.result.closedBy = cause
    this.o.emit({
      t: s.now,
      type: 'ws-close',
      client: client.result.client,
      instance: client.instance!.id,
      code,
      cause,
    })
    client.socket?.closed(code, this.o.toBuffer(reason), notify)
    client.resolveClosed?.()
  }
}

/** The hub of one run: Buffers as `ws` delivers them, and `[lab]` notes in the console under the client's name. */
export function createWebSocketHub(
  scheduler: Scheduler,
  emit: (event: TimelineEvent) => void,
  sink: { write(level: 'warn', instance: string, request: number | undefined, text: string): void },
): WebSocketHub {
  return new WebSocketHub({
    scheduler,
    emit,
    toBuffer: (text) => Buffer.from(text),
    note: (text, instance) => sink.write('warn', instance ?? 'clients', undefined, text),
  })
}
