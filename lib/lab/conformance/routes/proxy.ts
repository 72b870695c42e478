/** proxy.ts (middleware before Next 16) in front of the routes: answering early, passing headers on. */
import type { RouteCaseInput } from './schema'

const PROXY_DOC = 'https://nextjs.org/docs/app/api-reference/file-conventions/proxy'

const guard = `import { NextResponse, type NextRequest } from 'next/server'
export function proxy(request: NextRequest) {
  const user = request.cookies.get('user')?.value
  if (!user) return NextResponse.json({ error: 'sign in first' }, { status: 401 })
  const headers = new Headers(request.headers)
  headers.set('x-user', user)
  return NextResponse.next({ request: { headers } })
}
export const config = { matcher: '/api/admin/:path*' }
`

export const proxyCases: RouteCaseInput[] = [
  {
    id: 'proxy-answers-early',
    title: 'A proxy that returns a response answers for the route, which does not run',
    source: PROXY_DOC,
    files: {
      'proxy.ts': guard,
      'app/api/admin/stats/route.ts': `import { headers } from 'next/headers'
export async function GET() { return Response.json({ user: (await headers()).get('x-user') }) }
`,
    },
    requests: [{ path: '/api/admin/stats' }],
    expect: [{ status: 401, json: { error: 'sign in first' } }],
  },
  {
    id: 'proxy-request-headers',
    title: 'NextResponse.next({ request: { headers } }) passes new request headers on to the route',
    source: PROXY_DOC,
    files: {
      'proxy.ts': guard,
      'app/api/admin/stats/route.ts': `import { headers } from 'next/headers'
export async function GET() { return Response.json({ user: (await headers()).get('x-user') }) }
`,
    },
    requests: [{ path: '/api/admin/stats', headers: { cookie: 'user=ada' } }],
    expect: [{ status: 200, json: { user: 'ada' } }],
  },
  {
    id: 'proxy-matcher',
    title: "A path outside the proxy's matcher does not go through it",
    source: PROXY_DOC,
    files: {
      'proxy.ts': guard,
      'app/api/public/route.ts': `export async function GET() { return new Response('open') }\n`,
    },
    requests: [{ path: '/api/public' }],
    expect: [{ status: 200, body: 'open' }],
  },
]
