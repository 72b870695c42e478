/**
 * The simulated serverless platform: routes requests to warm or new instances, runs the
 * proxy/middleware and the route handler, enforces maxDuration, runs after()/waitUntil work,
 * freezes idle instances and recycles them, and serves the shared response cache.
 */
import type { ExecContext, RequestHandle } from '../clock/context'
import { createRandom } from '../clock/random'
import type { Scheduler } from '../clock/scheduler'
import { createVirtualGlobals } from '../clock/virtual-globals'
import { createPgModule, type PgPoolLike } from '../database/pg-module'
import type { DatabaseServer } from '../database/server'
import { createNextCache } from '../modules/builtins/next-cache'
import { createNextHeaders } from '../modules/builtins/next-headers'
import { createNextServer } from '../modules/builtins/next-server'
import { createNextNavigation, NavigationSignal } from '../modules/builtins/next-navigation'
import { createNodeFs, LAB_CWD, path as nodePath } from '../modules/builtins/node-fs'
import { createLabWebSocket } from '../modules/builtins/web-socket'
// In the worker this is the npm `buffer` package; in Node (tests), Node's own module, same API.
import { Buffer } from 'buffer'
import { LAB_ORIGIN } from '../modules/builtins/origin'
import { toRuntimeError } from '../modules/errors'
import { LabFailure } from '../modules/transpile'
import { ModuleRegistry, type ProjectModules } from '../modules/registry'
import { matchRoute, type Route } from '../routing/match'
import { runPagesApi } from '../routing/pages-api'
import { ResponseWriter } from '../routing/response-writer'
import type { PlatformSettings, RequestResult, TimelineEvent } from '../types'
import type { WebSocketHub } from '../websocket/hub'
import { createUpgradeWebSocket } from '../websocket/upgrade'
import * as zod from 'zod'
import type { ConsoleSink } from './console-sink'
import type { Instance } from './instance'
import type { CachedResponse, PlatformCache } from './response-cache'

export const BUILTIN_MODULES = [
  'next',
  'next/server',
  'next/headers',
  'next/cache',
  'next/navigation',
  'pg',
  '@vercel/functions',
  'server-only',
  'zod',
  'fs',
  'fs/promises',
  'path',
  'buffer',
  'node:fs',
  'node:fs/promises',
  'node:path',
  'node:buffer',
] as const

/** Only Vercel has a Vercel request context: `VERCEL=1`, `waitUntil` and `attachDatabasePool` work on `fluid` alone. */
export function onVercel(settings: PlatformSettings): boolean {
  return settings.profile === 'fluid'
}

export interface RequestSpec {
  method: string
  path: string
  headers: Record<string, string>
  body?: string
}

export interface PlatformOptions {
  scheduler: Scheduler
  settings: PlatformSettings
  project: ProjectModules
  routes: Route[]
  proxy?: { file: string; matches: (pathname: string) => boolean }
  env: Record<string, string>
  server: DatabaseServer
  sink: ConsoleSink
  cache: PlatformCache
  emit: (e: TimelineEvent) => void
  seed: number
  maxResponseBytes: number
  /** The run's simulated WebSocket clients, for `experimental_upgradeWebSocket`. */
  webSockets: WebSocketHub
}

