/**
 * `experimental_upgradeWebSocket(handler, options?)` from `@vercel/functions` (3.9.x), in the lab.
 *
 * On Vercel the runtime hands the function the upgrade request's socket; the package completes the
 * handshake with `ws`, awaits `handler(ws)` and returns a 204 `Response` the runtime ignores, while
 * the connection stays open on this instance. If the handler throws, the socket is closed with 1011
 * and the error is rethrown. Anywhere else (the `lambda` and `server` profiles: AWS Lambda, `next
 * start`) there is no such runtime, and the package throws the error below, so the route answers 500.
 */
import type { Scheduler } from '../clock/scheduler'
import type { WebSocketHub } from './hub'
import type { LabServerWebSocket } from './server-socket'

/** @vercel/functions' own message off Vercel (its websocket/index.js). */
export const UPGRADE_UNAVAILABLE =
  'experimental_upgradeWebSocket is not available in the current runtime environment. This feature requires a Vercel runtime that supports WebSocket upgrades.'

export function createUpgradeWebSocket(o: { scheduler: Scheduler; hub: WebSocketHub; onVercel: boolean }) {
  return async function experimental_upgradeWebSocket(
    handler: (ws: LabServerWebSocket) => void | Promise<void>,
    // `maxPayload` (default 256 KiB) is accepted; the lab's messages are short text and never reach it.
    options: { maxPayload?: number } = {},
  ): Promise<Response> {
    void options
    const ctx = o.scheduler.current
    if (!o.onVercel) throw new Error(UPGRADE_UNAVAILABLE)
    const request = ctx?.request
    if (!request || !ctx.instance || !o.hub.isUpgrade(request.index))
      throw new Error(
        "[lab] This request is not a WebSocket upgrade (no `Upgrade: websocket` header). In the lab, WebSocket clients connect through the scenario's `webSockets.clients`.",
      )
    if (request.upgraded) throw new Error('[lab] This request was already upgraded to a WebSocket.')
    const { socket, held } = o.hub.accept(request, ctx.instance, request.request?.url ?? '')
    request.upgraded = held
    try {
      await handler(socket)
    } catch (error) {
      socket.close(1011, 'WebSocket handler failed')
      throw error
    }
    return new Response(null, { status: 204 })
  }
}
