/** Pages Router API routes (`pages/api/**`), as Next.js's apiResolver answers them in production. */
import type { RouteCaseInput } from './schema'

const API_ROUTES = 'https://nextjs.org/docs/pages/building-your-application/routing/api-routes'
const PARSE_BODY = 'https://github.com/vercel/next.js/blob/canary/packages/next/src/server/api-utils/node/parse-body.ts'
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
]
