/**
 * Simulated WebSocket clients: the scenario part that plans them and the result part that reports
 * what each one saw. Structured-clone friendly, like everything in ../types.ts.
 */

/** One line of clients: `count` clients open `path`, `interval` ms apart, from `at`. */
export interface WebSocketClientPlan {
  /** Virtual ms when the first client of this line connects (default 0). */
  at?: number
  /** The route the clients open, e.g. `/api/chat`. */
  path: string
  /** How many clients (default 1). Clients are numbered 1, 2, … across all lines, in order. */
  count?: number
  /** Virtual ms between their connects (default 0). */
  interval?: number
  /** Virtual ms when these clients close the connection (code 1000); default: they stay until the server or the platform closes it. */
  closeAt?: number
}

/** Client `client` sends the text `data` at `at`. */
export interface WebSocketSendPlan {
  /** 1 is the first client `clients` connects. */
  client: number
  /** Virtual ms. */
  at: number
  data: string
}

export interface WebSocketPlan {
  clients: WebSocketClientPlan[]
  send?: WebSocketSendPlan[]
}

/** Why a connection ended. */
export type WebSocketCloseCause =
  /** The client closed it (`closeAt`). */
  | 'client'
  /** The route called `ws.close()`, or its handler failed (1011). */
  | 'server'
  /** The function reached its maximum duration and the platform ended it. */
  | 'duration-limit'
  /** The upgrade never happened: the route answered an HTTP status instead. */
  | 'refused'

export interface WebSocketMessage {
  /** Virtual ms: when it was sent (in `sent`) or arrived (in `received`). */
  t: number
  data: string
}

export interface WebSocketClientResult {
  /** 1-based, in the order the plan connects them. */
  client: number
  path: string
  /** Index of its upgrade request in `RunResult.requests`. */
  request: number
  /** The instance the connection is pinned to; undefined if it never opened. */
  instance?: string
  openedAt?: number
  closedAt?: number
  /** The close code the client saw: 1000 normal, 1006 abnormal (no close frame), 1011 server error. */
  closeCode?: number
  closedBy?: WebSocketCloseCause
  sent: WebSocketMessage[]
  received: WebSocketMessage[]
}

export interface WebSocketReport {
  clients: WebSocketClientResult[]
}
