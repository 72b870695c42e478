/**
 * The real Postgres the verify app talks to, one schema per example variant.
 *
 * - Embedded (default): one PGlite (Postgres 17 in WebAssembly) served over the Postgres wire
 *   protocol with `@electric-sql/pglite-socket`'s connection handler. PGlite has ONE session for
 *   every connection, so a per-connection `search_path` is impossible in the usual way. Instead
 *   every variant gets its own TCP port; the shared query queue below knows which port (and so
 *   which schema) each connection came in on, and runs `SET search_path` before a message whenever
 *   the schema changes. Creating one PGlite per example would cost ~230 MB and several seconds each.
 * - External (`DATABASE_URL` set): any Postgres server. Each variant gets schema `verify_<n>` and a
 *   connection string with `options=-c search_path=verify_<n>`, so nothing outside those schemas is touched.
 *
 * Either way `reset(key)` drops and recreates the variant's schema and runs its `db/schema.sql`
 * and `db/seed.sql`, so every variant starts from exactly the rows the lab engine starts from.
 */
import { createServer, type Server, type Socket } from 'node:net'
import pg from 'pg'
import { PGlite } from '@electric-sql/pglite'
import { PGLiteSocketHandler } from '@electric-sql/pglite-socket'

export interface VariantDatabase {
  key: string
  schemaSql: string
  seedSql: string
}

export interface Database {
  /** What the report prints: `embedded PGlite …` or the external server's host. */
  label: string
  /** Connection string per variant key, handed to the app through `VERIFY_DATABASE_URLS`. */
  urls: Record<string, string>
  /** Schema per variant key, handed to the app through `VERIFY_DATABASE_SCHEMAS` (Prisma's adapter needs it, see mount.ts). */
  schemas: Record<string, string>
  /** Resolves once every variant's schema exists and is seeded (the build may prerender against it). */
  ready: Promise<void>
  reset(key: string): Promise<void>
  close(): Promise<void>
}

export function schemaName(index: number): string {
  return `verify_${index}`
}

function resetSql(schema: string, v: VariantDatabase): string {
  return [
    `DROP SCHEMA IF EXISTS "${schema}" CASCADE;`,
    `CREATE SCHEMA "${schema}";`,
    `SET search_path TO "${schema}";`,
    v.schemaSql,
    v.seedSql,
  ].join('\n')
}

// ---------------------------------------------------------------------------------------------
// Embedded: PGlite + pglite-socket handlers, one port per variant, one shared queue.

interface QueueItem {
  handlerId: number
  run: () => Promise<void>
  resolve: (bytes: number) => void
  reject: (error: unknown) => void
}

/**
 * A replacement for pglite-socket's internal QueryQueueManager (same contract: `PGLiteSocketHandler`
 * calls `enqueue`, `clearQueueForHandler`, `clearTransactionIfNeeded`, `getQueueLength`), plus the
 * per-handler schema switch. Like the original, while PGlite is inside a transaction only messages
 * from the connection that opened it run.
 */
class SchemaQueue {
  private queue: QueueItem[] = []
  private processing = false
  private lastHandlerId: number | null = null
  private currentSchema: string | null = null
  readonly schemaOf = new Map<number, string>()

  constructor(
    private readonly db: Promise<PGlite>,
    private readonly ready: Promise<void>,
  ) {}

  private async useSchema(db: PGlite, schema: string | undefined) {
    if (!schema || schema === this.currentSchema || db.isInTransaction()) return
    await db.exec(`SET search_path TO "${schema}"`)
    this.currentSchema = schema
  }

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      let bytes = 0
      const run = async () => {
        const db = await this.db
        await this.useSchema(db, this.schemaOf.get(handlerId))
        await db.runExclusive(() =>
          db.execProtocolRawStream(message, {
            onRawData: (data: Uint8Array) => {
              bytes += data.length
              onData(data)
            },
          }),
        )
      }
      this.queue.push({ handlerId, run, resolve: () => resolve(bytes), reject })
      void this.process()
    })
  }

  /** Runs `fn` alone on the database (setup and resets), with the search_path it leaves noted. */
  exclusive(schema: string | null, fn: (db: PGlite) => Promise<void>): Promise<void> {
    return new Promise((resolve, reject) => {
      const run = async () => {
        const db = await this.db
        await fn(db)
        this.currentSchema = schema
      }
      this.queue.push({ handlerId: -1, run, resolve: () => resolve(), reject })
      void this.process()
    })
  }

  private async process() {
    if (this.processing) return
    this.processing = true
    await this.ready.catch(() => {})
    try {
      while (this.queue.length > 0) {
        const db = await this.db
        let item: QueueItem | undefined
        if (db.isInTransaction() && this.lastHandlerId !== null) {
          const index = this.queue.findIndex((q) => q.handlerId === this.lastHandlerId)
          if (index === -1) break
          item = this.queue.splice(index, 1)[0]
        } else item = this.queue.shift()
        if (!item) break
        try {
          await item.run()
          this.lastHandlerId = item.handlerId
          item.resolve(0)
        } catch (error) {
          item.reject(error)
        }
      }
    } finally {
      this.processing = false
    }
  }

  getQueueLength() {
    return this.queue.length
  }

  clearQueueForHandler(handlerId: number) {
    this.queue = this.queue.filter((q) => {
      if (q.handlerId !== handlerId) return true
      q.reject(new Error('Handler disconnected'))
      return false
    })
  }

  async clearTransactionIfNeeded(handlerId: number) {
    const db = await this.db
    if (db.isInTransaction() && this.lastHandlerId === handlerId) {
      await db.exec('ROLLBACK')
      this.lastHandlerId = null
      void this.process()
    }
  }
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      if (address === null || typeof address !== 'object') return reject(new Error('no address'))
      resolve(address.port)
    })
  })
}

