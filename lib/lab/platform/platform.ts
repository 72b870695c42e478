/**
 * The simulated serverless platform: takes one request end to end. It serves from the shared
 * response cache or hands the request to an instance (`instance-pool.ts`), runs the proxy and the
 * route under maxDuration (`request-timeout.ts`), turns a thrown error into the 500 Next.js sends,
 * starts after()/waitUntil work (`background.ts`) and turns what happened into a `RequestResult`
 * (`request-result.ts`). The modules the reader's code imports are built in `modules/builtins/`.
 */
import type { ExecContext, RequestHandle } from '../clock/context'
import type { Scheduler } from '../clock/scheduler'
import type { DatabaseServer } from '../database/server'
import type { NextRequestClass, QueueModules } from '../modules/builtins'
import { LAB_ORIGIN } from '../modules/builtins/origin'
import { createLabWebSocket } from '../modules/builtins/web-socket'
import { toRuntimeError } from '../modules/errors'
import { ModuleRegistry, type ProjectModules } from '../modules/registry'
import { LabFailure } from '../modules/transpile'
import { runAppRoute } from '../routing/app-route'
import { matchRoute, type Route, type RouteMatch } from '../routing/match'
import { runPagesRoute } from '../routing/pages-route'
import { ResponseWriter } from '../routing/response-writer'
import type { LabError, PlatformSettings, RequestResult, TimelineEvent } from '../types'
import type { WebSocketHub } from '../websocket/hub'
import { createAppFetch } from './app-fetch'
import { BackgroundWork } from './background'
import { platformBuiltins } from './builtins-wiring'
import { serveFromCache } from './cached-route'
import type { ConsoleSink } from './console-sink'
import type { Instance } from './instance'
import { InstancePool } from './instance-pool'
import { createInstanceScope } from './instance-scope'
import type { RequestSpec } from '../scenario/expand'
import type { PendingWork } from './pending-work'
import { forwardProxyHeaders, proxyFunction } from './proxy-step'
import {
  formatBytes,
  isStreamed,
  resultFromWriter,
  resultWithoutInstance,
  toCached,
  type ResultBase,
} from './request-result'
import type { PlatformCache } from './response-cache'
import { maxDurationFor, startTimeout } from './request-timeout'

/** Only Vercel has a Vercel request context: `VERCEL=1`, `waitUntil` and `attachDatabasePool` work on `fluid` alone. */
export function onVercel(settings: PlatformSettings): boolean {
  return settings.profile === 'fluid'
}

export type { RequestSpec } from '../scenario/expand'

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
  /** The run's pending work: the platform counts its refreshes, fetches and background work there. */
  work: PendingWork
  emit: (e: TimelineEvent) => void
  seed: number
  maxResponseBytes: number
  /** Modules loaded for this run only (Prisma's, when the project imports them), given the run's `pg`. */
  extraBuiltins?: (pg: unknown) => Record<string, unknown>
  /** The queue stand-ins' modules (`queue/index.ts`); without them, importing one fails when used. */
  queueModules?: QueueModules
  /** Names this platform's instances (`InstancePool`), e.g. `orders-λ1` for a queue consumer. */
  instanceName?: (number: number) => string
  /** The run's simulated WebSocket clients, for `experimental_upgradeWebSocket`. */
  webSockets: WebSocketHub
}

/** One request on its instance, while it runs. */
interface InFlight {
  spec: RequestSpec
  index: number
  method: string
  url: URL
  routeMatch: RouteMatch | undefined
  proxyRuns: boolean
  inst: Instance
  handle: RequestHandle
  writer: ResponseWriter
  /** Set once the route is known: an uncaught error's 500 has a body only from a Pages route. */
  router?: Route['router']
  error?: LabError
  platformError?: string
}

/** When the request started, waited and ran; and whether its answer may be cached. */
interface Timing {
  start: number
  queuedMs: number
  coldStartMs: number
  handlerStart: number
  cold: boolean
  cacheTtl: number | undefined
}

export class Platform {
  private builtins: Record<string, unknown>
  private NextRequest: NextRequestClass
  private s: Scheduler
  /** Public for `queue/invoke.ts`, which runs queue consumers and processes on these instances. */
  readonly pool: InstancePool
  private background: BackgroundWork
  /** One class for every instance; its warning goes to the instance whose code opened the socket. */
  private WebSocket = createLabWebSocket((text) => this.writeConsole('warn', text))

