/**
 * The simulated Postgres server around PGlite: handshakes, round trips, max_connections, idle
 * timeout, statement_timeout, an optional transaction-mode pooler and a query quota, all in
 * virtual time. SQL itself really runs on PGlite.
 *
 * PGlite has ONE session, so transactions are serialised: while one simulated connection is
 * between BEGIN and COMMIT/ROLLBACK, statements from other connections wait (in virtual time).
 */
import type { ExecContext } from '../clock/context'
import type { Scheduler } from '../clock/scheduler'
import { startLockWait } from './lock-wait'
import type { ConnectionSample, DatabaseSettings, DatabaseStats, TimelineEvent } from '../types'
import { connectionTerminated, DatabaseError, fromPgliteError } from './errors'
import { NotificationRouter, parseListen } from './notifications'
import type { LabDatabase, Parsers, QueryResult } from './pglite'
import { QueryQuota } from './quota'
import type { ServerConnection, Session, SessionOptions } from './session'
import { queryEvent } from './query-event'
import { extractSleep, transactionVerb } from './sql-text'

export type { ServerConnection, Session, SessionOptions } from './session'

/** PostgreSQL 16+'s wording (PostgreSQL 15 and older: "…reserved for non-replication superuser connections"). */
export const RESERVED_SLOTS_MESSAGE = 'remaining connection slots are reserved for roles with the SUPERUSER attribute'
export const TOO_MANY_CLIENTS_MESSAGE = 'sorry, too many clients already'

export class DatabaseServer {
  readonly samples: ConnectionSample[] = []
  readonly stats: DatabaseStats
  private nextId = 1
  private open = 0
  private sessions = new Set<Session>()
  private txOwner: ServerConnection | null = null
  private lockWaiters: Array<() => void> = []
  private poolerClients = 0
  private poolerServerCount = 0
  private poolerIdle: ServerConnection[] = []
  private poolerWaiters: Array<() => void> = []
  private quota: QueryQuota
  /** LISTEN/NOTIFY between sessions; the engine closes it when the run ends. */
  readonly notifications: NotificationRouter

  constructor(
    private scheduler: Scheduler,
    private db: LabDatabase,
    readonly settings: DatabaseSettings,
    /** The run's timeline; the `pg` pools report their checkouts on it too (pg-pool.ts). */
    readonly emit: (event: TimelineEvent) => void,
  ) {
    this.notifications = new NotificationRouter(scheduler, db, emit)
    this.quota = new QueryQuota(settings.quota)
    this.stats = {
      queries: 0,
      errors: 0,
      errorsByCode: {},
      connectionsOpened: 0,
      peakConnections: 0,
      maxConnections: settings.maxConnections,
      openAtEnd: 0,
    }
    this.sample()
  }

  get openConnections(): number {
    return this.open
  }

  /** Client sessions an instance still has open (leaked when the instance is recycled). */
  openSessionsOf(instance: string): number {
    let n = 0
    for (const s of this.sessions) if (s.open && s.instance === instance) n++
    return n
  }

  /**
   * The instance's runtime is gone (AWS Lambda resets the execution environment after a timeout): its
   * sockets close, and the server ends their sessions, rolling back any open transaction.
   */
  closeSessionsOf(instance: string): number {
    let n = 0
    for (const session of [...this.sessions]) {
      if (session.open && session.instance === instance) {
        this.close(session)
        n++
      }
    }
    return n
  }

  connect(ctx: ExecContext | undefined, options: SessionOptions = {}): Promise<Session> {
    const s = this.settings
    return this.respond(ctx, async () => {
      await this.scheduler.sleep(s.connectLatencyMs, null)
      let session: Session
      if (s.pooler) {
        if (this.poolerClients >= s.pooler.maxClientConnections) {
          throw this.refuse(ctx, new DatabaseError('no more connections allowed (max_client_conn)', '53300', 'FATAL'))
        }
        this.poolerClients++
        session = { kind: 'pooler', open: true, instance: ctx?.instance?.id, options, txStatus: 'I' }
        this.sample()
      } else {
        session = { kind: 'direct', open: true, instance: ctx?.instance?.id, options, txStatus: 'I' }
        session.server = this.openServerConnection(ctx, session)
      }
      this.sessions.add(session)
      return session
    })
  }