/** The reader's module exports; their shapes are only known at runtime. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type UserModule = Record<string, any>

type NextRequestClass = new (input: URL, init?: RequestInit) => Request

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']

export class Platform {
  readonly instances: Instance[] = []
  /** Plan requests, after() work and background refreshes still running; the run ends when 0. */
  pending = 0
  private waiting: Array<(inst: Instance) => void> = []
  private builtins: Record<string, unknown>
  private NextRequest: NextRequestClass
  private s: Scheduler

  constructor(private o: PlatformOptions) {
    this.s = o.scheduler
    const scheduler = o.scheduler
    const pg = createPgModule({
      scheduler,
      server: o.server,
      onPoolIdleChange: (inst) => inst && this.checkIdle(inst as Instance),
      onUnhandledError: (inst, error) =>
        o.sink.write(
          'error',
          inst?.id ?? 'build',
          undefined,
          `Unhandled 'error' event from pg: ${error.message}. Add pool.on('error', ...) to handle it.`,
        ),
    })
    const after = (task: unknown) => {
      const ctx = scheduler.current
      if (!ctx?.request || !ctx.instance) throw new Error('`after` was called outside a request scope.')
      ;(this.afterTasks.get(ctx.request) ?? this.afterTasks.set(ctx.request, []).get(ctx.request)!).push(task)
    }
    const vercel = onVercel(o.settings)
    // Off Vercel, @vercel/functions finds no request context and does nothing (its wait-until.ts and
    // db-connections/index.ts): the promise runs on, unwaited for, and no pool is attached.
    const waitUntil = (promise: unknown) => {
      const ctx = scheduler.current
      if (!vercel || !ctx?.instance) return
      void this.runBackground(ctx.instance as Instance, ctx.request, promise, 'waitUntil')
    }
    const nextServer = createNextServer({ scheduler, after })
    this.NextRequest = nextServer.NextRequest as NextRequestClass
    this.builtins = {
      next: { __esModule: true, default: {} },
      'next/server': nextServer,
      'next/headers': createNextHeaders(scheduler),
      'next/cache': createNextCache({
        cache: o.cache,
        warn: (m) => this.writeConsole('warn', m),
        background: (label, work) => {
          const ctx = scheduler.current
          if (ctx?.instance) void this.runBackground(ctx.instance as Instance, ctx.request, work, label)
          else void work()
        },
      }),
      pg,
      '@vercel/functions': {
        __esModule: true,
        waitUntil,
        attachDatabasePool: (pool: PgPoolLike) => {
          if (!vercel) return
          pool.attached = true
          const inst = (pool.instance ?? scheduler.current?.instance) as Instance | undefined
          if (inst && !inst.attachedPools.includes(pool)) inst.attachedPools.push(pool)
        },
        experimental_upgradeWebSocket: createUpgradeWebSocket({ scheduler, hub: o.webSockets, onVercel: vercel }),
        geolocation: () => ({}),
        ipAddress: () => '127.0.0.1',
      },
      'next/navigation': createNextNavigation(),
      'server-only': { __esModule: true },
      zod,
    }
    const { fs, promises } = createNodeFs(o.project.files, (text) => Buffer.from(text))
    const pathModule = { ...nodePath, default: nodePath, __esModule: true }
    const bufferModule = { Buffer, default: { Buffer }, __esModule: true }
    Object.assign(this.builtins, {
      fs,
      'node:fs': fs,
      'fs/promises': promises,
      'node:fs/promises': promises,
      path: pathModule,
      'node:path': pathModule,
      buffer: bufferModule,
      'node:buffer': bufferModule,
    })
  }

  private afterTasks = new Map<RequestHandle, unknown[]>()
  /** One class for every instance; its warning goes to the instance whose code opened the socket. */
  private WebSocket = createLabWebSocket((text) => this.writeConsole('warn', text))

  /** Handle one request end to end. `index` -1 marks internal requests (refreshes, fetch) not listed in results. */
  async handle(spec: RequestSpec, index: number): Promise<RequestResult> {
    const s = this.s
    const start = s.now
    const listed = index >= 0
    const method = spec.method.toUpperCase()
    const url = new URL(spec.path, LAB_ORIGIN)
    if (listed) this.o.emit({ t: start, type: 'request-start', request: index })
    const handle: RequestHandle = { index, dead: false, responded: false, databaseMs: 0, setCookies: [] }
    const base = { index, method, path: spec.path }
    const routeMatch = matchRoute(this.o.routes, url.pathname)
    const proxyRuns = !!this.o.proxy?.matches(url.pathname)

    if (!routeMatch && !proxyRuns)
      return this.finishWithout(
        base,
        start,
        404,
        { 'content-type': 'text/plain; charset=utf-8' },
        'This page could not be found.',
      )

    const cacheTtl = method === 'GET' && !proxyRuns ? routeMatch?.route.revalidateSeconds : undefined
    const cacheKey = url.pathname
    if (cacheTtl && listed) {
      const { freshness, entry } = this.o.cache.lookupRoute(cacheKey)
      this.o.cache.event(cacheKey, freshness)
      if (entry && freshness !== 'miss') {
        if (freshness === 'stale' && !entry.refreshing) {
          entry.refreshing = true
          this.o.cache.event(cacheKey, 'revalidate')
          this.pending++
          void this.handle({ method: 'GET', path: spec.path, headers: spec.headers }, -1).then((r) => {
            entry.refreshing = false
            if (r.status === 200 && !r.truncated) this.o.cache.storeRoute(cacheKey, toCached(r), cacheTtl * 1000)
            this.pending--
          })
        }
        const c = entry.value
        return this.finishWithout(
          base,
          start,
          c.status,
          { ...c.headers, 'x-vercel-cache': freshness === 'hit' ? 'HIT' : 'STALE' },
          c.body,
        )
      }
    }

    const files = [...(proxyRuns ? [this.o.proxy!.file] : []), ...(routeMatch ? [routeMatch.route.file] : [])]
    const { inst, queuedMs, cold } = await this.acquire(files)
    const accepted = start + queuedMs
    const ctx: ExecContext = { instance: inst, request: handle, kind: 'user' }
    if (inst.state === 'starting') await inst.ready
    const coldStartMs = s.now - accepted
    await s.sleep(0, ctx)
    const handlerStart = s.now
    const writer = new ResponseWriter(s, this.o.maxResponseBytes)
    writer.headOnly = method === 'HEAD'
    let error: RequestResult['error']
    let platformError: string | undefined

    const pendingEval = inst.registry.pendingCount(files)
    if (pendingEval > 0) await s.sleep(pendingEval * (this.o.settings.moduleEvalMs ?? 5), ctx)

    let maxDurationS = this.o.settings.maxDurationSeconds
    try {
      const routeMod = routeMatch ? (inst.registry.load(routeMatch.route.file) as UserModule) : undefined
      const own = routeMatch?.route.router === 'app' ? routeMod?.maxDuration : routeMod?.config?.maxDuration
      if (typeof own === 'number' && own > 0) maxDurationS = own
    } catch {
      // Reported below when the handler runs.
    }
    const timedOut = new Promise<void>((resolve) => {
      const timer = s.after(
        maxDurationS * 1000,
        () => {
          if (writer.ended) return
          handle.dead = true
          platformError = 'FUNCTION_INVOCATION_TIMEOUT'
          if (!writer.headersSent) {
            writer.status = 504
            writer.headers = new Headers({
              'content-type': 'text/plain; charset=utf-8',
              'x-vercel-error': 'FUNCTION_INVOCATION_TIMEOUT',
            })
            writer.body = 'An error occurred with your deployment\n\nFUNCTION_INVOCATION_TIMEOUT'
            writer.chunks = []
          }
          writer.closed = true
          this.writeConsole('error', `Task timed out after ${maxDurationS} seconds`, inst.id, index)
          // AWS Lambda resets the execution environment after a timeout: the runtime is shut down and
          // its sockets close, so Postgres rolls back what the handler left open. Vercel (Fluid) and a
          // `next start` server keep the process, and with it the connection and its transaction.
          if (this.o.settings.profile === 'lambda') this.resetAfterTimeout(inst)
          resolve()
        },
        null,
      )
      void writer.done.then(() => s.cancel(timer))
    })

    let router: Route['router'] | undefined
    const run = async () => {
      let path = url
      let headers = new Headers(spec.headers)
      const extraHeaders = new Headers()
      if (proxyRuns) {
        const mod = inst.registry.load(this.o.proxy!.file) as UserModule
        const fn = mod.proxy ?? mod.middleware ?? mod.default
        if (typeof fn !== 'function')
          throw new Error(
            `${this.o.proxy!.file} must export a function named \`proxy\` (or \`middleware\`) or a default function.`,
          )
        const NextRequest = this.NextRequest
        handle.request = new NextRequest(url, { method, headers })
        const res: Response | undefined = await fn(handle.request, {
          waitUntil: (p: unknown) => this.runBackground(inst, handle, p, 'waitUntil'),
        })
        if (res instanceof Response) {
          const rewrite = res.headers.get('x-middleware-rewrite')
          if (rewrite) path = new URL(rewrite)
          else if (!res.headers.get('x-middleware-next')) return writer.pump(res, method === 'HEAD')
          headers = new Headers(headers)
          for (const [k, v] of res.headers) {
            if (k.startsWith('x-middleware-request-')) headers.set(k.slice('x-middleware-request-'.length), v)
            else if (!k.startsWith('x-middleware-')) extraHeaders.append(k, v)
          }
        }
      }
      const m = path === url ? routeMatch : matchRoute(this.o.routes, path.pathname)
      if (!m) {
        writer.status = 404
        writer.headers.set('content-type', 'text/plain; charset=utf-8')
        writer.write('This page could not be found.')
        return writer.end()
      }
      for (const [k, v] of extraHeaders) writer.headers.append(k, v)
      router = m.route.router
      const mod = inst.registry.load(m.route.file) as UserModule
      // A module with a top-level await (in the route's graph) finishes evaluating first.
      if (inst.registry.evaluating) await inst.registry.settled()
      if (m.route.router === 'pages')
        return this.runPages(mod, m.route, path, method, headers, spec.body, m.params, writer, index)
      return this.runApp(mod, m.route, path, method, headers, spec.body, m.params, writer, handle)
    }

    void (async () => {
      try {
        await run()
      } catch (e) {
        if (handle.dead) return
        if (e instanceof LabFailure) {
          error = e.labError
          this.writeConsole('error', e.labError.message, inst.id, index)
        } else {
          error = toRuntimeError(e)
          this.writeConsole(
            'error',
            error.message + (error.file ? ` (at ${error.file}:${error.line}:${error.column})` : ''),
            inst.id,
            index,
          )
        }
        if (!writer.headersSent) {
          // As Next.js answers an uncaught error: the Pages Router's apiResolver sends the text
          // "Internal Server Error"; an App Router route handler answers 500 with no body.
          writer.status = 500
          writer.headers = new Headers()
          writer.body = ''
          writer.chunks = []
          if (router !== 'app') writer.write('Internal Server Error')
        }
        writer.end()
      }
    })()

    await Promise.race([writer.done, timedOut])
    if (handle.dead) handle.upgraded?.drop()
    handle.responded = true
    const end = s.now
    for (const c of handle.setCookies) writer.headers.append('set-cookie', c)
    if (listed) this.o.emit({ t: end, type: 'request-end', request: index, status: writer.status })
    inst.active--
    const tasks = this.afterTasks.get(handle) ?? []
    this.afterTasks.delete(handle)
    if (!handle.dead) for (const task of tasks) void this.runBackground(inst, handle, task, 'after')
    this.release(inst)

    const result: RequestResult = {
      ...base,
      status: writer.status,
      headers: headersRecord(writer.headers),
      body: writer.body,
      timing: { start, end, queuedMs, coldStartMs, handlerMs: end - handlerStart, databaseMs: handle.databaseMs },
      instance: inst.id,
      cold,
    }
    if (writer.truncated) {
      result.truncated = true
      this.writeConsole(
        'warn',
        `[lab budget] The response body was cut at ${formatBytes(this.o.maxResponseBytes)}, the lab's own limit for what it keeps of a response. Next.js sends the whole body.`,
        inst.id,
        listed ? index : undefined,
      )
    }
    // A body written in one piece is not a stream; several writes (or an SSE/NDJSON type) are.
    const streamed = writer.chunks.length > 1 || /event-stream|ndjson/.test(writer.headers.get('content-type') ?? '')
    if (streamed) result.chunks = writer.chunks
    if (platformError) result.platformError = platformError
    if (error) result.error = error
    if (cacheTtl && listed && result.status === 200 && !streamed && !writer.truncated) {
      this.o.cache.storeRoute(cacheKey, toCached(result), cacheTtl * 1000)
      result.headers['x-vercel-cache'] = 'MISS'
    }
    return result
  }

  private async runPages(
    mod: UserModule,
    route: Route,
    url: URL,
    method: string,
    headers: Headers,
    body: string | undefined,
    params: Record<string, string | string[]>,
    writer: ResponseWriter,
    index: number,
  ): Promise<void> {
    const handler = mod.default
    if (typeof handler !== 'function')
      throw new Error(`${route.file} has no default export; an API route must export a default function (req, res).`)
    await runPagesApi({
      handler,
      config: mod.config,
      method,
      url,
      headers,
      body,
      params,
      writer,
      revalidate: async (path) => this.o.cache.invalidatePath(path),
      warn: (text) => this.writeConsole('warn', text, undefined, index >= 0 ? index : undefined),
      toBuffer: (bytes) => Buffer.from(bytes),
    })
  }

  private async runApp(
    mod: UserModule,
    route: Route,
    url: URL,
    method: string,
    headers: Headers,
    body: string | undefined,
    params: Record<string, string | string[]>,
    writer: ResponseWriter,
    handle: RequestHandle,
  ): Promise<void> {
    const exported = HTTP_METHODS.filter((m) => typeof mod[m] === 'function')
    const allow = [...new Set([...exported, ...(exported.includes('GET') ? ['HEAD'] : []), 'OPTIONS'])]
      .sort()
      .join(', ')
    // Next's app-route module answers a method name it does not know with a bare 400.
    if (!HTTP_METHODS.includes(method)) {
      writer.status = 400
      return writer.end()
    }
    let fn = mod[method]
    if (typeof fn !== 'function' && method === 'HEAD') fn = mod.GET
    if (typeof fn !== 'function') {
      // As Next.js 16 does: the automatic OPTIONS lists the methods; the automatic 405 is bare.
      if (method === 'OPTIONS') {
        writer.status = 204
        writer.headers.set('allow', allow)
      } else {
        writer.status = 405
      }
      return writer.end()
    }
    const NextRequest = this.NextRequest
    // `dynamic = 'force-static'`: the handler gets an empty request (no search params, headers or
    // cookies), as app-route's forceStaticRequestHandlers give it, so its one answer suits everyone.
    const forceStatic = route.forceStatic === true
    const requestUrl = forceStatic ? new URL(url.pathname, url.origin) : url
    const request = new NextRequest(requestUrl, {
      method,
      headers: forceStatic ? new Headers() : headers,
      body: method === 'GET' || method === 'HEAD' ? undefined : body,
    })
    handle.request = request
    // A route with no dynamic segment gets no params (`params` is undefined), as in Next.js.
    const dynamic = route.segments.some((seg) => seg.kind !== 'static')
    let response: unknown
    try {
      response = await fn(request, { params: dynamic ? Promise.resolve(params) : undefined })
    } catch (e) {
      if (!(e instanceof NavigationSignal)) throw e
      // redirect()/permanentRedirect()/notFound() from next/navigation, answered as Next.js does.
      response = new Response(null, { status: e.status, headers: e.location ? { location: e.location } : {} })
    }
    // An upgraded WebSocket: the client got 101, and the function runs until the connection closes.
    if (handle.upgraded) {
      writer.status = 101
      writer.headersSent = true
      await handle.upgraded.closed
      return writer.end()
    }
    if (!(response instanceof Response)) {
      // Next.js answers 500 with no body and logs nothing; the lab says why, as a hint.
      this.writeConsole(
        'warn',
        `[lab hint] No response is returned from route handler '${route.file}', so Next.js answers 500. Ensure you return a \`Response\` or a \`NextResponse\` in all branches of your handler.`,
      )
      writer.status = 500
      return writer.end()
    }
    if (response.headers.get('x-middleware-next') === '1')
      throw new Error(
        'NextResponse.next() was used in a app route handler, this is not supported. See here for more info: https://nextjs.org/docs/messages/next-response-next-in-app-route-handler',
      )
    if (response.headers.has('x-middleware-rewrite'))
      throw new Error(
        'NextResponse.rewrite() was used in a app route handler, this is not currently supported. Please remove the invocation to continue.',
      )
    await writer.pump(response, method === 'HEAD')
  }

  /** A response the platform produces without an instance (404, cache hit). */
  private finishWithout(
    base: Pick<RequestResult, 'index' | 'method' | 'path'>,
    start: number,
    status: number,
    headers: Record<string, string>,
    body: string,
  ): RequestResult {
    if (base.index >= 0) this.o.emit({ t: start, type: 'request-end', request: base.index, status })
    return {
      ...base,
      status,
      headers,
      body,
      timing: { start, end: start, queuedMs: 0, coldStartMs: 0, handlerMs: 0, databaseMs: 0 },
      cold: false,
    }
  }

  /** after() / waitUntil / background refresh: keeps the instance running until done, bounded by maxDuration. */
  async runBackground(inst: Instance, request: RequestHandle | undefined, task: unknown, label: string): Promise<void> {
    const s = this.s
    inst.background++
    this.pending++
    const ev: TimelineEvent = { t: s.now, type: 'after-start', instance: inst.id }
    if (request && request.index >= 0) ev.request = request.index
    this.o.emit(ev)
    const ctx: ExecContext = { instance: inst, request, kind: 'after' }
    await s.sleep(0, ctx)
    let finished = false
    const deadline = new Promise<void>((resolve) =>
      s.after(
        this.o.settings.maxDurationSeconds * 1000,
        () => {
          if (finished) return
          const lost: TimelineEvent = {
            t: s.now,
            type: 'background-lost',
            instance: inst.id,
            what: `${label} exceeded maxDuration`,
          }
          if (request && request.index >= 0) lost.request = request.index
          this.o.emit(lost)
          resolve()
        },
        null,
      ),
    )
    const work = (async () => {
      try {
        await (typeof task === 'function' ? (task as () => unknown)() : task)
      } catch (e) {
        this.writeConsole(
          'error',
          toRuntimeError(e).message,
          inst.id,
          request && request.index >= 0 ? request.index : undefined,
        )
      }
    })()
    await Promise.race([work, deadline])
    finished = true
    const endEv: TimelineEvent = { t: s.now, type: 'after-end', instance: inst.id }
    if (request && request.index >= 0) endEv.request = request.index
    this.o.emit(endEv)
    inst.background--
    this.pending--
    this.release(inst)
  }

  private async acquire(files: string[]): Promise<{ inst: Instance; queuedMs: number; cold: boolean }> {
    const arrive = this.s.now
    let inst = this.instances.find((i) => this.available(i))
    if (inst) this.take(inst)
    else if (this.instances.filter((i) => !i.recycled).length < this.o.settings.maxInstances) {
      inst = this.createInstance()
      this.take(inst)
      void this.startInstance(inst, files)
    } else {
      inst = await new Promise<Instance>((resolve) => this.waiting.push(resolve))
    }
    return { inst, queuedMs: this.s.now - arrive, cold: inst.state === 'starting' }
  }

  private available(i: Instance): boolean {
    if (i.recycled || i.active >= this.o.settings.maxConcurrencyPerInstance) return false
    if (this.o.settings.profile === 'lambda') return i.state === 'ready' && i.background === 0
    return true
  }

  private take(inst: Instance): void {
    inst.active++
    inst.idleToken++
    if (inst.frozen) {
      inst.frozen = false
      this.s.thaw(inst)
    }
  }

  private release(inst: Instance): void {
    while (this.waiting.length && this.available(inst)) {
      this.take(inst)
      this.waiting.shift()!(inst)
    }
    this.checkIdle(inst)
  }

  private createInstance(): Instance {
    const number = this.instances.length + 1
    const id = this.o.settings.profile === 'server' ? `node${number}` : `λ${number}`
    let markReady!: () => void
    const ready = new Promise<void>((resolve) => (markReady = resolve))
    const inst = {
      id,
      number,
      frozen: false,
      recycled: false,
      deferred: [],
      state: 'starting',
      active: 0,
      background: 0,
      ready,
      markReady,
      idleToken: 0,
      attachedPools: [],
    } as unknown as Instance
    const globals = createVirtualGlobals(this.s, inst, createRandom(this.o.seed * 7919 + number), (e) =>
      this.writeConsole('error', `Uncaught ${toRuntimeError(e).message}`, id),
    )
    const scope: Record<string, unknown> = {
      ...globals,
      console: this.o.sink.consoleFor(id),
      process: {
        env: { NODE_ENV: 'production', ...(onVercel(this.o.settings) ? { VERCEL: '1' } : {}), ...this.o.env },
        nextTick: (fn: (...a: unknown[]) => void, ...a: unknown[]) => queueMicrotask(() => fn(...a)),
        cwd: () => LAB_CWD,
        platform: 'linux',
        version: 'v22.12.0',
        versions: { node: '22.12.0' },
        on: () => undefined,
        once: () => undefined,
        exit: () => {
          throw new Error('process.exit() is not available in a serverless function.')
        },
      },
      fetch: (input: RequestInfo | URL, init?: RequestInit) => this.fetch(input, init),
      window: undefined,
      document: undefined,
      self: undefined,
      postMessage: undefined,
      importScripts: undefined,
      XMLHttpRequest: undefined,
      WebSocket: this.WebSocket,
      Buffer,
      localStorage: undefined,
      indexedDB: undefined,
    }
    inst.registry = new ModuleRegistry(this.o.project, this.builtins, scope)
    this.instances.push(inst)
    return inst
  }

  private async startInstance(inst: Instance, files: string[]): Promise<void> {
    const s = this.s
    this.o.emit({ t: s.now, type: 'instance-start', instance: inst.id })
    const evalMs = inst.registry.pendingCount(files) * (this.o.settings.moduleEvalMs ?? 5)
    const coldStart = this.o.settings.profile === 'server' && inst.number > 1 ? 0 : this.o.settings.coldStartMs
    await s.sleep(coldStart + evalMs, { instance: inst, kind: 'internal' })
    for (const f of files) {
      try {
        inst.registry.load(f)
      } catch {
        // The request that needs this module reports the error.
      }
    }
    inst.state = 'ready'
    this.o.emit({ t: s.now, type: 'instance-ready', instance: inst.id })
    inst.markReady()
  }

  private checkIdle(inst: Instance): void {
    if (inst.recycled || inst.active > 0 || inst.background > 0 || inst.state !== 'ready') return
    if (inst.attachedPools.some((p) => p.idleCount > 0)) return
    const token = ++inst.idleToken
    const { freezeAfterIdleMs, recycleAfterIdleMs } = this.o.settings
    if (Number.isFinite(freezeAfterIdleMs) && !inst.frozen) {
      this.s.after(freezeAfterIdleMs, () => token === inst.idleToken && this.freeze(inst), null)
    }
    if (Number.isFinite(recycleAfterIdleMs)) {
      this.s.after(recycleAfterIdleMs, () => token === inst.idleToken && this.recycle(inst), null)
    }
  }

  private freeze(inst: Instance): void {
    if (inst.frozen || inst.recycled) return
    const seen = new Set<string>()
    for (const ev of this.s.pendingFor(inst)) {
      if (ev.ctx?.kind === 'internal') continue
      const what = ev.what ?? 'pending work'
      const req = ev.ctx?.request && ev.ctx.request.index >= 0 ? ev.ctx.request.index : undefined
      const key = `${req}:${what}`
      if (seen.has(key)) continue
      seen.add(key)
      const lost: TimelineEvent = { t: this.s.now, type: 'background-lost', instance: inst.id, what }
      if (req !== undefined) lost.request = req
      this.o.emit(lost)
    }
    inst.frozen = true
    this.o.emit({ t: this.s.now, type: 'instance-freeze', instance: inst.id })
  }

  private resetAfterTimeout(inst: Instance): void {
    this.o.server.closeSessionsOf(inst.id)
    this.recycle(inst)
  }

  private recycle(inst: Instance): void {
    if (inst.recycled) return
    inst.recycled = true
    inst.deferred = []
    this.o.emit({
      t: this.s.now,
      type: 'instance-recycle',
      instance: inst.id,
      leakedConnections: this.o.server.openSessionsOf(inst.id),
    })
  }

  /** fetch() from user code: same-origin goes to the simulated routes; the lab has no network. */
  private async fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const req = new Request(typeof input === 'string' ? new URL(input, LAB_ORIGIN) : input, init)
    const url = new URL(req.url)
    if (url.origin !== LAB_ORIGIN) {
      throw new TypeError(
        `fetch failed: ${url.origin} is not reachable from the lab (no network). Only this app's own routes (relative URLs or ${LAB_ORIGIN}) can be fetched.`,
      )
    }
    const body = req.body ? await this.s.track(req.text()) : undefined
    const headers: Record<string, string> = {}
    req.headers.forEach((v, k) => (headers[k] = v))
    this.pending++
    const r = await this.handle({ method: req.method, path: url.pathname + url.search, headers, body }, -1)
    this.pending--
    const hasBody = !(r.status === 204 || r.status === 304 || req.method === 'HEAD')
    return new Response(hasBody ? r.body : null, { status: r.status, headers: r.headers })
  }

  private writeConsole(level: 'warn' | 'error', text: string, instance?: string, request?: number): void {
    const ctx = this.s.current
    this.o.sink.write(
      level,
      instance ?? ctx?.instance?.id ?? 'build',
      request ?? (ctx?.request && ctx.request.index >= 0 ? ctx.request.index : undefined),
      text,
    )
  }
}

function formatBytes(n: number): string {
  return n % (1024 * 1024) === 0 ? `${n / (1024 * 1024)} MB` : `${Math.round(n / 1024)} kB`
}

function headersRecord(h: Headers): Record<string, string> {
  const out: Record<string, string> = {}
  h.forEach((v, k) => {
    if (k !== 'set-cookie') out[k] = v
  })
  const cookies = h.getSetCookie()
  if (cookies.length) out['set-cookie'] = cookies.join('\n')
  return out
}

function toCached(r: RequestResult): CachedResponse {
  return { status: r.status, headers: { ...r.headers }, body: r.body }
}