  constructor(private o: PlatformOptions) {
    const scheduler = (this.s = o.scheduler)
    const vercel = onVercel(o.settings)
    const appFetch = createAppFetch(scheduler, o.work, (spec, index) => this.handle(spec, index))
    const processEnv = { NODE_ENV: 'production', ...(vercel ? { VERCEL: '1' } : {}), ...o.env }
    this.pool = new InstancePool({
      scheduler,
      settings: o.settings,
      server: o.server,
      emit: o.emit,
      instanceName: o.instanceName,
      createRegistry: (inst) =>
        new ModuleRegistry(
          o.project,
          this.builtins,
          createInstanceScope(inst, {
            scheduler,
            sink: o.sink,
            seed: o.seed,
            processEnv,
            fetch: (input, init) => appFetch(input, init),
            WebSocket: this.WebSocket,
            writeConsole: (level, text, instance) => this.writeConsole(level, text, instance),
          }),
        ),
    })
    this.background = new BackgroundWork({
      scheduler,
      maxDurationSeconds: o.settings.maxDurationSeconds,
      work: o.work,
      emit: o.emit,
      writeConsole: (level, text, instance, request) => this.writeConsole(level, text, instance, request),
      release: (inst) => this.pool.release(inst),
    })
    const builtins = platformBuiltins(o, {
      vercel,
      instances: this.pool,
      background: this.background,
      writeConsole: (level, text) => this.writeConsole(level, text),
    })
    this.builtins = builtins.modules
    this.NextRequest = builtins.NextRequest
  }

  /** Every instance the run started, recycled ones included. */
  get instances(): readonly Instance[] {
    return this.pool.instances
  }

  /** Handle one request end to end. `index` -1 marks internal requests (refreshes, fetch) not listed in results. */
  async handle(spec: RequestSpec, index: number): Promise<RequestResult> {
    const s = this.s
    const start = s.now
    const method = spec.method.toUpperCase()
    const url = new URL(spec.path, LAB_ORIGIN)
    if (index >= 0) this.o.emit({ t: start, type: 'request-start', request: index })
    const handle: RequestHandle = { index, dead: false, responded: false, databaseMs: 0, setCookies: [] }
    const base = { index, method, path: spec.path }
    const routeMatch = matchRoute(this.o.routes, url.pathname)
    const proxyRuns = !!this.o.proxy?.matches(url.pathname)
    if (!routeMatch && !proxyRuns)
      return this.answerWithout(base, start, 404, { 'content-type': 'text/plain; charset=utf-8' }, NOT_FOUND)

    const cacheTtl = method === 'GET' && !proxyRuns ? routeMatch?.route.revalidateSeconds : undefined
    const refresh = () => this.handle({ method: 'GET', path: spec.path, headers: spec.headers }, -1)
    const cached =
      cacheTtl && index >= 0 ? serveFromCache(this.o.cache, this.o.work, url.pathname, cacheTtl, refresh) : undefined
    if (cached) return this.answerWithout(base, start, cached.status, cached.headers, cached.body)

    const files = [...(proxyRuns ? [this.o.proxy!.file] : []), ...(routeMatch ? [routeMatch.route.file] : [])]
    const { inst, queuedMs, cold } = await this.pool.acquire(files)
    const accepted = start + queuedMs
    const ctx: ExecContext = { instance: inst, request: handle, kind: 'user' }
    if (inst.state === 'starting') await inst.ready
    const coldStartMs = s.now - accepted
    await s.sleep(0, ctx)
    const handlerStart = s.now
    const writer = new ResponseWriter(s, this.o.maxResponseBytes)
    writer.headOnly = method === 'HEAD'
    const r: InFlight = { spec, index, method, url, routeMatch, proxyRuns, inst, handle, writer }

    const pendingEval = inst.registry.pendingCount(files)
    if (pendingEval > 0) await s.sleep(pendingEval * (this.o.settings.moduleEvalMs ?? 5), ctx)
    const maxDurationS = maxDurationFor(inst, routeMatch, this.o.settings.maxDurationSeconds)
    const timedOut = startTimeout(s, maxDurationS, writer, () => this.timedOut(r, maxDurationS))

    void this.respondOrFail(r)
    await Promise.race([writer.done, timedOut])
    if (handle.dead) handle.upgraded?.drop()
    return this.finish(r, { start, queuedMs, coldStartMs, handlerStart, cold, cacheTtl })
  }

  /** The proxy (when its matcher matches), then the route: Pages API route or route handler. */
  private async respond(r: InFlight): Promise<void> {
    const { spec, url, method, inst, handle, writer } = r
    let path = url
    let headers = new Headers(spec.headers)
    const extraHeaders = new Headers()
    if (r.proxyRuns) {
      const fn = proxyFunction(inst.registry.load(this.o.proxy!.file), this.o.proxy!.file)
      const NextRequest = this.NextRequest
      handle.request = new NextRequest(url, { method, headers })
      const res: Response | undefined = await fn(handle.request, {
        waitUntil: (p: unknown) => this.background.run(inst, handle, p, 'waitUntil'),
      })
      if (res instanceof Response) {
        const rewrite = res.headers.get('x-middleware-rewrite')
        if (rewrite) path = new URL(rewrite)
        else if (!res.headers.get('x-middleware-next')) return writer.pump(res, method === 'HEAD')
        headers = forwardProxyHeaders(res, headers, extraHeaders)
      }
    }
    const m = path === url ? r.routeMatch : matchRoute(this.o.routes, path.pathname)
    if (!m) {
      writer.status = 404
      writer.headers.set('content-type', 'text/plain; charset=utf-8')
      writer.write(NOT_FOUND)
      return writer.end()
    }
    for (const [k, v] of extraHeaders) writer.headers.append(k, v)
    r.router = m.route.router
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const mod = inst.registry.load(m.route.file) as Record<string, any>
    // A module with a top-level await (in the route's graph) finishes evaluating first.
    if (inst.registry.evaluating) await inst.registry.settled()
    if (m.route.router === 'pages')
      return runPagesRoute({
        mod,
        match: m,
        url: path,
        method,
        headers,
        body: spec.body,
        writer,
        revalidate: async (p) => this.o.cache.invalidatePath(p),
        warn: (text) => this.writeConsole('warn', text, undefined, r.index >= 0 ? r.index : undefined),
      })
    return runAppRoute({
      mod,
      route: m.route,
      url: path,
      method,
      headers,
      body: spec.body,
      params: m.params,
      writer,
      handle,
      NextRequest: this.NextRequest,
      warn: (text) => this.writeConsole('warn', text),
    })
  }

