/**
 * The `WebSocket` global of Node 22, in a lab with no network: a connection is never made. As for
 * an unreachable host in Node, the constructor returns, then `error` and `close` (code 1006) fire.
 */
export function createLabWebSocket(warn: (text: string) => void): unknown {
  return class WebSocket extends EventTarget {
    static readonly CONNECTING = 0
    static readonly OPEN = 1
    static readonly CLOSING = 2
    static readonly CLOSED = 3
    readonly url: string
    readyState = 0
    binaryType = 'blob'
    bufferedAmount = 0
    protocol = ''
    extensions = ''
    onopen: ((e: Event) => void) | null = null
    onerror: ((e: Event) => void) | null = null
    onclose: ((e: Event) => void) | null = null
    onmessage: ((e: Event) => void) | null = null
    constructor(url: string | URL) {
      super()
      this.url = String(url)
      warn(`WebSocket to ${this.url} failed: the lab has no network, so the connection is never made.`)
      queueMicrotask(() => {
        this.readyState = 3
        const error = new Event('error')
        this.onerror?.(error)
        this.dispatchEvent(error)
        const close = Object.assign(new Event('close'), { code: 1006, reason: '', wasClean: false })
        this.onclose?.(close)
        this.dispatchEvent(close)
      })
    }
    send(): void {
      throw Object.assign(new Error('WebSocket is not open: readyState 3 (CLOSED)'), { name: 'InvalidStateError' })
    }
    close(): void {
      this.readyState = 3
    }
  }
}
