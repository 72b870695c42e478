/** Route handlers' responses, as Next's app-route module answers: methods, errors, streaming, caching, next/navigation, headers. */
import type { RouteCaseInput } from './schema'

const ROUTE_DOC = 'https://nextjs.org/docs/app/api-reference/file-conventions/route'
const APP_ROUTE_MODULE =
  'https://github.com/vercel/next.js/blob/canary/packages/next/src/server/route-modules/app-route/module.ts'
const SEGMENT_CONFIG = 'https://nextjs.org/docs/app/api-reference/file-conventions/route-segment-config'
const REDIRECT_DOC = 'https://nextjs.org/docs/app/api-reference/functions/redirect'

const counter = `let n = 0
export async function GET() {
  n += 1
  return Response.json({ n })
}
`

export const routeHandlerResponseCases: RouteCaseInput[] = [
  {
    id: 'app-head-from-get',
    title: 'HEAD runs GET and sends no body',
    source: ROUTE_DOC,
    files: {
      'app/api/todos/route.ts': `export async function GET() { return Response.json([1, 2, 3], { headers: { 'x-count': '3' } }) }\n`,
    },
    requests: [{ method: 'HEAD', path: '/api/todos' }],
    expect: [{ status: 200, headers: { 'x-count': '3' }, body: '' }],
  },
  {
    id: 'app-options-automatic',
    title: 'OPTIONS without a handler answers 204 with Allow listing the methods',
    source: ROUTE_DOC,
    files: {
      'app/api/todos/route.ts': `export async function GET() { return Response.json([]) }
export async function POST() { return Response.json({}, { status: 201 }) }
`,
    },
    requests: [{ method: 'OPTIONS', path: '/api/todos' }],
    expect: [{ status: 204, headers: { allow: 'GET, HEAD, OPTIONS, POST' }, body: '' }],
  },
  {
    id: 'app-method-not-allowed',
    title: 'A known method with no handler answers a bare 405 (no Allow header)',
    source: APP_ROUTE_MODULE,
    files: { 'app/api/todos/route.ts': `export async function GET() { return Response.json([]) }\n` },
    requests: [{ method: 'DELETE', path: '/api/todos' }],
    expect: [{ status: 405, headers: { allow: null }, body: '' }],
  },
  {
    id: 'app-unknown-method',
    title: 'A method name Next does not know (HEADER) answers 400',
    source: APP_ROUTE_MODULE,
    files: { 'app/api/todos/route.ts': `export async function GET() { return Response.json([]) }\n` },
    requests: [{ method: 'HEADER', path: '/api/todos' }],
    expect: [{ status: 400, body: '' }],
  },
  {
    id: 'app-thrown-error',
    title: 'A thrown error is logged and answered 500 with an empty body',
    source: APP_ROUTE_MODULE,
    files: { 'app/api/boom/route.ts': `export async function GET() { throw new Error('the cache is cold') }\n` },
    requests: [{ path: '/api/boom' }],
    expect: [{ status: 500, headers: { 'content-type': null }, body: '' }],
    logs: ['the cache is cold'],
  },
  {
    id: 'app-no-response',
    title: 'A handler that returns no Response is answered 500 with an empty body',
    source: APP_ROUTE_MODULE,
    files: { 'app/api/none/route.ts': `export async function GET() { console.log('forgot to return') }\n` },
    requests: [{ path: '/api/none' }],
    expect: [{ status: 500, body: '' }],
    labLogs: ["[lab hint] No response is returned from route handler 'app/api/none/route.ts'"],
  },
  {
    id: 'app-nextresponse-next',
    title: 'NextResponse.next() in a route handler is an error: 500, and the reason is logged',
    source: 'https://nextjs.org/docs/messages/next-response-next-in-app-route-handler',
    files: {
      'app/api/pass/route.ts': `import { NextResponse } from 'next/server'
export async function GET() { return NextResponse.next() }
`,
    },
    requests: [{ path: '/api/pass' }],
    expect: [{ status: 500, headers: { 'x-middleware-next': null }, body: '' }],
    logs: ['NextResponse.next() was used in a app route handler, this is not supported.'],
  },
  {
    id: 'app-streaming',
    title: 'A ReadableStream body is streamed to the client',
    source: ROUTE_DOC,
    files: {
      'app/api/stream/route.ts': `export async function GET() {
  const encoder = new TextEncoder()
  const stream = new ReadableStream({
    async start(controller) {
      for (const word of ['one ', 'two ', 'three']) {
        controller.enqueue(encoder.encode(word))
        await new Promise((r) => setTimeout(r, 10))
      }
      controller.close()
    },
  })
  return new Response(stream, { headers: { 'content-type': 'text/plain; charset=utf-8' } })
}
`,
    },
    requests: [{ path: '/api/stream' }],
    expect: [{ status: 200, body: 'one two three' }],
  },
  {
    id: 'app-force-static-empty-request',
    title: "dynamic = 'force-static' gives the handler an empty request: no search params, headers or cookies",
    source: SEGMENT_CONFIG,
    files: {
      'app/api/config/route.ts': `import type { NextRequest } from 'next/server'
export const dynamic = 'force-static'
export async function GET(request: NextRequest) {
  return Response.json({
    q: request.nextUrl.searchParams.get('q'),
    agent: request.headers.get('user-agent'),
    cookies: request.cookies.getAll().length,
  })
}
`,
    },
    requests: [{ path: '/api/config?q=1', headers: { 'user-agent': 'reader', cookie: 'a=1' } }],
    expect: [{ status: 200, json: { q: null, agent: null, cookies: 0 } }],
  },
  {
    id: 'app-revalidate-cached',
    title: 'export const revalidate = 60 serves the same generated answer until it is stale',
    source: SEGMENT_CONFIG,
    files: {
      'app/api/count/route.ts': `export const revalidate = 60
${counter}`,
    },
    requests: [{ path: '/api/count' }, { path: '/api/count' }],
    expect: [
      { status: 200, json: { n: 1 } },
      { status: 200, json: { n: 1 } },
    ],
  },
  {
    id: 'app-get-dynamic-by-default',
    title: 'Without revalidate, a GET handler runs on every request (not cached since Next 15)',
    source: 'https://nextjs.org/docs/app/guides/caching#route-handlers',
    files: { 'app/api/count/route.ts': counter },
    requests: [{ path: '/api/count' }, { path: '/api/count' }],
    expect: [
      { status: 200, json: { n: 1 } },
      { status: 200, json: { n: 2 } },
    ],
  },
  {
    id: 'app-revalidate-ignored-with-post',
    title: 'A route file that also exports POST is never prerendered, so revalidate does not cache its GET',
    source: APP_ROUTE_MODULE,
    files: {
      'app/api/count/route.ts': `export const revalidate = 60
${counter}export async function POST() { return new Response(null, { status: 204 }) }
`,
    },
    requests: [{ path: '/api/count' }, { path: '/api/count' }],
    expect: [
      { status: 200, json: { n: 1 } },
      { status: 200, json: { n: 2 } },
    ],
  },
  {
    id: 'app-navigation-redirect',
    title: 'redirect() from next/navigation in a route handler answers 307 with the Location as given',
    source: REDIRECT_DOC,
    files: {
      'app/api/account/route.ts': `import { redirect } from 'next/navigation'
export async function GET() { redirect('/login') }
`,
    },
    requests: [{ path: '/api/account' }],
    expect: [{ status: 307, headers: { location: '/login' }, body: '' }],
  },
  {
    id: 'app-navigation-permanent-redirect',
    title: 'permanentRedirect() answers 308',
    source: 'https://nextjs.org/docs/app/api-reference/functions/permanentRedirect',
    files: {
      'app/api/old/route.ts': `import { permanentRedirect } from 'next/navigation'
export async function GET() { permanentRedirect('/new') }
`,
    },
    requests: [{ path: '/api/old' }],
    expect: [{ status: 308, headers: { location: '/new' }, body: '' }],
  },
  {
    id: 'app-navigation-not-found',
    title: 'notFound() in a route handler answers 404',
    source: 'https://nextjs.org/docs/app/api-reference/functions/not-found',
    files: {
      'app/api/items/[id]/route.ts': `import { notFound } from 'next/navigation'
export async function GET(_r: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  if (id !== '1') notFound()
  return Response.json({ id })
}
`,
    },
    requests: [{ path: '/api/items/1' }, { path: '/api/items/2' }],
    expect: [
      { status: 200, json: { id: '1' } },
      { status: 404, body: '' },
    ],
  },
  {
    id: 'app-response-headers',
    title: 'Headers set on a Response reach the client',
    source: ROUTE_DOC,
    files: {
      'app/api/h/route.ts': `export async function GET() {
  return new Response('ok', { status: 202, headers: { 'x-trace': 'abc', 'content-type': 'text/plain' } })
}
`,
    },
    requests: [{ path: '/api/h' }],
    expect: [{ status: 202, headers: { 'x-trace': 'abc', 'content-type': 'text/plain' }, body: 'ok' }],
  },
]
