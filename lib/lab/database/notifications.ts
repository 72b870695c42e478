/**
 * `LISTEN` / `UNLISTEN` / `NOTIFY` across the simulated sessions.
 *
 * PGlite has one session, so the lab keeps who listens to what per simulated session and lets
 * PGlite's own session LISTEN on every channel anyone listens to. PostgreSQL's rules then come
 * from PGlite itself: a `NOTIFY` (or `pg_notify()`, also from a trigger) inside a transaction is
 * sent at `COMMIT` and dropped by `ROLLBACK`, and identical notifications of one transaction are
 * folded into one. The router hands each notification PGlite raises to every open session that
 * listens on its channel, half a round trip later, as node-postgres emits it:
 * `client.on('notification', ({ processId, channel, payload }) => …)`. `processId` is the sending
 * connection's number (the lab's stand-in for its backend PID).
 *
 * Behind a transaction-mode pooler a session has no server connection of its own between
 * statements, so it never receives notifications (PgBouncer's documentation lists LISTEN among the
 * features transaction pooling breaks).
 */
import type { InstanceHandle } from '../clock/context'
import type { Scheduler } from '../clock/scheduler'
import type { TimelineEvent } from '../types'
import type { LabDatabase, QueryResult } from './pglite'
import type { ServerConnection, Session } from './session'

/** What node-postgres passes to a client's 'notification' listeners. */
export interface PgNotification {
  processId: number
  channel: string
  payload: string
}

export interface ListenStatement {
  verb: 'listen' | 'unlisten'
  /** The channel as PostgreSQL names it (unquoted identifiers fold to lower case); `*` for `UNLISTEN *`. */
  channel: string
}

const LISTEN_RE = /^\s*(LISTEN|UNLISTEN)\s+("(?:[^"]|"")+"|\*|[A-Za-z_][A-Za-z0-9_$]*)\s*;?\s*$/i

/** `LISTEN chan`, `UNLISTEN "Chan"`, `UNLISTEN *`: the statement and its channel, or undefined for anything else. */
export function parseListen(sql: string): ListenStatement | undefined {
  const m = LISTEN_RE.exec(sql)
  if (!m) return undefined
  const raw = m[2]
  const channel = raw === '*' ? '*' : raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw.toLowerCase()
  if (channel === '*' && m[1].toLowerCase() === 'listen') return undefined
  return { verb: m[1].toLowerCase() as ListenStatement['verb'], channel }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}

interface Listener {
  channels: Set<string>
  /** The instance whose code listens: notifications run there (and wait while it is frozen). */
  instance?: InstanceHandle
}

export class NotificationRouter {
  private listeners = new Map<Session, Listener>()
  /** Channels PGlite's own session LISTENs on. */
  private pgliteChannels = new Set<string>()
  private raised: Array<{ channel: string; payload: string }> = []
  private unsubscribe?: () => void

  constructor(
    private scheduler: Scheduler,
    private db: LabDatabase,
    private emit: (event: TimelineEvent) => void,
  ) {}

  /** Run a LISTEN or UNLISTEN for `session`; the result is the statement's own (no rows). */
  async apply(session: Session, statement: ListenStatement, instance?: InstanceHandle): Promise<QueryResult[]> {
    const listener = this.listeners.get(session) ?? { channels: new Set<string>(), instance }
    listener.instance ??= instance
    if (statement.verb === 'unlisten') {
      if (statement.channel === '*') listener.channels.clear()
      else listener.channels.delete(statement.channel)
    } else {
      listener.channels.add(statement.channel)
      if (!this.pgliteChannels.has(statement.channel)) {
        this.unsubscribe ??= this.db.pg.onNotification((channel, payload) => this.raised.push({ channel, payload }))
        this.pgliteChannels.add(statement.channel)
        await this.db.pg.exec(`LISTEN ${quoteIdent(statement.channel)}`)
      }
    }
    this.listeners.set(session, listener)
    return [{ rows: [], fields: [] }]
  }

  /** The session closed: it listens no more. */
  forget(session: Session): void {
    this.listeners.delete(session)
  }

  /**
   * Hand what PGlite raised during `sender`'s last statement to every listening session, `delayMs`
   * from now (the way back from the server). Call after the statement has run.
   */
  deliver(sender: ServerConnection, delayMs: number): void {
    if (this.raised.length === 0) return
    const raised = this.raised
    this.raised = []
    for (const { channel, payload } of raised) {
      for (const [session, listener] of this.listeners) {
        if (!session.open || session.kind !== 'direct' || !listener.channels.has(channel)) continue
        const message: PgNotification = { processId: sender.id, channel, payload }
        this.scheduler.after(
          delayMs,
          () => {
            if (!session.open || !listener.channels.has(channel)) return
            this.emit({
              t: this.scheduler.now,
              type: 'db-notification',
              connection: session.server?.id ?? 0,
              from: sender.id,
              channel,
            })
            session.onNotification?.(message)
          },
          listener.instance ? { instance: listener.instance, kind: 'user' } : null,
        )
      }
    }
  }

  /** End of the run: PGlite's session stops listening, so the next run starts without it. */
  async close(): Promise<void> {
    this.unsubscribe?.()
    this.unsubscribe = undefined
    this.listeners.clear()
    this.raised = []
    if (this.pgliteChannels.size === 0) return
    this.pgliteChannels.clear()
    await this.db.pg.exec('UNLISTEN *')
  }
}