  private async respondOrFail(r: InFlight): Promise<void> {
    try {
      await this.respond(r)
    } catch (e) {
      if (r.handle.dead) return
      this.fail(e, r)
    }
  }

  /** An uncaught error: logged, and answered as Next.js does (unless headers were already sent). */
  private fail(e: unknown, r: InFlight): void {
    const { writer } = r
    if (e instanceof LabFailure) {
      r.error = e.labError
      this.writeConsole('error', e.labError.message, r.inst.id, r.index)
    } else {
      const error = (r.error = toRuntimeError(e))
      const at = error.file ? ` (at ${error.file}:${error.line}:${error.column})` : ''
      this.writeConsole('error', error.message + at, r.inst.id, r.index)
    }
    if (!writer.headersSent) {
      // The Pages Router's apiResolver sends the text "Internal Server Error"; an App Router route
      // handler answers 500 with no body.
      writer.status = 500
      writer.headers = new Headers()
      writer.body = ''
      writer.chunks = []
      if (r.router !== 'app') writer.write('Internal Server Error')
    }
    writer.end()
  }

  /** maxDuration passed: the request is dead; on Lambda its environment is reset (`InstancePool#resetAfterTimeout`). */
  private timedOut(r: InFlight, seconds: number): void {
    r.handle.dead = true
    r.platformError = 'FUNCTION_INVOCATION_TIMEOUT'
    // Lambda's own log line has two decimals ("Task timed out after 10.00 seconds").
    const shown = this.o.settings.profile === 'lambda' ? seconds.toFixed(2) : String(seconds)
    this.writeConsole('error', `Task timed out after ${shown} seconds`, r.inst.id, r.index)
    // Vercel (Fluid) and a `next start` server keep the process, and with it the connection and its transaction.
    if (this.o.settings.profile === 'lambda') this.pool.resetAfterTimeout(r.inst)
  }

  /** The response is done (or timed out): free the instance, start after() work, build the result. */
  private finish(r: InFlight, t: Timing): RequestResult {
    const { handle, writer, inst, index } = r
    const listed = index >= 0
    handle.responded = true
    const end = this.s.now
    for (const c of handle.setCookies) writer.headers.append('set-cookie', c)
    if (listed) this.o.emit({ t: end, type: 'request-end', request: index, status: writer.status })
    inst.active--
    this.background.startAfterTasks(inst, handle)
    this.pool.release(inst)
    const result = resultFromWriter({
      base: { index, method: r.method, path: r.spec.path },
      writer,
      timing: {
        start: t.start,
        end,
        queuedMs: t.queuedMs,
        coldStartMs: t.coldStartMs,
        handlerMs: end - t.handlerStart,
        databaseMs: handle.databaseMs,
      },
      instance: inst.id,
      cold: t.cold,
      platformError: r.platformError,
      error: r.error,
    })
    if (writer.truncated)
      this.writeConsole(
        'warn',
        `[lab budget] The response body was cut at ${formatBytes(this.o.maxResponseBytes)}, the lab's own limit for what it keeps of a response. Next.js sends the whole body.`,
        inst.id,
        listed ? index : undefined,
      )
    if (t.cacheTtl && listed && result.status === 200 && !isStreamed(writer) && !writer.truncated) {
      this.o.cache.storeRoute(r.url.pathname, toCached(result), t.cacheTtl * 1000)
      result.headers['x-vercel-cache'] = 'MISS'
    }
    return result
  }

  /** A response the platform produces without an instance (404, cache hit). */
  private answerWithout(
    base: ResultBase,
    start: number,
    status: number,
    headers: Record<string, string>,
    body: string,
  ): RequestResult {
    if (base.index >= 0) this.o.emit({ t: start, type: 'request-end', request: base.index, status })
    return resultWithoutInstance(base, start, status, headers, body)
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

const NOT_FOUND = 'This page could not be found.'
