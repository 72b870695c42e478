/**
 * The socket a route's `experimental_upgradeWebSocket(handler)` hands its handler: the part of the
 * `ws` package's `WebSocket` that server code uses (`on('message' | 'close' | 'error')`, `send`,
 * `close`, `terminate`, `readyState`), over the lab's virtual network (hub.ts does the delivery).
 * As in `ws`, a text message arrives as a Buffer with `isBinary` false, `send` on a socket that is
 * not open calls back with an error (or throws while still connecting), and `close()` without a
 * code makes the client see 1005.
 */
import { Emitter } from '../database/emitter'

const STATES = ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'] as const

/** What the socket asks of the hub: carry a message or a close to its client. */
export interface SocketLink {
  send(text: string): void
  close(code: number | undefined, reason: string): void
  terminate(): void
}

type SendCallback = (error?: Error) => void

export class LabServerWebSocket extends Emitter {
  static readonly CONNECTING = 0
  static readonly OPEN = 1
  static readonly CLOSING = 2
  static readonly CLOSED = 3
  readonly CONNECTING = 0
  readonly OPEN = 1
  readonly CLOSING = 2
  readonly CLOSED = 3
  readyState = 1
  readonly protocol = ''
  readonly extensions = ''
  readonly bufferedAmount = 0
  binaryType: 'nodebuffer' | 'arraybuffer' | 'fragments' = 'nodebuffer'

  constructor(
    private link: SocketLink,
    readonly url: string,
  ) {
    super()
  }

  send(data: unknown, options?: SendCallback | object, callback?: SendCallback): void {
    const cb = typeof options === 'function' ? (options as SendCallback) : callback
    if (this.readyState === 0) throw new Error('WebSocket is not open: readyState 0 (CONNECTING)')
    if (this.readyState !== 1) {
      cb?.(new Error(`WebSocket is not open: readyState ${this.readyState} (${STATES[this.readyState]})`))
      return
    }
    this.link.send(toText(data))
    if (cb) queueMicrotask(() => cb())
  }

  close(code?: number, reason?: string): void {
    if (this.readyState >= 2) return
    if (code !== undefined && !isValidStatusCode(code))
      throw new TypeError('First argument must be a valid error code number')
    this.readyState = 2
    this.link.close(code, reason ?? '')
  }

  terminate(): void {
    if (this.readyState === 3) return
    this.readyState = 2
    this.link.terminate()
  }

  ping(): void {}
  pong(): void {}

  /** The hub: the closing handshake is over (or the connection is gone). */
  closed(code: number, reason: Uint8Array, notify: boolean): void {
    if (this.readyState === 3) return
    this.readyState = 3
    if (notify) this.emit('close', code, reason)
  }
}

/** As `ws` checks a close code (its lib/validation.js). */
function isValidStatusCode(code: number): boolean {
  return (
    (code >= 1000 && code <= 1014 && code !== 1004 && code !== 1005 && code !== 1006) || (code >= 3000 && code <= 4999)
  )
}

function toText(data: unknown): string {
  if (typeof data === 'string') return data
  if (data instanceof ArrayBuffer) return new TextDecoder().decode(data)
  if (ArrayBuffer.isView(data)) return new TextDecoder().decode(data)
  return String(data)
}
