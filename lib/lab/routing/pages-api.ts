/**
 * Pages Router API routes, `(req, res)`, as Next.js's apiResolver runs them in production
 * (next/src/server/api-utils/node/api-resolver.ts, parse-body.ts, ../index.ts):
 * - `req` is a readable stream of the body; with the body parser on (the default) it is read first,
 *   up to `config.api.bodyParser.sizeLimit` (1mb), and parsed by content type into `req.body`;
 * - `res.send`/`res.json` add an ETag and answer 304 to a matching `If-None-Match`, strip the body
 *   and content headers of a 204 or 304, and `res.redirect` checks its arguments and writes the URL;
 * - a response over `config.api.responseLimit` (4mb) logs Next's warning.
 * Warnings that `next dev` alone prints are shown as lab hints, labelled so, and honour
 * `externalResolver` as Next does.
 */
import { parseCookieHeader } from '../modules/builtins/next-server'
import type { ResponseWriter } from './response-writer'

/** An error Next sends as its status and message (`ApiError` → `sendError`). */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message)
  }
}

interface PagesConfig {
  api?: {
    bodyParser?: false | { sizeLimit?: string | number }
    responseLimit?: false | string | number
    externalResolver?: boolean
  }
}

export interface PagesApiInput {
  handler: (req: unknown, res: unknown) => unknown
  config: PagesConfig | undefined
  method: string
  url: URL
  headers: Headers
  body: string | undefined
  params: Record<string, string | string[]>
  writer: ResponseWriter
  revalidate(path: string): Promise<void>
  warn(text: string): void
  toBuffer(bytes: Uint8Array): Uint8Array
}

const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }

/** `bytes.parse` as Next uses it: '1mb' → 1048576; a number is bytes. */
export function parseBytes(limit: string | number): number {
  if (typeof limit === 'number') return limit
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(limit)
  if (!m) throw new Error(`Invalid size limit '${limit}': use a number of bytes or a string such as '500kb' or '4mb'.`)
  return Math.floor(Number(m[1]) * UNITS[(m[2] ?? 'b').toLowerCase()])
}

/** `bytes.format`: 4194304 → '4MB'. */
export function formatBytes(n: number): string {
  const [unit, size] =
    n >= 1024 ** 3 ? ['GB', 1024 ** 3] : n >= 1024 ** 2 ? ['MB', 1024 ** 2] : n >= 1024 ? ['KB', 1024] : ['B', 1]
  return `${Number((n / (size as number)).toFixed(2))}${unit}`
}

/** Next's ETag (next/src/server/lib/etag.ts): FNV-1a 52-bit of the payload, base 36, plus its length. */
export function generateETag(payload: string): string {
  const len = payload.length
  let i = 0
  let t0 = 0
  let v0 = 0x2325
  let t1 = 0
  let v1 = 0x8422
  let t2 = 0
  let v2 = 0x9ce4
  let t3 = 0
  let v3 = 0xcbf2
  while (i < len) {
    v0 ^= payload.charCodeAt(i++)
    t0 = v0 * 435
    t1 = v1 * 435
    t2 = v2 * 435
    t3 = v3 * 435
    t2 += v0 << 8
    t3 += v1 << 8
    t1 += t0 >>> 16
    v0 = t0 & 65535
    t2 += t1 >>> 16
    v1 = t1 & 65535
    v3 = (t3 + (t2 >>> 16)) & 65535
    v2 = t2 & 65535
  }
  const hash = (v3 & 15) * 281474976710656 + v2 * 4294967296 + v1 * 65536 + (v0 ^ (v3 >> 4))
  return `"${hash.toString(36)}${len.toString(36)}"`
}

/** The `fresh` package's If-None-Match check, as `sendEtagResponse` uses it. */
function fresh(req: Headers, etag: string): boolean {
  const noneMatch = req.get('if-none-match')
  if (!noneMatch) return false
  if (/(?:^|,)\s*?no-cache\s*?(?:,|$)/.test(req.get('cache-control') ?? '')) return false
  if (noneMatch === '*') return true
  return noneMatch
    .split(',')
    .map((t) => t.trim())
    .some((m) => m === etag || m === 'W/' + etag || 'W/' + m === etag)
}

