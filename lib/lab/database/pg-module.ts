/**
 * The `pg` module user code imports: Pool and Client with the real package's names, defaults,
 * events, callbacks and errors (pg 8.x and pg-pool 3.x), talking to the simulated server.
 * lib/lab/conformance/pg/ holds the cases that run against this module and against the real
 * `pg` package on a real PostgreSQL server; where the lab deliberately differs, lib/lab/README.md
 * says so ("The pg module and the database").
 */
import type { Scheduler } from '../clock/scheduler'
import type { ExecContext, InstanceHandle } from '../clock/context'
import { Emitter } from './emitter'
import { DatabaseError } from './errors'
import type { QueryResult } from './pglite'
import { commandOf, escapeIdentifier, escapeLiteral, prepareValue, rowCountOf } from './pg-values'
import type { DatabaseServer, Session, SessionOptions } from './server'

export interface PgHooks {
  scheduler: Scheduler
  server: DatabaseServer
  /** A pool's idle client count changed (attachDatabasePool keeps an instance alive while > 0). */
  onPoolIdleChange(instance: InstanceHandle | undefined): void
  /** Report an 'error' event nobody listens to (real Node would crash the process). */
  onUnhandledError(instance: InstanceHandle | undefined, error: Error): void
}

interface PgField {
  name: string
  dataTypeID: number
  format: 'text'
}

interface PgResult {
  rows: unknown[]
  rowCount: number | null
  fields: PgField[]
  command: string
  oid: null
  rowAsArray: boolean
}

type TypeParser = (value: string) => unknown
type Parsers = Record<number, TypeParser>
interface TypesLike {
  getTypeParser(oid: number, format?: string): TypeParser
}

interface QueryConfig {
  text: string
  values?: unknown[]
  rowMode?: 'array'
  types?: TypesLike
  query_timeout?: number
}

type Callback<T> = (error: Error | undefined | null, value?: T) => void

interface ClientConfig {
  connectionString?: string
  host?: string
  user?: string
  password?: string
  database?: string
  port?: number
  ssl?: unknown
  statement_timeout?: number | false
  idle_in_transaction_session_timeout?: number | false
  query_timeout?: number | false
  lock_timeout?: number | false
  application_name?: string
  connectionTimeoutMillis?: number
  types?: TypesLike
  [key: string]: unknown
}

interface PoolConfig extends ClientConfig {
  max?: number
  min?: number
  idleTimeoutMillis?: number
  allowExitOnIdle?: boolean
  maxUses?: number
  maxLifetimeSeconds?: number
  /** pg-pool's hook, run on each new client before it is handed out. */
  onConnect?: (client: unknown) => unknown
  hooks?: { connect?: (client: unknown) => unknown }
}

/** pg reads these from the config as integers (`parseInt`); false, 0 and undefined mean off. */
function ms(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? parseInt(value, 10) : NaN
  return Number.isFinite(n) && n > 0 ? n : undefined
}

function noop() {}

