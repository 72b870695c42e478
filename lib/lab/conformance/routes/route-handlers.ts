/** App Router route handlers (route.ts files under app/), as Next.js 16's app-route module answers them. */
import type { RouteCaseInput } from './schema'

const ROUTE_DOC = 'https://nextjs.org/docs/app/api-reference/file-conventions/route'
const APP_ROUTE_MODULE =
  'https://github.com/vercel/next.js/blob/canary/packages/next/src/server/route-modules/app-route/module.ts'
const DYNAMIC_DOC = 'https://nextjs.org/docs/app/api-reference/file-conventions/dynamic-routes'
const NEXT_RESPONSE = 'https://nextjs.org/docs/app/api-reference/functions/next-response'
const paramsEcho = `export async function GET(request: Request, ctx: { params: Promise<Record<string, string | string[]>> }) {
  return Response.json({ params: ctx.params === undefined ? 'none' : await ctx.params })
}
`

export const routeHandlerCases: RouteCaseInput[] = [
  {
    id: 'app-get-json',
    title: 'A GET handler answers with Response.json',
    source: ROUTE_DOC,
    files: { 'app/api/todos/route.ts': `export async function GET() { return Response.json([{ id: 1 }]) }\n` },
    requests: [{ path: '/api/todos' }],
    expect: [{ status: 200, headers: { 'content-type': 'application/json' }, json: [{ id: 1 }] }],
  },
  {
    id: 'app-static-route-no-params',
    title: 'A route without dynamic segments gets no params (context.params is undefined)',
    source: APP_ROUTE_MODULE,
    files: { 'app/api/plain/route.ts': paramsEcho },
    requests: [{ path: '/api/plain' }],
    expect: [{ status: 200, json: { params: 'none' } }],
  },
  {
    id: 'app-dynamic-params',
    title: 'A dynamic segment arrives in the params promise, decoded',
    source: DYNAMIC_DOC,
    files: { 'app/api/users/[name]/route.ts': paramsEcho },
    requests: [{ path: '/api/users/ada' }, { path: '/api/users/hello%20world' }],
    expect: [
      { status: 200, json: { params: { name: 'ada' } } },
      { status: 200, json: { params: { name: 'hello world' } } },
    ],
  },
  {
    id: 'app-catch-all',
    title: 'A catch-all segment gives an array and does not match the bare path',
    source: DYNAMIC_DOC,
    files: { 'app/api/files/[...path]/route.ts': paramsEcho },
    requests: [{ path: '/api/files/a/b/c' }, { path: '/api/files' }],
    expect: [{ status: 200, json: { params: { path: ['a', 'b', 'c'] } } }, { status: 404 }],
  },
  {
    id: 'app-optional-catch-all',
    title: 'An optional catch-all matches the bare path with no value',
    source: DYNAMIC_DOC,
    files: { 'app/api/shop/[[...slug]]/route.ts': paramsEcho },
    requests: [{ path: '/api/shop' }, { path: '/api/shop/shoes/red' }],
    expect: [
      { status: 200, json: { params: {} } },
      { status: 200, json: { params: { slug: ['shoes', 'red'] } } },
    ],
  },
  {
    id: 'app-static-beats-dynamic',
    title: 'A static folder wins over a dynamic one at the same level',
    source: DYNAMIC_DOC,
    files: {
      'app/api/posts/latest/route.ts': `export async function GET() { return new Response('latest') }\n`,
      'app/api/posts/[id]/route.ts': `export async function GET(_r: Request, { params }: { params: Promise<{ id: string }> }) {
  return new Response('post ' + (await params).id)
}
`,
    },
    requests: [{ path: '/api/posts/latest' }, { path: '/api/posts/9' }],
    expect: [
      { status: 200, body: 'latest' },
      { status: 200, body: 'post 9' },
    ],
  },
  {
    id: 'app-dynamic-beats-catch-all',
    title: 'A deeper catch-all only takes what the dynamic route does not',
    source: DYNAMIC_DOC,
    files: {
      'app/api/q/[id]/route.ts': `export async function GET() { return new Response('one') }\n`,
      'app/api/q/[id]/[...rest]/route.ts': `export async function GET() { return new Response('rest') }\n`,
    },
    requests: [{ path: '/api/q/1' }, { path: '/api/q/1/a/b' }],
    expect: [
      { status: 200, body: 'one' },
      { status: 200, body: 'rest' },
    ],
  },
  {
    id: 'app-route-group',
    title: 'A (group) folder is not part of the URL',
    source: 'https://nextjs.org/docs/app/api-reference/file-conventions/route-groups',
    files: { 'app/(admin)/api/stats/route.ts': `export async function GET() { return new Response('stats') }\n` },
    requests: [{ path: '/api/stats' }],
    expect: [{ status: 200, body: 'stats' }],
  },
  {
    id: 'app-private-folder',
    title: 'A _private folder is not routable',
    source: 'https://nextjs.org/docs/app/getting-started/project-structure#private-folders',
    files: { 'app/api/_internal/route.ts': `export async function GET() { return new Response('secret') }\n` },
    requests: [{ path: '/api/_internal' }],
    expect: [{ status: 404 }],
  },
  {
    id: 'app-search-params',
    title: 'request.nextUrl.searchParams reads the query, repeated keys included',
    source: ROUTE_DOC,
    files: {
      'app/api/search/route.ts': `import type { NextRequest } from 'next/server'
export async function GET(request: NextRequest) {
  const q = request.nextUrl.searchParams
  return Response.json({ q: q.get('q'), tags: q.getAll('tag'), path: request.nextUrl.pathname })
}
`,
    },
    requests: [{ path: '/api/search?q=milk&tag=a&tag=b' }],
    expect: [{ status: 200, json: { q: 'milk', tags: ['a', 'b'], path: '/api/search' } }],
  },
  {
    id: 'app-request-cookies',
    title: 'request.cookies reads the Cookie header',
    source: NEXT_RESPONSE,
    files: {
      'app/api/me/route.ts': `import type { NextRequest } from 'next/server'
export async function GET(request: NextRequest) {
  return Response.json({ session: request.cookies.get('session')?.value ?? null, has: request.cookies.has('theme') })
}
`,
    },
    requests: [{ path: '/api/me', headers: { cookie: 'session=abc; theme=dark' } }, { path: '/api/me' }],
    expect: [
      { status: 200, json: { session: 'abc', has: true } },
      { status: 200, json: { session: null, has: false } },
    ],
  },
  {
    id: 'app-next-headers',
    title: 'headers() from next/headers reads the request headers',
    source: 'https://nextjs.org/docs/app/api-reference/functions/headers',
    files: {
      'app/api/whoami/route.ts': `import { headers } from 'next/headers'
export async function GET() {
  const h = await headers()
  return Response.json({ agent: h.get('user-agent'), custom: h.get('x-custom') })
}
`,
    },
    requests: [{ path: '/api/whoami', headers: { 'user-agent': 'lab-test/1.0', 'x-custom': 'yes' } }],
    expect: [{ status: 200, json: { agent: 'lab-test/1.0', custom: 'yes' } }],
  },
  {
    id: 'app-next-cookies-read',
    title: 'cookies() from next/headers reads the request cookies',
    source: 'https://nextjs.org/docs/app/api-reference/functions/cookies',
    files: {
      'app/api/theme/route.ts': `import { cookies } from 'next/headers'
export async function GET() {
  const jar = await cookies()
  return Response.json({ theme: jar.get('theme')?.value ?? 'light', count: jar.getAll().length })
}
`,
    },
    requests: [{ path: '/api/theme', headers: { cookie: 'theme=dark; a=1' } }],
    expect: [{ status: 200, json: { theme: 'dark', count: 2 } }],
  },
  {
    id: 'app-next-cookies-set',
    title: 'cookies().set in a route handler adds a Set-Cookie header with Path=/',
    source: 'https://nextjs.org/docs/app/api-reference/functions/cookies',
    files: {
      'app/api/login/route.ts': `import { cookies } from 'next/headers'
export async function POST() {
  ;(await cookies()).set('session', 'abc123')
  return Response.json({ ok: true })
}
`,
    },
    requests: [{ method: 'POST', path: '/api/login' }],
    expect: [{ status: 200, headers: { 'set-cookie': 'session=abc123; Path=/' }, json: { ok: true } }],
  },
  {
    id: 'app-nextresponse-json-status',
    title: 'NextResponse.json takes a status and sets application/json',
    source: NEXT_RESPONSE,
    files: {
      'app/api/items/route.ts': `import { NextResponse } from 'next/server'
export async function POST() { return NextResponse.json({ id: 7 }, { status: 201 }) }
`,
    },
    requests: [{ method: 'POST', path: '/api/items' }],
    expect: [{ status: 201, headers: { 'content-type': 'application/json' }, json: { id: 7 } }],
  },
  {
    id: 'app-nextresponse-redirect',
    title: 'NextResponse.redirect answers 307 with an absolute Location',
    source: NEXT_RESPONSE,
    files: {
      'app/api/old/route.ts': `import { NextResponse, type NextRequest } from 'next/server'
export async function GET(request: NextRequest) { return NextResponse.redirect(new URL('/login', request.url)) }
`,
    },
    requests: [{ path: '/api/old' }],
    expect: [{ status: 307, headers: { location: '<origin>/login' }, body: '' }],
  },
  {
    id: 'app-nextresponse-redirect-relative',
    title: 'NextResponse.redirect with a relative URL throws "URL is malformed", so the answer is a 500',
    source: 'https://nextjs.org/docs/messages/middleware-relative-urls',
    files: {
      'app/api/old/route.ts': `import { NextResponse } from 'next/server'
export async function GET() { return NextResponse.redirect('/login') }
`,
    },
    requests: [{ path: '/api/old' }],
    expect: [{ status: 500, headers: { location: null }, body: '' }],
    logs: ['URL is malformed "/login". Please use only absolute URLs'],
  },
  {
    id: 'app-nextresponse-cookies',
    title: 'response.cookies.set on a NextResponse adds Set-Cookie',
    source: NEXT_RESPONSE,
    files: {
      'app/api/pref/route.ts': `import { NextResponse } from 'next/server'
export async function GET() {
  const res = NextResponse.json({ ok: true })
  res.cookies.set('theme', 'dark')
  return res
}
`,
    },
    requests: [{ path: '/api/pref' }],
    expect: [{ status: 200, headers: { 'set-cookie': 'theme=dark; Path=/' }, json: { ok: true } }],
  },
  {
    id: 'app-request-json',
    title: 'await request.json() reads a JSON body',
    source: ROUTE_DOC,
    files: {
      'app/api/todos/route.ts': `export async function POST(request: Request) {
  const { title } = await request.json()
  return Response.json({ title }, { status: 201 })
}
`,
    },
    requests: [
      { method: 'POST', path: '/api/todos', headers: { 'content-type': 'application/json' }, body: '{"title":"Eggs"}' },
    ],
    expect: [{ status: 201, json: { title: 'Eggs' } }],
  },
  {
    id: 'app-request-formdata',
    title: 'await request.formData() reads a urlencoded form',
    source: ROUTE_DOC,
    files: {
      'app/api/form/route.ts': `export async function POST(request: Request) {
  const form = await request.formData()
  return Response.json({ name: form.get('name'), tags: form.getAll('tag') })
}
`,
    },
    requests: [
      {
        method: 'POST',
        path: '/api/form',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'name=Ada&tag=x&tag=y',
      },
    ],
    expect: [{ status: 200, json: { name: 'Ada', tags: ['x', 'y'] } }],
  },
  {
    id: 'app-request-text',
    title: 'await request.text() reads the raw body (no body parser, no size limit config)',
    source: ROUTE_DOC,
    files: {
      'app/api/raw/route.ts': `export async function POST(request: Request) {
  const text = await request.text()
  return Response.json({ length: text.length })
}
`,
    },
    requests: [
      {
        method: 'POST',
        path: '/api/raw',
        headers: { 'content-type': 'text/plain' },
        body: 'y'.repeat(2 * 1024 * 1024),
      },
    ],
    expect: [{ status: 200, json: { length: 2 * 1024 * 1024 } }],
  },
  {
    id: 'app-invalid-json-uncaught',
    title: 'Invalid JSON makes request.json() throw; uncaught, that is a 500 with an empty body',
    source: APP_ROUTE_MODULE,
    files: {
      'app/api/todos/route.ts': `export async function POST(request: Request) {
  const body = await request.json()
  return Response.json(body)
}
`,
    },
    requests: [{ method: 'POST', path: '/api/todos', headers: { 'content-type': 'application/json' }, body: '{oops' }],
    expect: [{ status: 500, body: '' }],
    logs: ['SyntaxError'],
  },
  {
    id: 'app-invalid-json-caught',
    title: 'Catching the request.json() error lets the handler answer 400 itself',
    source: ROUTE_DOC,
    files: {
      'app/api/todos/route.ts': `export async function POST(request: Request) {
  try {
    return Response.json(await request.json())
  } catch {
    return Response.json({ error: 'Body must be JSON' }, { status: 400 })
  }
}
`,
    },
    requests: [{ method: 'POST', path: '/api/todos', headers: { 'content-type': 'application/json' }, body: '{oops' }],
    expect: [{ status: 400, json: { error: 'Body must be JSON' } }],
  },
]
