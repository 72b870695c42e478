/** Pages Router API routes (`pages/api/**`), as Next.js's apiResolver answers them in production. */
import type { RouteCaseInput } from './schema'

const API_ROUTES = 'https://nextjs.org/docs/pages/building-your-application/routing/api-routes'
const API_RESOLVER =
  'https://github.com/vercel/next.js/blob/canary/packages/next/src/server/api-utils/node/api-resolver.ts'
const PARSE_BODY = 'https://github.com/vercel/next.js/blob/canary/packages/next/src/server/api-utils/node/parse-body.ts'
const API_UTILS = 'https://github.com/vercel/next.js/blob/canary/packages/next/src/server/api-utils/index.ts'
const DYNAMIC_API = 'https://nextjs.org/docs/pages/building-your-application/routing/dynamic-routes'

const echo = `import type { NextApiRequest, NextApiResponse } from 'next'
export default function handler(req: NextApiRequest, res: NextApiResponse) {
  res.status(200).json({ method: req.method, url: req.url, query: req.query, body: req.body ?? null, cookies: req.cookies })
}
`
const JSON_TYPE = 'application/json; charset=utf-8'
const big = (bytes: number) => '{"data":"' + 'x'.repeat(bytes - 11) + '"}'

export const pagesRouterCases: RouteCaseInput[] = [
  {
    id: 'pages-query-parsing',
    title: 'req.query holds every search parameter; a repeated one becomes an array',
    source: API_ROUTES,
    files: { 'pages/api/echo.ts': echo },
    requests: [{ path: '/api/echo?a=1&a=2&b=x' }],
    expect: [
      {
        status: 200,
        headers: { 'content-type': JSON_TYPE },
        json: { method: 'GET', url: '/api/echo?a=1&a=2&b=x', query: { a: ['1', '2'], b: 'x' }, body: '', cookies: {} },
      },
    ],
  },
  {
    id: 'pages-dynamic-segment',
    title: 'A dynamic segment [id] is in req.query, next to the search parameters',
    source: DYNAMIC_API,
    files: { 'pages/api/items/[id].ts': echo },
    requests: [{ path: '/api/items/42?x=1' }],
    expect: [
      {
        status: 200,
        json: { method: 'GET', url: '/api/items/42?x=1', query: { id: '42', x: '1' }, body: '', cookies: {} },
      },
    ],
  },
  {
    id: 'pages-catch-all',
    title: 'A catch-all segment [...slug] gives an array and does not match the bare path',
    source: DYNAMIC_API,
    files: {
      'pages/api/docs/[...slug].ts': `export default function handler(req: any, res: any) { res.json(req.query) }\n`,
    },
    requests: [{ path: '/api/docs/a/b' }, { path: '/api/docs' }],
    expect: [{ status: 200, json: { slug: ['a', 'b'] } }, { status: 404 }],
  },
  {
    id: 'pages-optional-catch-all',
    title: 'An optional catch-all [[...slug]] also matches the bare path, with no slug',
    source: DYNAMIC_API,
    files: {
      'pages/api/opt/[[...slug]].ts': `export default function handler(req: any, res: any) { res.json(req.query) }\n`,
    },
    requests: [{ path: '/api/opt' }, { path: '/api/opt/a/b' }],
    expect: [
      { status: 200, json: {} },
      { status: 200, json: { slug: ['a', 'b'] } },
    ],
  },
  {
    id: 'pages-index-file',
    title: 'pages/api/things/index.ts answers /api/things',
    source: API_ROUTES,
    files: {
      'pages/api/things/index.ts': `export default function handler(req: any, res: any) { res.send('index') }\n`,
    },
    requests: [{ path: '/api/things' }],
    expect: [{ status: 200, body: 'index' }],
  },
  {
    id: 'pages-static-beats-dynamic',
    title: 'A static file wins over a dynamic segment at the same level',
    source: DYNAMIC_API,
    files: {
      'pages/api/p/new.ts': `export default function handler(req: any, res: any) { res.send('static') }\n`,
      'pages/api/p/[id].ts': `export default function handler(req: any, res: any) { res.send('dynamic ' + req.query.id) }\n`,
    },
    requests: [{ path: '/api/p/new' }, { path: '/api/p/7' }],
    expect: [
      { status: 200, body: 'static' },
      { status: 200, body: 'dynamic 7' },
    ],
  },
  {
    id: 'pages-cookies',
    title: 'req.cookies parses the Cookie header and decodes values',
    source: API_ROUTES,
    files: { 'pages/api/echo.ts': echo },
    requests: [{ path: '/api/echo', headers: { cookie: 'a=1; b=hello%20world' } }],
    expect: [
      {
        status: 200,
        json: { method: 'GET', url: '/api/echo', query: {}, body: '', cookies: { a: '1', b: 'hello world' } },
      },
    ],
  },
  {
    id: 'pages-json-body',
    title: 'A JSON body is parsed into req.body',
    source: PARSE_BODY,
    files: { 'pages/api/echo.ts': echo },
    requests: [
      {
        method: 'POST',
        path: '/api/echo',
        headers: { 'content-type': 'application/json' },
        body: '{"title":"Milk","n":2}',
      },
    ],
    expect: [
      {
        status: 200,
        json: { method: 'POST', url: '/api/echo', query: {}, body: { title: 'Milk', n: 2 }, cookies: {} },
      },
    ],
  },
  {
    id: 'pages-empty-json-body',
    title: 'An empty body sent as JSON becomes {} (a common client mistake, special-cased by Next)',
    source: PARSE_BODY,
    files: { 'pages/api/echo.ts': echo },
    requests: [{ method: 'POST', path: '/api/echo', headers: { 'content-type': 'application/json' }, body: '' }],
    expect: [{ status: 200, json: { method: 'POST', url: '/api/echo', query: {}, body: {}, cookies: {} } }],
  },
  {
    id: 'pages-urlencoded-body',
    title: 'A urlencoded body is decoded like querystring: a repeated key becomes an array',
    source: PARSE_BODY,
    files: { 'pages/api/echo.ts': echo },
    requests: [
      {
        method: 'POST',
        path: '/api/echo',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'a=1&b=two%20words&a=3',
      },
    ],
    expect: [
      {
        status: 200,
        json: { method: 'POST', url: '/api/echo', query: {}, body: { a: ['1', '3'], b: 'two words' }, cookies: {} },
      },
    ],
  },
  {
    id: 'pages-text-body',
    title: 'Any other content type leaves req.body as the text',
    source: PARSE_BODY,
    files: { 'pages/api/echo.ts': echo },
    requests: [{ method: 'PUT', path: '/api/echo', headers: { 'content-type': 'text/plain' }, body: 'plain words' }],
    expect: [{ status: 200, json: { method: 'PUT', url: '/api/echo', query: {}, body: 'plain words', cookies: {} } }],
  },
  {
    id: 'pages-invalid-json',
    title: 'Invalid JSON is answered 400 "Invalid JSON" before the handler runs',
    source: PARSE_BODY,
    files: { 'pages/api/echo.ts': echo },
    requests: [{ method: 'POST', path: '/api/echo', headers: { 'content-type': 'application/json' }, body: '{bad' }],
    expect: [{ status: 400, body: 'Invalid JSON' }],
  },
  {
    id: 'pages-body-limit-default',
    title: 'A body over the default 1mb limit is answered 413 "Body exceeded 1mb limit"',
    source: PARSE_BODY,
    files: {
      'pages/api/echo.ts': `export default function handler(req: any, res: any) { res.json({ size: JSON.stringify(req.body).length }) }\n`,
    },
    requests: [
      {
        method: 'POST',
        path: '/api/echo',
        headers: { 'content-type': 'application/json' },
        body: big(1024 * 1024 + 1),
      },
      { method: 'POST', path: '/api/echo', headers: { 'content-type': 'application/json' }, body: big(1024 * 1024) },
    ],
    expect: [
      { status: 413, body: 'Body exceeded 1mb limit' },
      { status: 200, json: { size: 1024 * 1024 } },
    ],
  },
  {
    id: 'pages-body-size-limit-config',
    title: 'config.api.bodyParser.sizeLimit sets the limit, and the 413 message quotes it',
    source: 'https://nextjs.org/docs/pages/building-your-application/routing/api-routes#custom-config',
    files: {
      'pages/api/small.ts': `export const config = { api: { bodyParser: { sizeLimit: '10kb' } } }
export default function handler(req: any, res: any) { res.json({ ok: true }) }
`,
    },
    requests: [
      { method: 'POST', path: '/api/small', headers: { 'content-type': 'application/json' }, body: big(20 * 1024) },
      { method: 'POST', path: '/api/small', headers: { 'content-type': 'application/json' }, body: big(5 * 1024) },
    ],
    expect: [
      { status: 413, body: 'Body exceeded 10kb limit' },
      { status: 200, json: { ok: true } },
    ],
  },
  {
    id: 'pages-body-parser-off-events',
    title: "bodyParser: false leaves req.body undefined and req a readable stream ('data' and 'end' events)",
    source: 'https://nextjs.org/docs/pages/building-your-application/routing/api-routes#custom-config',
    files: {
      'pages/api/webhook.ts': `import type { NextApiRequest, NextApiResponse } from 'next'
export const config = { api: { bodyParser: false } }
export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const chunks: Buffer[] = []
  req.on('data', (chunk: Buffer) => chunks.push(chunk))
  req.on('end', () => {
    const raw = Buffer.concat(chunks).toString('utf8')
    res.status(200).json({ parsed: req.body === undefined, raw })
  })
}
`,
    },
    requests: [
      { method: 'POST', path: '/api/webhook', headers: { 'content-type': 'application/json' }, body: '{"id":"evt_1"}' },
    ],
    expect: [{ status: 200, json: { parsed: true, raw: '{"id":"evt_1"}' } }],
  },
  {
    id: 'pages-body-parser-off-iterator',
    title: 'bodyParser: false and `for await (const chunk of req)` reads the raw body (the webhook-signature pattern)',
    source: 'https://nextjs.org/docs/pages/building-your-application/routing/api-routes#custom-config',
    files: {
      'pages/api/webhook.ts': `import type { NextApiRequest, NextApiResponse } from 'next'
export const config = { api: { bodyParser: false } }
async function rawBody(req: NextApiRequest): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
  return Buffer.concat(chunks)
}
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const raw = await rawBody(req)
  res.json({ bytes: raw.length, text: raw.toString('utf8') })
}
`,
    },
    requests: [
      { method: 'POST', path: '/api/webhook', headers: { 'content-type': 'text/plain' }, body: 'signed: héllo' },
    ],
    expect: [{ status: 200, json: { bytes: 14, text: 'signed: héllo' } }],
  },
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
