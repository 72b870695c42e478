/**
 * An App Router route handler, answered as Next.js 16's app-route module does: an unknown method
 * name is a 400, a known one with no handler a bare 405, `OPTIONS` is automatic, a static route's
 * handler gets `params: undefined`, `dynamic = 'force-static'` gets an empty request, and
 * `redirect()`/`notFound()` from next/navigation become 307/308/404.
 */
import type { RequestHandle } from '../clock/context'
import type { NextRequestClass } from '../modules/builtins'
import { NavigationSignal } from '../modules/builtins/next-navigation'
import type { Route } from './match'
import type { ResponseWriter } from './response-writer'

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']

export interface AppRouteCall {
  /** The route module's exports; their shapes are only known at runtime. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  mod: Record<string, any>
  route: Route
  url: URL
  method: string
  headers: Headers
  body: string | undefined
  params: Record<string, string | string[]>
  writer: ResponseWriter
  handle: RequestHandle
  NextRequest: NextRequestClass
  warn: (text: string) => void
}

export async function runAppRoute(c: AppRouteCall): Promise<void> {
  const { mod, route, url, method, writer } = c
  const exported = HTTP_METHODS.filter((m) => typeof mod[m] === 'function')
  const allow = [...new Set([...exported, ...(exported.includes('GET') ? ['HEAD'] : []), 'OPTIONS'])].sort().join(', ')
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
  const NextRequest = c.NextRequest
  // `dynamic = 'force-static'`: the handler gets an empty request (no search params, headers or
  // cookies), as app-route's forceStaticRequestHandlers give it, so its one answer suits everyone.
  const forceStatic = route.forceStatic === true
  const requestUrl = forceStatic ? new URL(url.pathname, url.origin) : url
  const request = new NextRequest(requestUrl, {
    method,
    headers: forceStatic ? new Headers() : c.headers,
    body: method === 'GET' || method === 'HEAD' ? undefined : c.body,
  })
  c.handle.request = request
  // A route with no dynamic segment gets no params (`params` is undefined), as in Next.js.
  const dynamic = route.segments.some((seg) => seg.kind !== 'static')
  let response: unknown
  try {
    response = await fn(request, { params: dynamic ? Promise.resolve(c.params) : undefined })
  } catch (e) {
    if (!(e instanceof NavigationSignal)) throw e
    // redirect()/permanentRedirect()/notFound() from next/navigation, answered as Next.js does.
    response = new Response(null, { status: e.status, headers: e.location ? { location: e.location } : {} })
  }
  // An upgraded WebSocket: the client got 101, and the function runs until the connection closes.
  if (c.handle.upgraded) {
    writer.status = 101
    writer.headersSent = true
    await c.handle.upgraded.closed
    return writer.end()
  }
  if (!(response instanceof Response)) {
    // Next.js answers 500 with no body and logs nothing; the lab says why, as a hint.
    c.warn(
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
