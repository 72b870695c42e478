/** pg-pool's `Pool`: checkout, idle clients, waiters, max uses and lifetimes, errors and `end()`. */
import type { Scheduler } from '../clock/scheduler'
import type { ExecContext, InstanceHandle } from '../clock/context'
import { Emitter } from './emitter'
import type { defineClient, PgRuntime } from './pg-client'
import { ms, noop, type Callback, type PgResult, type PoolConfig, type QueryConfig } from './pg-types'

export function definePool({ hooks }: PgRuntime, { PoolClient }: ReturnType<typeof defineClient>) {
  const { scheduler } = hooks
  type PoolClient = InstanceType<typeof PoolClient>

  /**
   * Clients checked out of all of the run's pools (yours, and Prisma's adapter's, which uses this
   * `Pool`): each hand-over and return is a timeline event, drawn as connections in use.
   */
  let checkedOut = 0
  const checkout = (context: ExecContext | undefined, out: boolean) => {
    checkedOut += out ? 1 : -1
    const t = scheduler.now
    const instance = context?.instance ? { instance: context.instance.id } : {}
    hooks.server.emit(
      out
        ? {
            t,
            type: 'db-pool-checkout',
            checkedOut,
            ...instance,
            ...(context?.request ? { request: context.request.index } : {}),
          }
        : { t, type: 'db-pool-release', checkedOut, ...instance },
    )
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
      ;(client.connect() as Promise<PoolClient>).then(
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
      checkout(waiter.context, true)
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
      checkout(scheduler.current, false)
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

  return Pool
}
