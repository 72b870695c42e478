/** Pages Router API routes: `(req, res)` with Next's body parsing, `req.query` and the `res` helpers. */
import { parseCookieHeader } from '../modules/builtins/next-server'
import type { ResponseWriter } from './response-writer'

export interface PagesRequestInput {
  method: string
  url: URL
  headers: Headers
  body: string | undefined
  params: Record<string, string | string[]>
  bodyParser: boolean
}

export function createPagesReq(input: PagesRequestInput): Record<string, unknown> {
  const headers: Record<string, string> = {}
  input.headers.forEach((v, k) => (headers[k] = v))
  const query: Record<string, string | string[]> = {}
  for (const [k, v] of input.url.searchParams) {
    const prev = query[k]
    query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v]
  }
  Object.assign(query, input.params)
  return {
    method: input.method,
    url: input.url.pathname + input.url.search,
    headers,
    query,
    cookies: Object.fromEntries(parseCookieHeader(input.headers.get('cookie'))),
    body: input.bodyParser ? parseBody(input.body, input.headers.get('content-type')) : undefined,
    socket: { remoteAddress: '127.0.0.1' },
    on: () => undefined,
  }
}

/** Next's API body parser: JSON, urlencoded and text by content type; invalid JSON is a 400. */
export function parseBody(body: string | undefined, contentType: string | null): unknown {
  if (body === undefined || body === '') return contentType?.includes('json') ? {} : ''
  const type = (contentType ?? 'text/plain').split(';')[0].trim().toLowerCase()
  if (type === 'application/json' || type.endsWith('+json')) {
    try {
      return JSON.parse(body)
    } catch {
      throw Object.assign(new Error('Invalid JSON'), { statusCode: 400 })
    }
  }
  if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(body))
  return body
}

export interface PagesResHooks {
  revalidate(path: string): Promise<void>
}

export function createPagesRes(writer: ResponseWriter, hooks: PagesResHooks): Record<string, unknown> {
  const res = {
    get statusCode() {
      return writer.status
    },
    set statusCode(v: number) {
      writer.status = v
    },
    get headersSent() {
      return writer.headersSent
    },
    get writableEnded() {
      return writer.ended
    },
    status(code: number) {
      writer.status = code
      return res
    },
    setHeader(name: string, value: string | number | string[]) {
      if (Array.isArray(value)) {
        writer.headers.delete(name)
        for (const v of value) writer.headers.append(name, v)
      } else writer.headers.set(name, String(value))
      return res
    },
    getHeader(name: string) {
      return writer.headers.get(name) ?? undefined
    },
    removeHeader(name: string) {
      writer.headers.delete(name)
      return res
    },
    writeHead(code: number, headers?: Record<string, string>) {
      writer.status = code
      for (const [k, v] of Object.entries(headers ?? {})) writer.headers.set(k, v)
      writer.headersSent = true
      return res
    },
    flushHeaders() {
      writer.headersSent = true
    },
    write(chunk: unknown) {
      writer.write(typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk as Uint8Array))
      return true
    },
    end(chunk?: unknown) {
      if (chunk !== undefined && chunk !== null) res.write(chunk)
      writer.end()
      return res
    },
    json(body: unknown) {
      if (!writer.headers.has('content-type')) writer.headers.set('content-type', 'application/json; charset=utf-8')
      writer.write(JSON.stringify(body))
      writer.end()
    },
    send(body: unknown) {
      if (typeof body === 'object' && body !== null && !(body instanceof Uint8Array)) return res.json(body)
      if (!writer.headers.has('content-type')) writer.headers.set('content-type', 'text/plain; charset=utf-8')
      if (body !== undefined)
        res.write(typeof body === 'string' ? body : body instanceof Uint8Array ? body : String(body))
      writer.end()
    },
    redirect(a: number | string, b?: string) {
      const [status, url] = typeof a === 'number' ? [a, b!] : [307, a]
      writer.status = status
      writer.headers.set('location', url)
      writer.end()
      return res
    },
    revalidate: (path: string) => hooks.revalidate(path),
  }
  return res
}