  query(
    session: Session,
    sql: string,
    values: unknown[] | undefined,
    rowMode: 'array' | 'object',
    ctx: ExecContext | undefined,
    parsers?: Parsers,
  ): Promise<QueryResult[]> {
    const start = this.scheduler.now
    const s = this.settings
    const up = Math.floor(s.queryLatencyMs / 2)
    const down = s.queryLatencyMs - up
    return this.respond(ctx, async () => {
      if (!session.open) throw connectionTerminated()
      await this.scheduler.sleep(up, null)
      this.stats.queries++
      const overQuota = this.quota.take(this.scheduler.now)
      if (overQuota) {
        this.countError(overQuota.code)
        await this.scheduler.sleep(down, null)
        this.emitQuery(start, 0, ctx, sql, 0, overQuota.code)
        throw overQuota
      }
      const conn = session.kind === 'pooler' ? (session.server ?? (await this.borrow(ctx))) : session.server!
      if (session.kind === 'pooler') session.server = conn
      this.scheduler.cancel(conn.idleTimer)
      if (this.txOwner && this.txOwner !== conn) {
        const wait = startLockWait(this.scheduler.now, conn.id, this.txOwner.id, ctx, this.emit)
        while (this.txOwner && this.txOwner !== conn)
          await new Promise<void>((resolve) => this.lockWaiters.push(resolve))
        wait.granted(this.scheduler.now)
      }
      const verb = transactionVerb(sql)
      if (verb === 'begin') {
        this.txOwner = conn
        conn.inTx = true
        conn.txSince = this.scheduler.now
      }
      const { sql: text, sleepMs } = extractSleep(sql, values)
      let results: QueryResult[] | undefined
      let error: DatabaseError | undefined
      let waitMs = sleepMs
      const statementTimeoutMs = session.options.statementTimeoutMs ?? s.statementTimeoutMs
      if (statementTimeoutMs > 0 && sleepMs > statementTimeoutMs) {
        waitMs = statementTimeoutMs
        error = new DatabaseError('canceling statement due to statement timeout', '57014')
        // Put the real session in the same state a cancelled statement leaves (an aborted transaction).
        if (conn.inTx)
          await this.runQuietly(
            `DO $$BEGIN RAISE EXCEPTION 'statement timeout' USING ERRCODE = 'query_canceled'; END$$`,
          )
      } else {
        try {
          const listen = parseListen(text)
          results = await this.scheduler.track(
            listen
              ? this.notifications.apply(session, listen, ctx?.instance)
              : this.db.run(text, values, rowMode, this.scheduler.now, parsers),
          )
        } catch (e) {
          error = fromPgliteError(e)
        }
      }
      if (verb === 'commit' || verb === 'rollback' || (verb === 'begin' && error)) this.endTransaction(conn)
      else if (error && conn.inTx) conn.txFailed = true
      session.txStatus = conn.inTx ? (conn.txFailed ? 'E' : 'T') : 'I'
      await this.scheduler.sleep(waitMs, null)
      this.notifications.deliver(conn, down)
      if (session.kind === 'pooler' && !conn.inTx) {
        session.server = undefined
        this.giveBack(conn)
      }
      this.armIdle(conn, session)
      await this.scheduler.sleep(down, null)
      if (error) this.countError(error.code)
      const rows = results ? results.reduce((n, r) => n + (r.rows.length || r.affectedRows || 0), 0) : 0
      this.emitQuery(start, conn.id, ctx, sql, rows, error?.code)
      if (error) throw error
      return results!
    })
  }

  /** The transaction still open (PGlite's one session's), who holds it and since when; null if none is. */
  openTransaction(): { connection: number; instance?: string; since?: number } | null {
    const conn = this.txOwner
    if (!conn) return null
    let instance = conn.session?.instance
    // Behind the pooler the server connection has no session of its own: find the client it is lent to.
    for (const session of this.sessions) if (!instance && session.server === conn) instance = session.instance
    return { connection: conn.id, instance, since: conn.txSince }
  }

  /** The client closes its connection. */
  close(session: Session): void {
    if (!session.open) return
    session.open = false
    this.sessions.delete(session)
    this.notifications.forget(session)
    if (session.kind === 'pooler') {
      this.poolerClients--
      const conn = session.server
      session.server = undefined
      if (conn?.inTx) {
        void this.runQuietly('ROLLBACK')
        this.endTransaction(conn)
      }
      if (conn) this.giveBack(conn)
      this.sample()
    } else if (session.server) {
      this.closeServerConnection(session.server, 'client')
    }
  }

  finish(): DatabaseStats {
    this.stats.openAtEnd = this.open
    return this.stats
  }

  private openServerConnection(ctx: ExecContext | undefined, session?: Session): ServerConnection {
    const { maxConnections, superuserReservedConnections, role } = this.settings
    // As PostgreSQL checks: a free process slot at all (InitProcess), then, for a role that is not a
    // superuser, enough free slots left for the superusers (InitPostgres).
    if (this.open >= maxConnections) {
      throw this.refuse(ctx, new DatabaseError(TOO_MANY_CLIENTS_MESSAGE, '53300', 'FATAL'))
    }
    if (
      role !== 'superuser' &&
      superuserReservedConnections > 0 &&
      this.open >= maxConnections - superuserReservedConnections
    ) {
      throw this.refuse(ctx, new DatabaseError(RESERVED_SLOTS_MESSAGE, '53300', 'FATAL'))
    }
    const conn: ServerConnection = { id: this.nextId++, open: true, inTx: false, txFailed: false, session }
    this.open++
    this.stats.connectionsOpened++
    this.stats.peakConnections = Math.max(this.stats.peakConnections, this.open)
    const ev: TimelineEvent = { t: this.scheduler.now, type: 'db-connect', connection: conn.id }
    if (session && ctx?.instance) ev.instance = ctx.instance.id
    if (session && ctx?.request) ev.request = ctx.request.index
    this.emit(ev)
    this.sample()
    this.armIdle(conn)
    return conn
  }

