/** The proxy (middleware) step: which function to call, and what its response asks of the route. */

/** The proxy's function: `proxy`, `middleware` or the default export, as Next.js 16 accepts them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function proxyFunction(mod: any, file: string): (request: Request, event: unknown) => any {
  const fn = mod.proxy ?? mod.middleware ?? mod.default
  if (typeof fn !== 'function')
    throw new Error(`${file} must export a function named \`proxy\` (or \`middleware\`) or a default function.`)
  return fn
}

/**
 * `NextResponse.next()`/`rewrite()` from the proxy: `x-middleware-request-*` headers replace the
 * request's (the route sees the result, which is returned); other non-internal headers go on the
 * response (appended to `extraHeaders`).
 */
export function forwardProxyHeaders(res: Response, requestHeaders: Headers, extraHeaders: Headers): Headers {
  const headers = new Headers(requestHeaders)
  for (const [k, v] of res.headers) {
    if (k.startsWith('x-middleware-request-')) headers.set(k.slice('x-middleware-request-'.length), v)
    else if (!k.startsWith('x-middleware-')) extraHeaders.append(k, v)
  }
  return headers
}
