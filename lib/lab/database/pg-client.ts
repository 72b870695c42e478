/** pg's `Client` (and the `PoolClient` a pool hands out) on a simulated server session. */
import type { Scheduler } from '../clock/scheduler'
import type { InstanceHandle } from '../clock/context'
import { Emitter } from './emitter'
import type { PgHooks } from './pg-module'
import {
  buffers,
  ms,
  OIDS_WORTH_PARSING,
  toPgResult,
  type Callback,
  type ClientConfig,
  type Parsers,
  type PgResult,
  type QueryConfig,
  type TypesLike,
} from './pg-types'
import { escapeIdentifier, escapeLiteral, prepareValue } from './pg-values'
import type { Session, SessionOptions } from './session'

export interface PgRuntime {
  hooks: PgHooks
  parsersFor: (own: TypesLike | undefined, fields: number[]) => Parsers | undefined
}

export function defineClient({ hooks, parsersFor }: PgRuntime) {
  const { scheduler, server } = hooks

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

  return { Client, PoolClient }
}
