/**
 * The `pg` module user code imports: Pool and Client with the real package's names, defaults and
 * events, talking to the simulated server. Promise API only (no callbacks).
 */
import type { Scheduler } from '../clock/scheduler'
import type { ExecContext, InstanceHandle } from '../clock/context'
import { Emitter } from './emitter'
import { connectionTerminated, DatabaseError } from './errors'
import type { QueryResult } from './pglite'
import type { DatabaseServer, Session } from './server'

export interface PgHooks {
  scheduler: Scheduler
  server: DatabaseServer
  /** A pool's idle client count changed (attachDatabasePool keeps an instance alive while > 0). */
  onPoolIdleChange(instance: InstanceHandle | undefined): void
  /** Report an 'error' event nobody listens to (real Node would crash the process). */
  onUnhandledError(instance: InstanceHandle | undefined, error: Error): void
}

interface PgResult {
  rows: unknown[]
  rowCount: number | null
  fields: Array<{ name: string; dataTypeID: number }>
  command: string
  oid: null
}

type QueryArg = string | { text: string; values?: unknown[]; rowMode?: 'array' }

interface ClientConfig {
  connectionString?: string
  host?: string
  user?: string
  password?: string
  database?: string
  port?: number
  ssl?: unknown
  [key: string]: unknown
}

interface PoolConfig extends ClientConfig {
  max?: number
  min?: number
  idleTimeoutMillis?: number
  connectionTimeoutMillis?: number
  allowExitOnIdle?: boolean
  maxUses?: number
}

function toPgResult(r: QueryResult): PgResult {
  const command = (r as { command?: string }).command ?? 'SELECT'
  const rowCount = command === 'SELECT' || r.rows.length ? r.rows.length : (r.affectedRows ?? 0)
  return {
    rows: r.rows,
    rowCount,
    fields: r.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })),
    command,
    oid: null,
  }
}

