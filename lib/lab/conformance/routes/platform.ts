/**
 * The platform profiles' environment: `fluid` stands for Vercel (VERCEL=1, @vercel/functions works),
 * `lambda` for AWS Lambda and `server` for `next start`, where Vercel's system variables are not set
 * and @vercel/functions finds no request context, so waitUntil and attachDatabasePool do nothing.
 */
import type { RouteCaseInput } from './schema'

const SYSTEM_ENV = 'https://vercel.com/docs/environment-variables/system-environment-variables'
const WAIT_UNTIL = 'https://github.com/vercel/vercel/blob/main/packages/functions/src/wait-until.ts'

const envRoute = `import { waitUntil } from '@vercel/functions'
export async function GET() {
  waitUntil(Promise.resolve('audit'))
  return Response.json({ vercel: process.env.VERCEL ?? null })
}
`

export const platformCases: RouteCaseInput[] = [
  {
    id: 'platform-lambda-not-vercel',
    title:
      'On lambda (AWS Lambda) VERCEL is not set, and waitUntil from @vercel/functions does nothing and does not throw',
    source: WAIT_UNTIL,
    profile: 'lambda',
    files: { 'app/api/env/route.ts': envRoute },
    requests: [{ path: '/api/env' }],
    expect: [{ status: 200, json: { vercel: null } }],
  },
  {
    id: 'platform-server-not-vercel',
    title: 'On server (next start) VERCEL is not set',
    source: SYSTEM_ENV,
    profile: 'server',
    files: { 'app/api/env/route.ts': envRoute },
    requests: [{ path: '/api/env' }],
    expect: [{ status: 200, json: { vercel: null } }],
  },
  {
    id: 'platform-fluid-is-vercel',
    title: 'On fluid (Vercel) VERCEL is "1"',
    source: SYSTEM_ENV,
    profile: 'fluid',
    files: { 'app/api/env/route.ts': envRoute },
    requests: [{ path: '/api/env' }],
    expect: [{ status: 200, json: { vercel: '1' } }],
    realNext: {
      skip: 'The verifier runs next start, which is not Vercel: VERCEL=1 is a system variable only Vercel sets (see the source document).',
    },
  },
  {
    id: 'platform-node-env',
    title: 'A deployment runs with NODE_ENV=production',
    source: 'https://nextjs.org/docs/pages/guides/environment-variables#good-to-know',
    files: {
      'pages/api/env.ts': `export default function handler(req: any, res: any) { res.json({ env: process.env.NODE_ENV }) }\n`,
    },
    requests: [{ path: '/api/env' }],
    expect: [{ status: 200, json: { env: 'production' } }],
  },
  {
    id: 'platform-not-found',
    title: 'A path no route matches answers 404',
    source: 'https://nextjs.org/docs/app/api-reference/file-conventions/not-found',
    files: { 'app/api/todos/route.ts': `export async function GET() { return Response.json([]) }\n` },
    requests: [{ path: '/api/nothing-here' }],
    expect: [{ status: 404 }],
  },
  {
    id: 'platform-app-and-pages',
    title: 'The App Router and the Pages Router serve side by side',
    source: 'https://nextjs.org/docs/app/guides/migrating/app-router-migration',
    files: {
      'app/api/new/route.ts': `export async function GET() { return new Response('app') }\n`,
      'pages/api/old.ts': `export default function handler(req: any, res: any) { res.send('pages') }\n`,
    },
    requests: [{ path: '/api/new' }, { path: '/api/old' }],
    expect: [
      { status: 200, body: 'app' },
      { status: 200, body: 'pages' },
    ],
  },
]
