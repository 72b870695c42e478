/** `next/server`: NextRequest, NextResponse, after() and connection(), on the real Web Request/Response. */
import type { Scheduler } from '../../clock/scheduler'
import { LAB_ORIGIN } from './origin'

export interface CookieValue {
  name: string
  value: string
}

export function parseCookieHeader(header: string | null): Map<string, string> {
  const out = new Map<string, string>()
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=')
    if (i < 0) continue
    const name = part.slice(0, i).trim()
    if (name && !out.has(name)) out.set(name, decodeURIComponent(part.slice(i + 1).trim()))
  }
  return out
}

export class RequestCookies {
  constructor(private map: Map<string, string>) {}
  get(name: string | CookieValue): CookieValue | undefined {
    const n = typeof name === 'string' ? name : name.name
    const value = this.map.get(n)
    return value === undefined ? undefined : { name: n, value }
  }
  getAll(name?: string): CookieValue[] {
    return [...this.map].filter(([n]) => !name || n === name).map(([n, value]) => ({ name: n, value }))
  }
  has(name: string): boolean {
    return this.map.has(name)
  }
  get size(): number {
    return this.map.size
  }
  set(name: string, value: string): this {
    this.map.set(name, value)
    return this
  }
  delete(name: string): boolean {
    return this.map.delete(name)
  }
  toString(): string {
    return [...this.map].map(([n, v]) => `${n}=${encodeURIComponent(v)}`).join('; ')
  }
}

export interface CookieOptions {
  path?: string
  maxAge?: number
  expires?: Date | number
  httpOnly?: boolean
  secure?: boolean
  sameSite?: 'lax' | 'strict' | 'none' | boolean
  domain?: string
}

export function serializeCookie(name: string, value: string, o: CookieOptions = {}): string {
  let s = `${name}=${encodeURIComponent(value)}; Path=${o.path ?? '/'}`
  if (o.maxAge !== undefined) s += `; Max-Age=${o.maxAge}`
  if (o.expires !== undefined) s += `; Expires=${new Date(o.expires).toUTCString()}`
  if (o.domain) s += `; Domain=${o.domain}`
  if (o.httpOnly) s += '; HttpOnly'
  if (o.secure) s += '; Secure'
  if (o.sameSite)
    s += `; SameSite=${o.sameSite === true ? 'Strict' : o.sameSite[0].toUpperCase() + o.sameSite.slice(1)}`
  return s
}

export class ResponseCookies {
  constructor(private headers: Headers) {}
  set(nameOrObj: string | (CookieValue & CookieOptions), value?: string, options?: CookieOptions): this {
    if (typeof nameOrObj === 'string')
      this.headers.append('set-cookie', serializeCookie(nameOrObj, value ?? '', options))
    else this.headers.append('set-cookie', serializeCookie(nameOrObj.name, nameOrObj.value, nameOrObj))
    return this
  }
  delete(name: string): this {
    this.headers.append('set-cookie', serializeCookie(name, '', { maxAge: 0 }))
    return this
  }
  get(name: string): CookieValue | undefined {
    return this.getAll().find((c) => c.name === name)
  }
  getAll(): CookieValue[] {
    return this.headers.getSetCookie().map((line) => {
      const [pair] = line.split(';')
      const i = pair.indexOf('=')
      return { name: pair.slice(0, i), value: decodeURIComponent(pair.slice(i + 1)) }
    })
  }
}

/** As Next's `validateURL`: NextResponse.redirect and rewrite take absolute URLs only. */
function absoluteURL(url: string | URL): string {
  try {
    return String(new URL(String(url)))
  } catch (cause) {
    throw new Error(
      `URL is malformed "${String(url)}". Please use only absolute URLs - https://nextjs.org/docs/messages/middleware-relative-urls`,
      { cause },
    )
  }
}

export interface NextServerRuntime {
  scheduler: Scheduler
  after(task: unknown): void
}

export function createNextServer(rt: NextServerRuntime): Record<string, unknown> {
  class NextURL extends URL {
    clone(): NextURL {
      return new NextURL(this.href)
    }
  }

  class NextRequest extends Request {
    readonly nextUrl: NextURL
    readonly cookies: RequestCookies
    constructor(input: string | URL | Request, init?: RequestInit) {
      const url = typeof input === 'string' ? new URL(input, LAB_ORIGIN) : input
      super(url, init)
      // Browsers silently drop "forbidden" headers (Cookie, Host, …) from a Request's own Headers;
      // a standalone Headers keeps them, so Cookie-based lessons work in the worker too.
      const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined))
      Object.defineProperty(this, 'headers', { value: headers, enumerable: true })
      this.nextUrl = new NextURL(this.url)
      this.cookies = new RequestCookies(parseCookieHeader(headers.get('cookie')))
    }
    // Reading a body is real async work; the clock must wait for it.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- same signature as Request.json()
    json(): Promise<any> {
      return rt.scheduler.track(super.json())
    }
    text(): Promise<string> {
      return rt.scheduler.track(super.text())
    }
    formData(): Promise<FormData> {
      return rt.scheduler.track(super.formData())
    }
    arrayBuffer(): Promise<ArrayBuffer> {
      return rt.scheduler.track(super.arrayBuffer())
    }
  }

  class NextResponse<Body = unknown> extends Response {
    readonly cookies: ResponseCookies
    declare readonly __body?: Body
    constructor(body?: BodyInit | null, init?: ResponseInit) {
      super(body, init)
      this.cookies = new ResponseCookies(this.headers)
    }
    static json<T>(body: T, init?: ResponseInit): NextResponse<T> {
      const headers = new Headers(init?.headers)
      if (!headers.has('content-type')) headers.set('content-type', 'application/json')
      return new NextResponse<T>(JSON.stringify(body), { ...init, headers })
    }
    static redirect(url: string | URL, init?: number | ResponseInit): NextResponse {
      const status = typeof init === 'number' ? init : (init?.status ?? 307)
      if (![301, 302, 303, 307, 308].includes(status))
        throw new RangeError('Failed to execute "redirect" on "response": Invalid status code')
      const headers = new Headers(typeof init === 'object' ? init.headers : undefined)
      headers.set('location', absoluteURL(url))
      return new NextResponse(null, { ...(typeof init === 'object' ? init : {}), status, headers })
    }
    static rewrite(url: string | URL, init?: ResponseInit): NextResponse {
      const headers = new Headers(init?.headers)
      headers.set('x-middleware-rewrite', absoluteURL(url))
      return new NextResponse(null, { ...init, headers })
    }
    static next(init?: ResponseInit & { request?: { headers?: HeadersInit } }): NextResponse {
      const headers = new Headers(init?.headers)
      headers.set('x-middleware-next', '1')
      if (init?.request?.headers) {
        const extra = new Headers(init.request.headers)
        headers.set('x-middleware-override-headers', [...extra.keys()].join(','))
        for (const [k, v] of extra) headers.set(`x-middleware-request-${k}`, v)
      }
      return new NextResponse(null, { status: init?.status ?? 200, headers })
    }
  }

  const mod = {
    NextRequest,
    NextResponse,
    after: (task: unknown) => rt.after(task),
    connection: () => Promise.resolve(),
    userAgent: (req: Request) => ({
      ua: req.headers.get('user-agent') ?? '',
      isBot: /bot|crawler|spider/i.test(req.headers.get('user-agent') ?? ''),
    }),
    __esModule: true,
  }
  return mod
}
