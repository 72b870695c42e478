/**
 * Who is running: the scheduler sets the current context before each event and keeps it while the
 * microtasks that event caused drain, so `console.log`, database queries, `cookies()` and `after()`
 * know their instance and request without AsyncLocalStorage (which workers do not have).
 */
export interface InstanceHandle {
  id: string
  frozen: boolean
  recycled: boolean
  /** Events that came due while frozen; they fire when the instance thaws. */
  deferred: unknown[]
}

export interface RequestHandle {
  index: number
  /** The platform ended this request (timeout): its pending work never resumes. */
  dead: boolean
  /** The response has been sent. */
  responded: boolean
  /** Virtual ms spent connecting and querying on behalf of this request. */
  databaseMs: number
  /** Per-request data for next/headers and next/server. */
  request?: Request
  setCookies: string[]
  /**
   * The route upgraded this request to a WebSocket (lib/lab/websocket/): the function runs until
   * `closed` resolves; `drop()` ends the connection when the platform ends the function.
   */
  upgraded?: { closed: Promise<void>; drop(): void }
}

export interface ExecContext {
  instance?: InstanceHandle
  request?: RequestHandle
  /** `after`: work handed to after()/waitUntil; `internal`: the engine's own timers (pool idle timers). */
  kind?: 'user' | 'after' | 'internal'
}