export function createPgModule(hooks: PgHooks): Record<string, unknown> {
  const { scheduler, server } = hooks

  class Client extends Emitter {
    protected session?: Session
    private connecting?: Promise<void>
    private chain: Promise<unknown> = Promise.resolve()
    private ended = false
    readonly instance: InstanceHandle | undefined
    readonly connectionParameters: ClientConfig

    constructor(config: ClientConfig | string = {}) {
      super()
      this.connectionParameters = typeof config === 'string' ? { connectionString: config } : { ...config }
      this.instance = scheduler.current?.instance
    }

    connect(): Promise<void> {
      if (this.connecting)
        return Promise.reject(new Error('Client has already been connected. You cannot reuse a client.'))
      const ctx = scheduler.current
      this.connecting = server.connect(ctx).then((session) => {
        this.session = session
        session.onServerClose = (error) => {
          this.ended = true
          if (!this.emit('error', error)) hooks.onUnhandledError(this.instance, error)
        }
      })
      return this.connecting
    }

    query(arg: QueryArg, values?: unknown[]): Promise<PgResult | PgResult[]> {
      const text = typeof arg === 'string' ? arg : arg.text
      const vals = values ?? (typeof arg === 'object' ? arg.values : undefined)
      const rowMode = typeof arg === 'object' && arg.rowMode === 'array' ? 'array' : 'object'
      if (typeof text !== 'string') return Promise.reject(new TypeError('Client was passed a null or undefined query'))
      const ctx = scheduler.current
      const run = async () => {
        if (!this.session) {
          if (!this.connecting) throw new Error('Client was not connected; call client.connect() first')
          await this.connecting
        }
        if (this.ended || !this.session!.open) throw connectionTerminated()
        const results = await server.query(this.session!, text, vals, rowMode, ctx)
        const mapped = results.map(toPgResult)
        return mapped.length === 1 ? mapped[0] : mapped
      }
      // pg runs one query at a time per client, in order.
      const p = this.chain.then(run, run)
      this.chain = p.catch(() => undefined)
      return p
    }

    end(): Promise<void> {
      this.ended = true
      if (this.session) server.close(this.session)
      this.emit('end')
      return scheduler.sleep(0)
    }

    get isOpen(): boolean {
      return !!this.session?.open && !this.ended
    }
  }

  class PoolClient extends Client {
    released = false
    idleTimer?: ReturnType<Scheduler['schedule']>
    release: (err?: Error | boolean) => void = () => {}
  }

  interface Waiter {
    resolve: (c: PoolClient) => void
    reject: (e: Error) => void
    timer?: ReturnType<Scheduler['schedule']>
    /** Who asked: the client is handed over in that request's context, not in the releaser's. */
    context: ExecContext | undefined
  }

  class Pool extends Emitter {
    readonly options: Required<Pick<PoolConfig, 'max' | 'idleTimeoutMillis' | 'connectionTimeoutMillis'>> & PoolConfig
    readonly instance: InstanceHandle | undefined
    private clients: PoolClient[] = []
    private idle: PoolClient[] = []
    private waiters: Waiter[] = []
    ending = false
    ended = false
    attached = false

    constructor(config: PoolConfig = {}) {
      super()
      this.options = { max: 10, idleTimeoutMillis: 10_000, connectionTimeoutMillis: 0, ...config }
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
      return 0
    }

    connect(): Promise<PoolClient> {
      if (this.ending) return Promise.reject(new Error('Cannot use a pool after calling end on the pool'))
      const idle = this.idle.pop()
      if (idle) {
        scheduler.cancel(idle.idleTimer)
        idle.released = false
        this.idleChanged()
        this.emit('acquire', idle)
        return Promise.resolve(idle)
      }
      if (this.clients.length < this.options.max) return this.newClient()
      return new Promise<PoolClient>((resolve, reject) => {
        const waiter: Waiter = { resolve, reject, context: scheduler.current }
        if (this.options.connectionTimeoutMillis > 0) {
          waiter.timer = scheduler.after(
            this.options.connectionTimeoutMillis,
            () => {
              this.waiters = this.waiters.filter((w) => w !== waiter)
              reject(new Error('timeout exceeded when trying to connect'))
            },
            scheduler.current,
          )
        }
        this.waiters.push(waiter)
      })
    }

    async query(arg: QueryArg, values?: unknown[]): Promise<PgResult | PgResult[]> {
      const client = await this.connect()
      try {
        const result = await client.query(arg, values)
        client.release()
        return result
      } catch (error) {
        client.release(error instanceof DatabaseError ? undefined : (error as Error))
        throw error
      }
    }

    async end(): Promise<void> {
      this.ending = true
      for (const c of [...this.idle]) this.remove(c)
      this.ended = true
      await scheduler.sleep(0)
    }

    private newClient(): Promise<PoolClient> {
      const client = new PoolClient(this.options)
      this.clients.push(client)
      client.release = (err) => this.release(client, err)
      client.on('error', (error) => {
        // pg-pool: an idle client's error removes it and is re-emitted on the pool.
        this.remove(client)
        if (!this.emit('error', error, client)) hooks.onUnhandledError(this.instance, error as Error)
      })
      return client.connect().then(
        () => {
          this.emit('connect', client)
          this.emit('acquire', client)
          return client
        },
        (error: Error) => {
          this.clients = this.clients.filter((c) => c !== client)
          this.pulse()
          throw error
        },
      )
    }

    private release(client: PoolClient, err?: Error | boolean): void {
      if (client.released) throw new Error('Release called on client which has already been released to the pool.')
      client.released = true
      this.emit('release', err instanceof Error ? err : undefined, client)
      if (err || !client.isOpen || this.ending) {
        this.remove(client)
        this.pulse()
        return
      }
      const waiter = this.waiters.shift()
      if (waiter) {
        scheduler.cancel(waiter.timer)
        client.released = false
        this.emit('acquire', client)
        this.handOver(waiter, () => waiter.resolve(client))
        return
      }
      this.idle.push(client)
      if (this.options.idleTimeoutMillis > 0) {
        client.idleTimer = scheduler.after(
          this.options.idleTimeoutMillis,
          () => this.remove(client),
          this.instance ? { instance: this.instance, kind: 'internal' } : null,
        )
      }
      this.idleChanged()
    }

    private remove(client: PoolClient): void {
      scheduler.cancel(client.idleTimer)
      const wasIdle = this.idle.includes(client)
      this.idle = this.idle.filter((c) => c !== client)
      if (!this.clients.includes(client)) return
      this.clients = this.clients.filter((c) => c !== client)
      void client.end()
      this.emit('remove', client)
      if (wasIdle) this.idleChanged()
    }

    /** Capacity freed: start a client for the next waiter. */
    private pulse(): void {
      if (!this.waiters.length || this.ending) return
      if (this.idle.length || this.clients.length >= this.options.max) return
      const waiter = this.waiters.shift()!
      scheduler.cancel(waiter.timer)
      this.newClient().then(
        (client) => this.handOver(waiter, () => waiter.resolve(client)),
        (error: Error) => this.handOver(waiter, () => waiter.reject(error)),
      )
    }

    /**
     * Resumes a waiting request at the same virtual moment but in its own context. Resolved in the
     * releaser's context, its continuation (and anything it hands to after()) would be filed under
     * the request that happened to free the client.
     */
    private handOver(waiter: Waiter, settle: () => void): void {
      scheduler.after(0, settle, waiter.context ?? null)
    }

    private idleChanged(): void {
      if (this.attached) hooks.onPoolIdleChange(this.instance)
    }
  }

  const types = {
    setTypeParser: () => {},
    getTypeParser: () => (v: string) => v,
    builtins: { INT8: 20, NUMERIC: 1700, DATE: 1082, TIMESTAMP: 1114, TIMESTAMPTZ: 1184 },
  }
  const pg = { Pool, Client, DatabaseError, types, defaults: { poolSize: 10 } }
  return { ...pg, default: pg, __esModule: true }
}

export type PgPoolLike = { attached: boolean; idleCount: number; instance?: InstanceHandle }
export type { ExecContext }