/** Next's API body parser: JSON (and ld+json), urlencoded, else text; invalid JSON is a 400. */
export function parseBody(body: string, contentType: string | null): unknown {
  const type = (contentType ?? 'text/plain').split(';')[0].trim().toLowerCase()
  if (type === 'application/json' || type === 'application/ld+json') {
    if (body.length === 0) return {}
    try {
      return JSON.parse(body)
    } catch {
      throw new ApiError(400, 'Invalid JSON')
    }
  }
  if (type === 'application/x-www-form-urlencoded') {
    // querystring.decode: a repeated key gives an array.
    const out: Record<string, string | string[]> = {}
    for (const [k, v] of new URLSearchParams(body)) {
      const prev = out[k]
      out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v]
    }
    return out
  }
  return body
}

type Listener = (...args: unknown[]) => void

/** `req`: the request's fields on a minimal readable stream of the body (data, end, async iteration). */
function createRequest(input: PagesApiInput, bytes: Uint8Array): { req: PagesRequest; markConsumed(): void } {
  const headers: Record<string, string> = {}
  input.headers.forEach((v, k) => (headers[k] = v))
  const query: Record<string, string | string[]> = {}
  for (const [k, v] of input.url.searchParams) {
    const prev = query[k]
    query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v]
  }
  Object.assign(query, input.params)
  const listeners = new Map<string, Listener[]>()
  let flowing = false
  let consumed = false
  let encoding: string | undefined
  const emit = (event: string, ...args: unknown[]) => {
    for (const fn of [...(listeners.get(event) ?? [])]) fn(...args)
  }
  const chunk = () => (encoding ? new TextDecoder().decode(bytes) : input.toBuffer(bytes))
  const flow = () => {
    if (flowing || consumed) return
    flowing = true
    queueMicrotask(() => {
      consumed = true
      if (bytes.length) emit('data', chunk())
      emit('end')
      emit('close')
    })
  }
  const req = {
    method: input.method,
    url: input.url.pathname + input.url.search,
    headers,
    query,
    cookies: Object.fromEntries(parseCookieHeader(input.headers.get('cookie'))),
    body: undefined as unknown,
    socket: { remoteAddress: '127.0.0.1' },
    readable: true,
    on(event: string, fn: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), fn])
      if (event === 'data' || event === 'readable') flow()
      return req
    },
    once(event: string, fn: Listener) {
      const wrapped: Listener = (...a) => {
        req.off(event, wrapped)
        fn(...a)
      }
      return req.on(event, wrapped)
    },
    off(event: string, fn: Listener) {
      listeners.set(
        event,
        (listeners.get(event) ?? []).filter((l) => l !== fn),
      )
      return req
    },
    removeListener(event: string, fn: Listener) {
      return req.off(event, fn)
    },
    addListener(event: string, fn: Listener) {
      return req.on(event, fn)
    },
    setEncoding(enc: string) {
      encoding = enc
      return req
    },
    resume() {
      flow()
      return req
    },
    pause() {
      return req
    },
    async *[Symbol.asyncIterator]() {
      if (consumed) return
      consumed = true
      if (bytes.length) yield chunk()
    },
  }
  // The body parser read the stream: as in Node, it gives no more data.
  return { req, markConsumed: () => (consumed = true) }
}

type PagesRequest = Record<string, unknown> & { url: string; body: unknown }

export async function runPagesApi(input: PagesApiInput): Promise<void> {
  const { writer, config } = input
  const api = config?.api ?? {}
  const bytes = new TextEncoder().encode(input.body ?? '')
  const { req, markConsumed } = createRequest(input, bytes)
  const externalResolver = api.externalResolver === true
  const responseLimit = api.responseLimit ?? true
  const maxContentLength =
    responseLimit && typeof responseLimit !== 'boolean' ? parseBytes(responseLimit) : 4 * 1024 * 1024
  let contentLength = 0
  const res = createResponse(
    input,
    req.url,
    () => {
      if (responseLimit && contentLength >= maxContentLength)
        input.warn(
          `API response for ${req.url} exceeds ${formatBytes(maxContentLength)}. API Routes are meant to respond quickly. https://nextjs.org/docs/messages/api-routes-response-size-limit`,
        )
    },
    (n) => (contentLength += n),
  )
  try {
    if (api.bodyParser !== false) {
      const limit = api.bodyParser?.sizeLimit ?? '1mb'
      markConsumed()
      if (bytes.length > parseBytes(limit)) throw new ApiError(413, `Body exceeded ${limit} limit`)
      req.body = parseBody(new TextDecoder().decode(bytes), input.headers.get('content-type'))
    }
    const returned = await input.handler(req, res)
    if (returned instanceof Response)
      input.warn(
        '[lab hint, from `next dev`] API route returned a Response object in the Node.js runtime, this is not supported. The Pages Router ignores it: use `res` to answer, or move the route to a route handler (app/**/route.ts).',
      )
    if (!externalResolver && !writer.ended)
      input.warn(
        `[lab hint, from \`next dev\`] API resolved without sending a response for ${req.url}, this may result in stalled requests. (Set \`export const config = { api: { externalResolver: true } }\` if another library sends it.)`,
      )
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    // sendError: the status, the message as the status text and as the body, no content type.
    writer.status = error.statusCode
    writer.headers = new Headers()
    writer.write(error.message)
    writer.end()
  }
}

