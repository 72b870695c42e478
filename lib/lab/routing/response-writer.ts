/** Where a handler's response lands, whichever router produced it; enforces the response-size budget. */
import type { Scheduler } from '../clock/scheduler'
import type { StreamChunk } from '../types'

export class ResponseWriter {
  status = 200
  headers = new Headers()
  body = ''
  chunks: StreamChunk[] = []
  truncated = false
  headersSent = false
  ended = false
  /** Set when the platform cut the response (timeout); later writes are ignored. */
  closed = false
  /** A HEAD request: headers only, as Node's http drops a body written for HEAD. */
  headOnly = false
  readonly done: Promise<void>
  private resolveDone!: () => void
  private bytes = 0

  constructor(
    private scheduler: Scheduler,
    private maxBytes: number,
  ) {
    this.done = new Promise((resolve) => (this.resolveDone = resolve))
  }

  write(text: string): void {
    if (this.closed || this.ended) return
    this.headersSent = true
    if (this.headOnly) return
    const size = new TextEncoder().encode(text).length
    if (this.bytes + size > this.maxBytes) {
      const room = Math.max(0, this.maxBytes - this.bytes)
      text = text.slice(0, room)
      this.truncated = true
    }
    this.bytes += size
    if (!text) return
    this.body += text
    this.chunks.push({ t: this.scheduler.now, text })
  }

  end(): void {
    if (this.ended || this.closed) return
    this.ended = true
    this.headersSent = true
    this.resolveDone()
  }

  /** Copy a Web Response into the writer, chunk by chunk, each stamped with its virtual time. */
  async pump(response: Response, dropBody = false): Promise<void> {
    this.status = response.status
    response.headers.forEach((v, k) => {
      if (k !== 'set-cookie') this.headers.set(k, v)
    })
    for (const c of response.headers.getSetCookie()) this.headers.append('set-cookie', c)
    this.headersSent = true
    if (!response.body || dropBody) return this.end()
    const reader = response.body.getReader()
    const decoder = new TextDecoder()
    for (;;) {
      const { done, value } = await reader.read()
      if (done || this.closed) break
      this.write(typeof value === 'string' ? value : decoder.decode(value, { stream: true }))
      if (this.truncated) break
    }
    this.end()
  }
}
