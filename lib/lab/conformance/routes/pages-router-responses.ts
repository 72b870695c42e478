/** Pages API routes' responses, as Next's apiResolver sends them: redirects, 204 and 304, ETags, HEAD, errors, size limits. */
import type { RouteCaseInput } from './schema'

const API_ROUTES = 'https://nextjs.org/docs/pages/building-your-application/routing/api-routes'
const API_RESOLVER =
  'https://github.com/vercel/next.js/blob/canary/packages/next/src/server/api-utils/node/api-resolver.ts'
const API_UTILS = 'https://github.com/vercel/next.js/blob/canary/packages/next/src/server/api-utils/index.ts'
const JSON_TYPE = 'application/json; charset=utf-8'

export const pagesResponseCases: RouteCaseInput[] = [
  {
    id: 'pages-redirect-url',
    title: "res.redirect('/login') answers 307 with the Location and writes the URL as the body",
    source: API_UTILS,
    files: { 'pages/api/go.ts': `export default function handler(req: any, res: any) { res.redirect('/login') }\n` },
    requests: [{ path: '/api/go' }],
    expect: [{ status: 307, headers: { location: '/login' }, body: '/login' }],
  },
  {
    id: 'pages-redirect-status-url',
    title: "res.redirect(301, '/new') uses the status and writes the URL as the body",
    source: API_UTILS,
    files: { 'pages/api/go.ts': `export default function handler(req: any, res: any) { res.redirect(301, '/new') }\n` },
    requests: [{ path: '/api/go' }],
    expect: [{ status: 301, headers: { location: '/new' }, body: '/new' }],
  },
  {
    id: 'pages-redirect-missing-url',
    title: 'res.redirect(307) without a URL throws "Invalid redirect arguments", so the answer is a 500',
    source: API_UTILS,
    files: { 'pages/api/go.ts': `export default function handler(req: any, res: any) { res.redirect(307) }\n` },
    requests: [{ path: '/api/go' }],
    expect: [{ status: 500, headers: { location: null }, body: 'Internal Server Error' }],
    logs: ['Invalid redirect arguments. Please use a single argument URL'],
  },
  {
    id: 'pages-redirect-null',
    title: 'res.redirect(null) throws "Invalid redirect arguments" too',
    source: API_UTILS,
    files: { 'pages/api/go.ts': `export default function handler(req: any, res: any) { res.redirect(null) }\n` },
    requests: [{ path: '/api/go' }],
    expect: [{ status: 500, headers: { location: null }, body: 'Internal Server Error' }],
    logs: ['Invalid redirect arguments.'],
  },
  {
    id: 'pages-204-send',
    title: 'res.status(204).send() sends no body and no content type',
    source: API_RESOLVER,
    files: { 'pages/api/empty.ts': `export default function handler(req: any, res: any) { res.status(204).send() }\n` },
    requests: [{ method: 'DELETE', path: '/api/empty' }],
    expect: [{ status: 204, headers: { 'content-type': null }, body: '' }],
  },
  {
    id: 'pages-204-json',
    title: 'res.status(204).json({...}) strips the body and the content headers',
    source: API_RESOLVER,
    files: {
      'pages/api/empty.ts': `export default function handler(req: any, res: any) { res.status(204).json({ deleted: true }) }\n`,
    },
    requests: [{ method: 'DELETE', path: '/api/empty' }],
    expect: [{ status: 204, headers: { 'content-type': null, 'content-length': null }, body: '' }],
    labLogs: ['[lab hint, from `next dev`] A body was attempted to be set with a 204 statusCode'],
  },
  {
    id: 'pages-etag-json',
    title: 'res.json adds an ETag; a request with a matching If-None-Match gets 304 and no body',
    source: API_RESOLVER,
    files: { 'pages/api/ok.ts': `export default function handler(req: any, res: any) { res.json({ ok: true }) }\n` },
    // A browser revalidating its cached copy sends max-age=0 (fetch() would add no-cache, see below).
    requests: [
      { path: '/api/ok' },
      { path: '/api/ok', headers: { 'if-none-match': '"w6gfy8q1ypb"', 'cache-control': 'max-age=0' } },
    ],
    expect: [
      { status: 200, headers: { etag: '"w6gfy8q1ypb"', 'content-type': JSON_TYPE }, body: '{"ok":true}' },
      { status: 304, headers: { etag: '"w6gfy8q1ypb"' }, body: '' },
    ],
  },
  {
    id: 'pages-etag-no-cache',
    title:
      'If-None-Match with Cache-Control: no-cache gets the full answer (what fetch() sends with a conditional header)',
    source: 'https://github.com/jshttp/fresh/blob/master/index.js',
    files: { 'pages/api/ok.ts': `export default function handler(req: any, res: any) { res.json({ ok: true }) }\n` },
    requests: [{ path: '/api/ok', headers: { 'if-none-match': '"w6gfy8q1ypb"', 'cache-control': 'no-cache' } }],
    expect: [{ status: 200, headers: { etag: '"w6gfy8q1ypb"' }, body: '{"ok":true}' }],
  },
  {
    id: 'pages-etag-send-text',
    title: "res.send('hello') adds an ETag and sets no content type of its own",
    source: API_RESOLVER,
    files: { 'pages/api/hi.ts': `export default function handler(req: any, res: any) { res.send('hello') }\n` },
    requests: [
      { path: '/api/hi' },
      { path: '/api/hi', headers: { 'if-none-match': 'W/"2caikvdqo85"', 'cache-control': 'max-age=0' } },
    ],
    expect: [
      { status: 200, headers: { etag: '"2caikvdqo85"', 'content-length': '5' }, body: 'hello' },
      { status: 304, body: '' },
    ],
  },
  {
    id: 'pages-head',
    title: 'A HEAD request runs the handler; the answer keeps its headers and has no body',
    source: 'https://nodejs.org/docs/latest-v22.x/api/http.html#class-httpserverresponse',
    files: {
      'pages/api/ok.ts': `export default function handler(req: any, res: any) { res.json({ method: req.method }) }\n`,
    },
    requests: [{ method: 'HEAD', path: '/api/ok' }],
    expect: [{ status: 200, headers: { 'content-type': JSON_TYPE, 'content-length': '17' }, body: '' }],
  },
  {
    id: 'pages-send-number',
    title: 'res.send(42) sends JSON-like values as JSON',
    source: API_RESOLVER,
    files: { 'pages/api/n.ts': `export default function handler(req: any, res: any) { res.send(42) }\n` },
    requests: [{ path: '/api/n' }],
    expect: [{ status: 200, headers: { 'content-type': JSON_TYPE }, body: '42' }],
  },
  {
    id: 'pages-status-and-headers',
    title: 'res.setHeader and res.status carry through to the answer',
    source: API_ROUTES,
    files: {
      'pages/api/made.ts': `export default function handler(req: any, res: any) {
  res.setHeader('x-request-kind', 'create')
  res.status(201).json({ id: 1 })
}
`,
    },
    requests: [{ method: 'POST', path: '/api/made' }],
    expect: [{ status: 201, headers: { 'x-request-kind': 'create', 'content-type': JSON_TYPE }, json: { id: 1 } }],
  },
  {
    id: 'pages-method-switch',
    title: 'One handler sees every method in req.method and answers 405 itself for the rest',
    source: API_ROUTES,
    files: {
      'pages/api/todos.ts': `export default function handler(req: any, res: any) {
  if (req.method === 'GET') return res.json([])
  res.setHeader('Allow', ['GET'])
  res.status(405).end(\`Method \${req.method} Not Allowed\`)
}
`,
    },
    requests: [{ path: '/api/todos' }, { method: 'DELETE', path: '/api/todos' }],
    expect: [
      { status: 200, json: [] },
      { status: 405, headers: { allow: 'GET' }, body: 'Method DELETE Not Allowed' },
    ],
  },
  {
    id: 'pages-uncaught-error',
    title: 'An uncaught error is logged and answered 500 "Internal Server Error"',
    source: API_RESOLVER,
    files: {
      'pages/api/boom.ts': `export default async function handler() { throw new Error('the database is down') }\n`,
    },
    requests: [{ path: '/api/boom' }],
    expect: [{ status: 500, body: 'Internal Server Error' }],
    logs: ['the database is down'],
  },
  {
    id: 'pages-response-limit-custom',
    title: "A response over config.api.responseLimit logs Next's warning, and is still sent whole",
    source: 'https://nextjs.org/docs/messages/api-routes-response-size-limit',
    files: {
      'pages/api/report.ts': `export const config = { api: { responseLimit: '1kb' } }
export default function handler(req: any, res: any) { res.send('x'.repeat(2048)) }
`,
    },
    requests: [{ path: '/api/report' }],
    expect: [{ status: 200, bodyLength: 2048 }],
    logs: ['exceeds 1KB. API Routes are meant to respond quickly.'],
  },
  {
    id: 'pages-response-over-4mb',
    title: 'A response over the default 4MB limit logs the warning and is sent whole',
    source: 'https://nextjs.org/docs/messages/api-routes-response-size-limit',
    files: {
      'pages/api/export.ts': `export default function handler(req: any, res: any) { res.send('x'.repeat(4 * 1024 * 1024 + 16)) }\n`,
    },
    requests: [{ path: '/api/export' }],
    expect: [{ status: 200, bodyLength: 4 * 1024 * 1024 + 16 }],
    logs: ['exceeds 4MB. API Routes are meant to respond quickly.'],
    labLogs: ["[lab budget] The response body was cut at 1 MB, the lab's own limit"],
    labDiffers: {
      reason:
        'The lab keeps at most 1 MB of any response body (a budget for the page showing it). It says so in the console and marks the result as truncated; Next.js sends the whole body.',
      expect: [{ status: 200, bodyLength: 1024 * 1024 }],
    },
  },
  {
    id: 'pages-external-resolver',
    title: 'externalResolver: true answers later without the "resolved without sending a response" hint',
    source: 'https://nextjs.org/docs/pages/building-your-application/routing/api-routes#custom-config',
    files: {
      'pages/api/later.ts': `export const config = { api: { externalResolver: true } }
export default function handler(req: any, res: any) { setTimeout(() => res.status(200).send('later'), 20) }
`,
    },
    requests: [{ path: '/api/later' }],
    expect: [{ status: 200, body: 'later' }],
  },
  {
    id: 'pages-resolved-without-response',
    title: "A handler that returns before answering still answers; the lab adds next dev's warning as a labelled hint",
    source: API_RESOLVER,
    files: {
      'pages/api/later.ts': `export default function handler(req: any, res: any) { setTimeout(() => res.status(200).send('later'), 20) }\n`,
    },
    requests: [{ path: '/api/later' }],
    expect: [{ status: 200, body: 'later' }],
    labLogs: ['[lab hint, from `next dev`] API resolved without sending a response for /api/later'],
  },
]