export function createPgModule(hooks: PgHooks): Record<string, unknown> {
  const { scheduler, server } = hooks

  /** pg.types: parsers by type oid, used for every query that brings no `types` of its own. */
  const customParsers: Parsers = {}
  const types = {
    setTypeParser(oid: number, format: string | TypeParser, parser?: TypeParser) {
      const fn = typeof format === 'function' ? format : parser
      if (typeof fn === 'function' && format !== 'binary') customParsers[oid] = fn
    },
    getTypeParser(oid: number) {
      return customParsers[oid] ?? ((value: string) => value)
    },
    builtins: {
      BOOL: 16,
      BYTEA: 17,
      INT8: 20,
      INT2: 21,
      INT4: 23,
      TEXT: 25,
      OID: 26,
      JSON: 114,
      FLOAT4: 700,
      FLOAT8: 701,
      DATE: 1082,
      TIMESTAMP: 1114,
      TIMESTAMPTZ: 1184,
      NUMERIC: 1700,
      UUID: 2950,
      JSONB: 3802,
    },
  }

  /** A query's own `types` (an object with getTypeParser) wins over pg.types for the oids it parses differently. */
  function parsersFor(own: TypesLike | undefined, fields: number[]): Parsers | undefined {
    if (!own) return Object.keys(customParsers).length ? customParsers : undefined
    const out: Parsers = { ...customParsers }
    for (const oid of fields) out[oid] = own.getTypeParser(oid, 'text')
    return out
  }

  function toPgResult(r: QueryResult, sql: string, rowMode: 'array' | 'object'): PgResult {
    const command = commandOf(sql)
    return {
      command,
      rowCount: rowCountOf(command, r.rows.length, r.affectedRows),
      oid: null,
      rows: r.rows,
      fields: r.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID, format: 'text' as const })),
      rowAsArray: rowMode === 'array',
    }
  }

  /** Bytes come back as a Buffer where there is one (Node), as in pg; the browser has none. */
  const BufferCtor = (globalThis as { Buffer?: { from(bytes: Uint8Array): Uint8Array } }).Buffer
  function buffers(result: PgResult): PgResult {
    if (!BufferCtor) return result
    const bytea = result.fields.map((f, i) => (f.dataTypeID === 17 ? (result.rowAsArray ? i : f.name) : null))
    if (!bytea.some((k) => k !== null)) return result
    for (const row of result.rows as Array<Record<string | number, unknown>>) {
      for (const key of bytea)
        if (key !== null && row[key] instanceof Uint8Array) row[key] = BufferCtor.from(row[key] as Uint8Array)
    }
    return result
  }

  class Client extends Emitter {
    protected session?: Session
    private connecting?: Promise<void>
    private chain: Promise<unknown> = Promise.resolve()
    /** end() was called. */
    private ending = false
    /** The server closed the connection, or the connection failed. */
    private broken = false
    readonly instance: InstanceHandle | undefined
    readonly connectionParameters: ClientConfig

    constructor(config: ClientConfig | string = {}) {
      super()
      this.connectionParameters = typeof config === 'string' ? { connectionString: config } : { ...config }
      this.instance = scheduler.current?.instance
    }

    private get sessionOptions(): SessionOptions {
      const c = this.connectionParameters
      return {
        statementTimeoutMs: ms(c.statement_timeout),
        idleInTransactionTimeoutMs: ms(c.idle_in_transaction_session_timeout),
        applicationName: typeof c.application_name === 'string' ? c.application_name : undefined,
      }
    }

    connect(callback?: Callback<Client>): Promise<Client> | undefined {
      const promise = this.open()
      if (!callback) return promise
      promise.then(
        () => callback(undefined, this),
        (error: Error) => callback(error),
      )
      return undefined
    }

    private open(): Promise<Client> {
      if (this.connecting)
        return Promise.reject(new Error('Client has already been connected. You cannot reuse a client.'))
      const ctx = scheduler.current
      const timeout = ms(this.connectionParameters.connectionTimeoutMillis)
      this.connecting = new Promise<void>((resolve, reject) => {
        let timedOut = false
        const timer =
          timeout !== undefined
            ? scheduler.after(
                timeout,
                () => {
                  // pg destroys the socket with this error when connecting takes longer than connectionTimeoutMillis.
                  timedOut = true
                  this.broken = true
                  reject(new Error('timeout expired'))
                },
                ctx ?? null,
              )
            : undefined
        server.connect(ctx, this.sessionOptions).then(
          (session) => {
            scheduler.cancel(timer)
            if (timedOut) {
              server.close(session)
              return
            }
            this.session = session
            session.onServerClose = (error) => {
              // pg reports the server's FATAL error, then the socket closing under it: two 'error' events.
              this.broken = true
              this.emitError(error)
              this.emitError(new Error('Connection terminated unexpectedly'))
              this.emit('end')
            }
            session.onNotification = (message) => this.emit('notification', message)
            resolve()
          },
          (error: Error) => {
            scheduler.cancel(timer)
            this.broken = true
            if (!timedOut) reject(error)
          },
        )
      })
      return this.connecting.then(() => this)
    }

    /** An 'error' nobody listens to would crash a real Node process; the lab logs it instead. */
    protected emitError(error: Error): void {
      if (this.emit('error', error) || this.reportedUnhandled) return
      // Real Node would have crashed at the first one; the lab reports that one only.
      this.reportedUnhandled = true
      hooks.onUnhandledError(this.instance, error)
    }
    private reportedUnhandled = false

    query(
      arg: string | QueryConfig,
      values?: unknown[] | Callback<PgResult | PgResult[]>,
      callback?: Callback<PgResult | PgResult[]>,
    ) {
      if (typeof values === 'function') {
        callback = values
        values = undefined
      }
      if (arg === null || arg === undefined) throw new TypeError('Client was passed a null or undefined query')
      const config: QueryConfig = typeof arg === 'string' ? { text: arg } : arg
      const promise = this.submit(config, (values as unknown[] | undefined) ?? config.values)
      if (!callback) return promise
      const cb = callback
      promise.then(
        (result) => cb(undefined, result),
        (error: Error) => cb(error),
      )
      return undefined
    }

    private submit(config: QueryConfig, rawValues: unknown[] | undefined): Promise<PgResult | PgResult[]> {
      const ctx = scheduler.current
      if (rawValues !== undefined && !Array.isArray(rawValues))
        return Promise.reject(new Error('Query values must be an array'))
      let values: unknown[] | undefined
      try {
        values = rawValues?.map((v) => prepareValue(v))
      } catch (error) {
        return Promise.reject(error)
      }
      if (this.broken && this.connecting)
        return Promise.reject(new Error('Client has encountered a connection error and is not queryable'))
      if (this.ending) return Promise.reject(new Error('Client was closed and is not queryable'))
      const rowMode = config.rowMode === 'array' ? 'array' : 'object'
      const run = async () => {
        if (!this.session) {
          if (!this.connecting) throw new Error('Client was not connected; call client.connect() first')
          await this.connecting
        }
        if (this.broken || !this.session!.open) throw new Error('Connection terminated unexpectedly')
        const own = config.types ?? (this.connectionParameters.types as TypesLike | undefined)
        const parsers = own ? parsersFor(own, OIDS_WORTH_PARSING) : parsersFor(undefined, [])
        const failedBefore = this.session!.txStatus === 'E'
        const results = await server.query(this.session!, config.text, values, rowMode, ctx, parsers)
        const mapped = results.map((r) => buffers(toPgResult(r, config.text, rowMode)))
        // COMMIT of a failed transaction rolls it back, and the server's tag says so.
        if (failedBefore && mapped.length === 1 && mapped[0].command === 'COMMIT') mapped[0].command = 'ROLLBACK'
        return mapped.length === 1 ? mapped[0] : mapped
      }
      // pg runs one query at a time per client, in order.
      const p = this.chain.then(run, run)
      this.chain = p.catch(() => undefined)
      const readTimeout = ms(config.query_timeout) ?? ms(this.connectionParameters.query_timeout)
      if (readTimeout === undefined) return p
      // query_timeout is the client giving up: the statement keeps running on the server.
      return new Promise((resolve, reject) => {
        const timer = scheduler.after(readTimeout, () => reject(new Error('Query read timeout')), ctx ?? null)
        p.then(
          (value) => {
            scheduler.cancel(timer)
            resolve(value)
          },
          (error: Error) => {
            scheduler.cancel(timer)
            reject(error)
          },
        )
      })
    }

    end(callback?: () => void): Promise<void> | undefined {
      const wasOpen = !this.ending && !!this.session?.open
      this.ending = true
      if (this.session) server.close(this.session)
      const done = scheduler.sleep(0).then(() => {
        if (wasOpen) this.emit('end')
      })
      if (!callback) return done
      void done.then(callback)
      return undefined
    }

    escapeIdentifier(text: string): string {
      return escapeIdentifier(text)
    }

    escapeLiteral(text: string): string {
      return escapeLiteral(text)
    }

    /** ReadyForQuery's status: 'I' idle, 'T' in a transaction, 'E' in a failed transaction; null before connecting. */
    getTransactionStatus(): 'I' | 'T' | 'E' | null {
      return this.session ? this.session.txStatus : null
    }

    /** pg's private flags, which pg-pool reads. */
    get isQueryable(): boolean {
      return !!this.session?.open && !this.ending && !this.broken
    }
  }

  class PoolClient extends Client {
    release: (err?: Error | boolean) => void = () => {}
    uses = 0
    expired = false
    lifetimeTimer?: ReturnType<Scheduler['schedule']>
    idleListener?: (error: unknown) => void
  }

  interface IdleItem {
    client: PoolClient
    timer?: ReturnType<Scheduler['schedule']>
  }

  interface Waiter {
    settle: (error: Error | undefined, client?: PoolClient) => void
    timer?: ReturnType<Scheduler['schedule']>
    timedOut?: boolean
    /** Not queued: settled in the asking request's own continuation. */
    direct?: boolean
    /** Who asked: the client is handed over in that request's context, not in the releaser's. */
    context: ExecContext | undefined
  }

  class Pool extends Emitter {
    readonly options: PoolConfig & {
      max: number
      min: number
      maxUses: number
      idleTimeoutMillis: number
      maxLifetimeSeconds: number
    }
    readonly instance: InstanceHandle | undefined
    private clients: PoolClient[] = []
    private idle: IdleItem[] = []
    private waiters: Waiter[] = []
    private endCallback?: () => void
    ending = false
    ended = false
    attached = false

    constructor(config: PoolConfig = {}) {
      super()
      // pg-pool's own defaulting: a falsy (or explicitly undefined) option takes the default.
      const options = { ...config }
      this.options = {
        ...options,
        max: options.max || (options.poolSize as number | undefined) || 10,
        min: options.min || 0,
        maxUses: options.maxUses || Number.POSITIVE_INFINITY,
        maxLifetimeSeconds: options.maxLifetimeSeconds || 0,
        idleTimeoutMillis: options.idleTimeoutMillis === undefined ? 10_000 : options.idleTimeoutMillis,
      }
      this.instance = scheduler.current?.instance
    }

    get totalCount(): number {
      return this.clients.length
    }
    get idleCount(): number {
      return this.idle.length
    }
    get waitingCount(): number {
      return this.waiters.length
    }
    get expiredCount(): number {
      return this.clients.filter((c) => c.expired).length
    }

    connect(
      callback?: (error: Error | undefined, client?: PoolClient, done?: (err?: Error | boolean) => void) => void,
    ) {
      if (this.ending) {
        const error = new Error('Cannot use a pool after calling end on the pool')
        if (callback) return void callback(error)
        return Promise.reject(error)
      }
      const promise = new Promise<PoolClient>((resolve, reject) => {
        const waiter: Waiter = {
          context: scheduler.current,
          settle: (error, client) => {
            scheduler.cancel(waiter.timer)
            if (error) reject(error)
            else resolve(client!)
          },
        }
        const item = this.waiters.length ? undefined : this.idle.pop()
        if (item) {
          // An idle client, taken at once by the request that asked.
          scheduler.cancel(item.timer)
          this.idleChanged()
          waiter.direct = true
          this.acquire(item.client, waiter)
        } else if (this.clients.length >= this.options.max) {
          const timeout = ms(this.options.connectionTimeoutMillis)
          if (timeout !== undefined) {
            waiter.timer = scheduler.after(
              timeout,
              () => {
                this.waiters = this.waiters.filter((w) => w !== waiter)
                waiter.timedOut = true
                reject(new Error('timeout exceeded when trying to connect'))
              },
              scheduler.current,
            )
          }
          this.waiters.push(waiter)
          this.pulse()
        } else {
          waiter.direct = true
          this.newClient(waiter)
        }
      })
      if (!callback) return promise
      promise.then(
        (client) => callback(undefined, client, client.release),
        (error: Error) => callback(error, undefined, noop),
      )
      return undefined
    }

    query(
      arg: string | QueryConfig,
      values?: unknown[] | Callback<PgResult | PgResult[]>,
      callback?: Callback<PgResult | PgResult[]>,
    ) {
      if (typeof arg === 'function') {
        const error = new Error('Passing a function as the first parameter to pool.query is not supported')
        return Promise.reject(error)
      }
      if (typeof values === 'function') {
        callback = values
        values = undefined
      }
      const promise = (this.connect() as Promise<PoolClient>).then(async (client) => {
        try {
          const result = await (client.query(arg, values as unknown[] | undefined) as Promise<PgResult>)
          client.release()
          return result
        } catch (error) {
          // pg-pool releases the client with the query's error, which removes (closes) it.
          client.release(error as Error)
          throw error
        }
      })
      if (!callback) return promise
      const cb = callback
      promise.then(
        (result) => cb(undefined, result),
        (error: Error) => cb(error),
      )
      return undefined
    }

    end(callback?: (error?: Error) => void): Promise<void> | undefined {
      if (this.ending) {
        const error = new Error('Called end on pool more than once')
        if (callback) return void callback(error)
        return Promise.reject(error)
      }
      this.ending = true
      // Resolves once every client, also the ones checked out now, has been released and closed.
      const promise = new Promise<void>((resolve) => (this.endCallback = resolve))
      this.pulse()
      if (!callback) return promise
      void promise.then(() => callback())
      return undefined
    }

    private newClient(waiter: Waiter): void {
      const client = new PoolClient(this.options)
      this.clients.push(client)
      const idleListener = (error: unknown) => {
        // pg-pool: an idle client's error removes it and is re-emitted on the pool, with err.client.
        const err = error as Error & { client?: unknown }
        err.client = client
        client.off('error', idleListener)
        client.on('error', noop)
        this.remove(client)
        if (!this.emit('error', err, client)) hooks.onUnhandledError(this.instance, err)
      }
      client.idleListener = idleListener
      // Only while connecting and idle: a checked-out client's errors go to the client's own listeners.
      client.on('error', idleListener)
      ;(client.connect() as Promise<Client>).then(
        async () => {
          const hook = this.options.onConnect ?? this.options.hooks?.connect
          if (hook) {
            try {
              await hook(client)
            } catch (error) {
              this.clients = this.clients.filter((c) => c !== client)
              await client.end()
              this.pulse()
              if (!waiter.timedOut) this.handOver(waiter, error as Error)
              return
            }
          }
          if (this.options.maxLifetimeSeconds > 0) {
            client.lifetimeTimer = scheduler.after(
              this.options.maxLifetimeSeconds * 1000,
              () => {
                client.expired = true
                const item = this.idle.find((i) => i.client === client)
                if (item) this.remove(client)
              },
              this.instance ? { instance: this.instance, kind: 'internal' } : null,
            )
          }
          this.emit('connect', client)
          this.acquire(client, waiter)
        },
        (error: Error) => {
          this.clients = this.clients.filter((c) => c !== client)
          const timedOut = /timeout expired/.test(error.message)
          this.pulse()
          if (!waiter.timedOut)
            this.handOver(
              waiter,
              timedOut ? new Error('Connection terminated due to connection timeout', { cause: error }) : error,
            )
        },
      )
    }

    private acquire(client: PoolClient, waiter: Waiter): void {
      this.emit('acquire', client)
      let released = false
      client.release = (err) => {
        if (released) throw new Error('Release called on client which has already been released to the pool.')
        released = true
        this.release(client, err)
      }
      client.off('error', client.idleListener!)
      if (waiter.timedOut) client.release()
      else this.handOver(waiter, undefined, client)
    }

    private release(client: PoolClient, err?: Error | boolean): void {
      client.on('error', client.idleListener!)
      client.uses++
      this.emit('release', err, client)
      if (err || this.ending || !client.isQueryable || client.uses >= this.options.maxUses || client.expired) {
        this.remove(client, () => this.pulse())
        return
      }
      const item: IdleItem = { client }
      if (this.options.idleTimeoutMillis && this.clients.length > this.options.min) {
        item.timer = scheduler.after(
          this.options.idleTimeoutMillis,
          () => {
            if (this.clients.length > this.options.min) this.remove(client, () => this.pulse())
          },
          this.instance ? { instance: this.instance, kind: 'internal' } : null,
        )
      }
      this.idle.push(item)
      this.idleChanged()
      this.pulse()
    }

    private remove(client: PoolClient, then?: () => void): void {
      const item = this.idle.find((i) => i.client === client)
      if (item) {
        scheduler.cancel(item.timer)
        this.idle = this.idle.filter((i) => i !== item)
        this.idleChanged()
      }
      scheduler.cancel(client.lifetimeTimer)
      this.clients = this.clients.filter((c) => c !== client)
      // 'remove' fires once the client has ended, as in pg-pool (after client.end()'s callback).
      void (client.end() as Promise<void>).then(() => {
        this.emit('remove', client)
        then?.()
      })
    }

    /** pg-pool's _pulseQueue: hand an idle client or a new one to the next waiter; finish end(). */
    private pulse(): void {
      if (this.ended) return
      if (this.ending) {
        for (const item of [...this.idle]) this.remove(item.client)
        if (!this.clients.length) {
          this.ended = true
          this.endCallback?.()
        }
        return
      }
      if (!this.waiters.length) return
      if (!this.idle.length && this.clients.length >= this.options.max) return
      const waiter = this.waiters.shift()!
      const item = this.idle.pop()
      if (item) {
        scheduler.cancel(item.timer)
        this.idleChanged()
        this.acquire(item.client, waiter)
        return
      }
      this.newClient(waiter)
    }

    /**
     * Resumes a waiting request at the same virtual moment but in its own context. Resolved in the
     * releaser's context, its continuation (and anything it hands to after()) would be filed under
     * the request that happened to free the client.
     */
    private handOver(waiter: Waiter, error: Error | undefined, client?: PoolClient): void {
      if (waiter.direct) waiter.settle(error, client)
      else
        scheduler.after(
          0,
          () => (waiter.timedOut ? client?.release() : waiter.settle(error, client)),
          waiter.context ?? null,
        )
    }

    private idleChanged(): void {
      if (this.attached) hooks.onPoolIdleChange(this.instance)
    }
  }

  const pg = { Pool, Client, DatabaseError, types, escapeIdentifier, escapeLiteral, defaults: { poolSize: 10 } }
  return { ...pg, default: pg, __esModule: true }
}

/** The oids a query's own `types` may parse differently from the lab's defaults. */
const OIDS_WORTH_PARSING = [
  16, 17, 20, 21, 23, 25, 114, 700, 701, 1082, 1114, 1184, 1700, 2950, 3802, 1005, 1007, 1016, 1231,
]

export type PgPoolLike = { attached: boolean; idleCount: number; instance?: InstanceHandle }
export type { ExecContext }