export async function startEmbedded(variants: VariantDatabase[]): Promise<Database> {
  const dbPromise = PGlite.create()
  let markReady!: () => void
  let failReady!: (error: unknown) => void
  const gate = new Promise<void>((resolve, reject) => {
    markReady = resolve
    failReady = reject
  })
  const queue = new SchemaQueue(dbPromise, gate)
  const servers: Server[] = []
  const sockets = new Set<Socket>()
  const urls: Record<string, string> = {}
  const schemaOfKey = new Map<string, string>()

  for (const [index, variant] of variants.entries()) {
    const schema = schemaName(index)
    schemaOfKey.set(variant.key, schema)
    const server = createServer((socket) => {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
      const handler = new PGLiteSocketHandler({
        // The handler only calls the queue methods SchemaQueue implements.
        queryQueue: queue as unknown as ConstructorParameters<typeof PGLiteSocketHandler>[0]['queryQueue'],
        closeOnDetach: true,
      })
      queue.schemaOf.set(handler.handlerId, schema)
      handler.addEventListener('close', () => queue.schemaOf.delete(handler.handlerId))
      void handler.attach(socket)
    })
    servers.push(server)
    const port = await listen(server)
    urls[variant.key] = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`
  }

  // Setup runs before any client message: `process()` waits for the gate, and the setup job is
  // queued first and run by hand here.
  const ready = (async () => {
    const db = await dbPromise
    for (const variant of variants) await db.exec(resetSql(schemaOfKey.get(variant.key)!, variant))
  })()
  ready.then(markReady, failReady)

  const byKey = new Map(variants.map((v) => [v.key, v]))
  return {
    label: 'embedded PGlite (Postgres 17, WebAssembly) over the wire protocol, one port and schema per example',
    urls,
    schemas: Object.fromEntries(schemaOfKey),
    ready,
    reset: (key) =>
      queue.exclusive(schemaOfKey.get(key)!, (db) =>
        db.exec(resetSql(schemaOfKey.get(key)!, byKey.get(key)!)).then(() => {}),
      ),
    async close() {
      for (const socket of sockets) socket.destroy()
      await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))))
      const db = await dbPromise.catch(() => null)
      await db?.close().catch(() => {})
    },
  }
}

// ---------------------------------------------------------------------------------------------
// External: any Postgres server through `DATABASE_URL`.

export async function startExternal(databaseUrl: string, variants: VariantDatabase[]): Promise<Database> {
  const urls: Record<string, string> = {}
  const schemaOfKey = new Map<string, string>()
  for (const [index, variant] of variants.entries()) {
    const schema = schemaName(index)
    schemaOfKey.set(variant.key, schema)
    const url = new URL(databaseUrl)
    url.searchParams.set('options', `-c search_path=${schema}`)
    urls[variant.key] = url.toString()
  }
  const admin = new pg.Client({ connectionString: databaseUrl })
  await admin.connect()
  const byKey = new Map(variants.map((v) => [v.key, v]))
  const reset = async (key: string) => {
    await admin.query(resetSql(schemaOfKey.get(key)!, byKey.get(key)!))
  }
  const ready = (async () => {
    for (const variant of variants) await reset(variant.key)
  })()
  const host = new URL(databaseUrl)
  return {
    label: `external Postgres at ${host.hostname}:${host.port || 5432}${host.pathname} (schemas verify_0…verify_${variants.length - 1})`,
    urls,
    schemas: Object.fromEntries(schemaOfKey),
    ready,
    reset,
    async close() {
      await admin.end().catch(() => {})
    },
  }
}