function createResponse(input: PagesApiInput, url: string, onEnd: () => void, count: (bytes: number) => void) {
  const { writer } = input
  const textOf = (chunk: unknown) =>
    typeof chunk === 'string' ? chunk : chunk instanceof Uint8Array ? new TextDecoder().decode(chunk) : String(chunk)
  const res = {
    get statusCode() {
      return writer.status
    },
    set statusCode(v: number) {
      writer.status = v
    },
    statusMessage: '',
    get headersSent() {
      return writer.headersSent
    },
    get writableEnded() {
      return writer.ended
    },
    get finished() {
      return writer.ended
    },
    status(code: number) {
      writer.status = code
      return res
    },
    setHeader(name: string, value: string | number | readonly string[]) {
      if (Array.isArray(value)) {
        writer.headers.delete(name)
        for (const v of value) writer.headers.append(name, v)
      } else writer.headers.set(name, String(value))
      return res
    },
    appendHeader(name: string, value: string | readonly string[]) {
      for (const v of Array.isArray(value) ? value : [value]) writer.headers.append(name, v)
      return res
    },
    getHeader(name: string) {
      if (name.toLowerCase() === 'set-cookie') {
        const all = writer.headers.getSetCookie()
        return all.length ? all : undefined
      }
      return writer.headers.get(name) ?? undefined
    },
    getHeaders() {
      return Object.fromEntries(writer.headers)
    },
    hasHeader(name: string) {
      return writer.headers.has(name)
    },
    removeHeader(name: string) {
      writer.headers.delete(name)
      return res
    },
    writeHead(code: number, headers?: Record<string, string | number>) {
      writer.status = code
      for (const [k, v] of Object.entries(headers ?? {})) writer.headers.set(k, String(v))
      writer.headersSent = true
      return res
    },
    flushHeaders() {
      writer.headersSent = true
    },
    write(chunk: unknown) {
      const text = textOf(chunk)
      count(new TextEncoder().encode(text).length)
      writer.write(text)
      return true
    },
    end(chunk?: unknown) {
      if (writer.ended) return res
      if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') res.write(chunk)
      onEnd()
      writer.end()
      return res
    },
    json(body: unknown) {
      writer.headers.set('content-type', 'application/json; charset=utf-8')
      res.send(JSON.stringify(body))
    },
    send(body: unknown) {
      if (body === null || body === undefined) {
        res.end()
        return
      }
      if (writer.status === 204 || writer.status === 304) {
        for (const h of ['content-type', 'content-length', 'transfer-encoding']) writer.headers.delete(h)
        if (body)
          input.warn(
            `[lab hint, from \`next dev\`] A body was attempted to be set with a 204 statusCode for ${url}, this is invalid and the body was ignored.`,
          )
        res.end()
        return
      }
      const isBytes = body instanceof Uint8Array
      const isJSONLike = !isBytes && ['object', 'number', 'boolean'].includes(typeof body)
      const text = isJSONLike ? JSON.stringify(body) : textOf(body)
      const etag = generateETag(text)
      writer.headers.set('etag', etag)
      if (fresh(input.headers, etag)) {
        writer.status = 304
        res.end()
        return
      }
      if (isBytes && !writer.headers.has('content-type')) writer.headers.set('content-type', 'application/octet-stream')
      if (isJSONLike) writer.headers.set('content-type', 'application/json; charset=utf-8')
      writer.headers.set('content-length', String(new TextEncoder().encode(text).length))
      res.end(text)
    },
    redirect(statusOrUrl: unknown, maybeUrl?: unknown) {
      let status = statusOrUrl
      let location = maybeUrl
      if (typeof statusOrUrl === 'string') {
        location = statusOrUrl
        status = 307
      }
      if (typeof status !== 'number' || typeof location !== 'string')
        throw new Error(
          "Invalid redirect arguments. Please use a single argument URL, e.g. res.redirect('/destination') or use a status code and URL, e.g. res.redirect(307, '/destination').",
        )
      res.writeHead(status, { location })
      res.write(location)
      res.end()
      return res
    },
    revalidate: (path: string) => input.revalidate(path),
    on: () => res,
    once: () => res,
  }
  return res
}