  private closeServerConnection(
    conn: ServerConnection,
    reason: 'client' | 'idle-timeout' | 'idle-in-transaction-timeout' | 'server',
  ): void {
    if (!conn.open) return
    conn.open = false
    this.open--
    this.scheduler.cancel(conn.idleTimer)
    if (conn.inTx) {
      void this.runQuietly('ROLLBACK')
      this.endTransaction(conn)
    }
    this.emit({ t: this.scheduler.now, type: 'db-disconnect', connection: conn.id, reason })
    this.sample()
    if (reason === 'client') return
    const session = conn.session
    if (session?.open) {
      session.open = false
      this.sessions.delete(session)
      session.onServerClose?.(
        reason === 'idle-in-transaction-timeout'
          ? new DatabaseError('terminating connection due to idle-in-transaction timeout', '25P03', 'FATAL')
          : new DatabaseError('terminating connection due to idle-session timeout', '57P05', 'FATAL'),
      )
    }
    if (!session) {
      this.poolerServerCount--
      this.poolerIdle = this.poolerIdle.filter((c) => c !== conn)
      this.poolerWaiters.shift()?.()
    }
  }

  private armIdle(conn: ServerConnection, session?: Session): void {
    const ms = this.settings.idleSessionTimeoutMs
    this.scheduler.cancel(conn.idleTimer)
    if (ms > 0 && conn.open && !conn.inTx) {
      conn.idleTimer = this.scheduler.after(ms, () => this.closeServerConnection(conn, 'idle-timeout'), null)
    }
    const inTxMs = session?.options.idleInTransactionTimeoutMs ?? 0
    if (inTxMs > 0 && conn.open && conn.inTx && session?.kind === 'direct') {
      conn.idleTimer = this.scheduler.after(
        inTxMs,
        () => this.closeServerConnection(conn, 'idle-in-transaction-timeout'),
        null,
      )
    }
  }

  /** Transaction mode: lend a server connection for one statement or transaction. */
  private async borrow(ctx: ExecContext | undefined): Promise<ServerConnection> {
    const pooler = this.settings.pooler!
    for (;;) {
      const idle = this.poolerIdle.pop()
      if (idle) return idle
      if (this.poolerServerCount < Math.min(pooler.poolSize, this.settings.maxConnections)) {
        this.poolerServerCount++
        await this.scheduler.sleep(this.settings.connectLatencyMs, null)
        try {
          return this.openServerConnection(ctx)
        } catch (error) {
          this.poolerServerCount--
          throw error
        }
      }
      await new Promise<void>((resolve) => this.poolerWaiters.push(resolve))
    }
  }

  private giveBack(conn: ServerConnection): void {
    if (!conn.open) return
    this.poolerIdle.push(conn)
    this.poolerWaiters.shift()?.()
  }

  private endTransaction(conn: ServerConnection): void {
    conn.inTx = false
    conn.txFailed = false
    if (this.txOwner === conn) {
      this.txOwner = null
      for (const wake of this.lockWaiters.splice(0)) wake()
    }
  }

  private async runQuietly(sql: string): Promise<void> {
    try {
      await this.scheduler.track(this.db.run(sql, undefined, 'object', this.scheduler.now))
    } catch {
      // Expected: the statement exists to change the session's state.
    }
  }

  private refuse(ctx: ExecContext | undefined, error: DatabaseError): DatabaseError {
    this.countError(error.code)
    const ev: TimelineEvent = { t: this.scheduler.now, type: 'db-connect-refused', code: error.code }
    if (ctx?.instance) ev.instance = ctx.instance.id
    if (ctx?.request) ev.request = ctx.request.index
    this.emit(ev)
    return error
  }

  private countError(code: string): void {
    this.stats.errors++
    this.stats.errorsByCode[code] = (this.stats.errorsByCode[code] ?? 0) + 1
  }

  private emitQuery(
    start: number,
    connection: number,
    ctx: ExecContext | undefined,
    sql: string,
    rows: number,
    error?: string,
  ) {
    this.emit(
      queryEvent({ start, end: this.scheduler.now, connection, request: ctx?.request?.index, sql, rows, error }),
    )
  }

  private sample(): void {
    const sample: ConnectionSample = { t: this.scheduler.now, open: this.open }
    if (this.settings.pooler) sample.poolerClients = this.poolerClients
    const last = this.samples[this.samples.length - 1]
    if (last && last.t === sample.t) this.samples[this.samples.length - 1] = sample
    else this.samples.push(sample)
  }

  /** Server-side work runs in no instance's context; the reply is delivered in the caller's. */
  private async respond<T>(ctx: ExecContext | undefined, work: () => Promise<T>): Promise<T> {
    const start = this.scheduler.now
    let value: T | undefined
    let failure: unknown
    let failed = false
    try {
      value = await work()
    } catch (error) {
      failure = error
      failed = true
    }
    await this.scheduler.sleep(0, ctx ?? null, 'database reply')
    if (ctx?.request) ctx.request.databaseMs += this.scheduler.now - start
    if (failed) throw failure
    return value as T
  }
}
