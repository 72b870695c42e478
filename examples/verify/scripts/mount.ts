/**
 * Generates ONE Next.js 16 app (`.generated-app/`) holding every variant under its own prefix.
 *
 *   app/**                      → app/api/x/<key>/**            (URL /api/x/<key>/…)
 *   pages/api/**                → pages/api/x/<key>/api/**      (URL /api/x/<key>/api/…)
 *   proxy.ts / middleware.ts    → ex/<key>/proxy.ts, called by the generated root proxy.ts
 *   anything else (lib/**, …)   → ex/<key>/**
 *
 * So a request the lesson sends to `/api/todos` is sent to `/api/x/<key>/api/todos`. Pages Router
 * API routes must live under `pages/api`, which is why the prefix starts with `/api`.
 *
 * The only source changes, all mechanical:
 * - relative and `@/` import specifiers are rewritten to the variant's own copy;
 * - `process.env` becomes `__verifyEnv`, a per-variant view of `process.env` with the example's
 *   `.env`/`.env.local` on top and every `postgres://` value replaced by the variant's real database;
 * - `@prisma/adapter-pg` becomes the real `PrismaPg` with the variant's schema as its `schema` option;
 * - `next/cache` becomes a thin shim that puts the variant's prefix on the paths and tags given to
 *   `revalidatePath`, `revalidateTag`, `updateTag` and `unstable_cache`, because one app now holds
 *   many examples that use the same paths and tags.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, posix } from 'node:path'
import { NEXT_TSCONFIG } from '../../../lib/download/next-tsconfig.mjs'
import { readProxyMatcher } from '../../../lib/lab/routing/proxy-config'
import type { Variant } from './variants'

export const MOUNT_ROOT = '/api/x'
export const urlPrefix = (key: string) => `${MOUNT_ROOT}/${key}`

const CODE = /\.(ts|tsx|js|jsx|mjs|cjs|mts|cts)$/
const SKIP = /^(\.env(\..*)?|vercel\.json|README\.md|tsconfig\.json|package\.json|next\.config\.\w+)$/
const PROXY_FILES = new Set([
  'proxy.ts',
  'middleware.ts',
  'proxy.js',
  'middleware.js',
  'src/proxy.ts',
  'src/middleware.ts',
])

/** Where a path of the example tree goes in the generated app (works on folders and extensionless paths too). */
export function mapPath(key: string, path: string): string {
  const rest = path.replace(/^src\//, '')
  if (PROXY_FILES.has(path)) return `ex/${key}/proxy${path.slice(path.lastIndexOf('.'))}`
  if (rest === 'app' || rest.startsWith('app/')) return `app/api/x/${key}${rest.slice(3)}`
  if (rest.startsWith('pages/api/') || rest === 'pages/api')
    return `pages/api/x/${key}/api${rest.slice('pages/api'.length)}`
  return `ex/${key}/${path}`
}

/** Parses a `.env` file the way Next does for simple `KEY=value` lines (quotes stripped, comments ignored). */
export function parseDotEnv(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line)
    if (!m) continue
    let value = m[2]
    if (/^(['"]).*\1$/.test(value)) value = value.slice(1, -1)
    else value = value.replace(/\s+#.*$/, '')
    out[m[1]] = value
  }
  return out
}

function relativeSpecifier(fromFile: string, toPath: string): string {
  const rel = posix.relative(posix.dirname(fromFile), toPath)
  return rel.startsWith('.') ? rel : `./${rel}`
}

function resolveAlias(files: Record<string, string>, target: string): string {
  const names = Object.keys(files)
  const exists = (p: string) => names.some((n) => n === p || n.startsWith(`${p}.`) || n.startsWith(`${p}/`))
  if (!exists(target) && exists(`src/${target}`)) return `src/${target}`
  return target
}

const SPECIFIER =
  /(\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*|\.{1,2}|@\/[^'"]*)\2/g

export function rewriteSource(key: string, file: string, source: string, files: Record<string, string>): string {
  const mapped = mapPath(key, file)
  let out = source.replace(SPECIFIER, (_all, head: string, quote: string, spec: string) => {
    const target = spec.startsWith('@/')
      ? resolveAlias(files, spec.slice(2))
      : posix.normalize(posix.join(posix.dirname(file), spec))
    return `${head}${quote}${relativeSpecifier(mapped, mapPath(key, target))}${quote}`
  })
  out = out.replace(
    /(\bfrom\s*)(['"])next\/cache\2/g,
    (_all, head: string, quote: string) =>
      `${head}${quote}${relativeSpecifier(mapped, `ex/${key}/__verify/next-cache`)}${quote}`,
  )
  // No AWS and no Redis here: the route's queue client answers from a stand-in (queueShims below).
  out = out.replace(
    /(\bfrom\s*)(['"])(@aws-sdk\/client-sqs|bullmq)\2/g,
    (_all, head: string, quote: string, name: string) =>
      `${head}${quote}${relativeSpecifier(mapped, `ex/${key}/__verify/${name === 'bullmq' ? 'bullmq' : 'client-sqs'}`)}${quote}`,
  )
  // One database holds every variant, each in a schema of its own; Prisma names its tables' schema in the SQL.
  out = out.replace(
    /(\bfrom\s*)(['"])@prisma\/adapter-pg\2/g,
    (_all, head: string, quote: string) =>
      `${head}${quote}${relativeSpecifier(mapped, `ex/${key}/__verify/adapter-pg`)}${quote}`,
  )
  if (/\bprocess\.env\b/.test(out)) {
    out = out.replace(/\bprocess\.env\b/g, '__verifyEnv')
    const line = `import { env as __verifyEnv } from '${relativeSpecifier(mapped, `ex/${key}/__verify/env`)}'\n`
    // Keep the file's leading comments and directive prologue ('use server', 'use client', …) first: a
    // `// @ts-nocheck` pragma (the generated Prisma Client has one) only counts before the first statement.
    const head = /^(?:\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/[ \t]*\r?\n|(['"])use [^'"]+\1;?[ \t]*\r?\n))*/.exec(out)![0]
    out = out.slice(0, head.length) + line + out.slice(head.length)
  }
  return out
}

function envModule(key: string, files: Record<string, string>): string {
  const dotenv = { ...parseDotEnv(files['.env'] ?? ''), ...parseDotEnv(files['.env.local'] ?? '') }
  return `// Generated by examples/verify: the example's .env files over process.env, with its databases pointed at the real one.
const dotenv: Record<string, string> = ${JSON.stringify(dotenv, null, 2)}
const urls = JSON.parse(process.env.VERIFY_DATABASE_URLS ?? '{}') as Record<string, string>
const realDatabase = urls[${JSON.stringify(key)}]
const overrides: Record<string, string> = {}
for (const [name, value] of Object.entries(dotenv)) {
  overrides[name] = realDatabase && /^postgres(ql)?:\\/\\//.test(value) ? realDatabase : value
}
if (realDatabase) overrides.DATABASE_URL ??= realDatabase

export const env: NodeJS.ProcessEnv = new Proxy(process.env, {
  get: (target, name) => (typeof name === 'string' && name in overrides ? overrides[name] : Reflect.get(target, name)),
  set: (_target, name, value) => {
    overrides[String(name)] = String(value)
    return true
  },
  has: (target, name) => (typeof name === 'string' && name in overrides) || Reflect.has(target, name),
  deleteProperty: (target, name) => {
    delete overrides[String(name)]
    return Reflect.deleteProperty(target, name)
  },
  ownKeys: (target) => [...new Set([...Reflect.ownKeys(target), ...Object.keys(overrides)])],
  getOwnPropertyDescriptor: (target, name) =>
    typeof name === 'string' && name in overrides
      ? { value: overrides[name], writable: true, enumerable: true, configurable: true }
      : Reflect.getOwnPropertyDescriptor(target, name),
})
`
}

/**
 * The queue clients, for examples/verify only. SQS and Redis cannot run on this machine, so the route's
 * `SQSClient.send` and BullMQ `Queue.add` answer here, with the real packages' types and command
 * classes, and nothing is delivered: what this proves is the route itself (validation, Postgres, the
 * response) on real Next.js 16. The consumers and the worker are proven against the lab engine's rules
 * in lib/lab/queue/queue.test.ts and tests/unit/lessons/durable-queues.test.ts.
 */
const CLIENT_SQS_SHIM = `// Generated by examples/verify: the real @aws-sdk/client-sqs, except that send() answers here (no AWS).
import { randomUUID } from 'node:crypto'
import { SQSClient as RealSQSClient, SendMessageBatchCommand, SendMessageCommand } from '@aws-sdk/client-sqs'

export * from '@aws-sdk/client-sqs'

export class SQSClient extends RealSQSClient {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override async send(command: any): Promise<any> {
    const $metadata = { httpStatusCode: 200 }
    if (command instanceof SendMessageCommand) return { $metadata, MessageId: randomUUID() }
    if (command instanceof SendMessageBatchCommand)
      return { $metadata, Successful: (command.input.Entries ?? []).map((e) => ({ Id: e.Id, MessageId: randomUUID() })), Failed: [] }
    throw new Error('examples/verify answers SendMessage and SendMessageBatch only')
  }
}
`

const BULLMQ_SHIM = `// Generated by examples/verify: BullMQ's Queue without Redis (none here); add() keeps jobs in memory.
import type { Job, JobsOptions, QueueOptions, WorkerOptions } from 'bullmq'

const jobs = new Map<string, { id: string; name: string; data: unknown }>()
let next = 0

export class Queue<Data = unknown> {
  constructor(
    readonly name: string,
    _options?: QueueOptions,
  ) {}
  async add(name: string, data: Data, opts: JobsOptions = {}) {
    const id = opts.jobId ?? String(++next)
    const key = this.name + ':' + id
    const job = jobs.get(key) ?? { id, name, data }
    jobs.set(key, job)
    return job
  }
}

/** Compiled with the app, never started: a worker is a process of its own, and it would need Redis. */
export class Worker<Data = unknown> {
  constructor(
    readonly name: string,
    _processor: (job: Job<Data>) => Promise<unknown>,
    _options?: WorkerOptions,
  ) {
    throw new Error('examples/verify starts no BullMQ worker: it needs Redis')
  }
  on(_event: string, _listener: (job: Job<Data> | undefined, error: Error) => void): this {
    return this
  }
}
`

/**
 * `@prisma/adapter-pg` with the variant's schema. Prisma writes the schema into every query
 * (`"public"."todos"`), so the `search_path` the other examples get (./database.ts) does not reach it;
 * the adapter's own `schema` option, which a Prisma app whose tables are not in `public` sets, does.
 * The schema comes from `VERIFY_DATABASE_SCHEMAS` (set by verify.ts), like the URLs.
 */
function adapterPgShim(key: string): string {
  return `// Generated by examples/verify: the real PrismaPg, with this example's schema (one database holds every example).
import { PrismaPg as RealPrismaPg } from '@prisma/adapter-pg'

export * from '@prisma/adapter-pg'

const schemas = JSON.parse(process.env.VERIFY_DATABASE_SCHEMAS ?? '{}') as Record<string, string>

export class PrismaPg extends RealPrismaPg {
  constructor(...[config, options]: ConstructorParameters<typeof RealPrismaPg>) {
    super(config, { schema: schemas[${JSON.stringify(key)}], ...options })
  }
}
`
}

function nextCacheShim(key: string): string {
  const prefix = urlPrefix(key)
  return `// Generated by examples/verify: next/cache with this example's prefix on paths and tags.
import * as cache from 'next/cache'

const PREFIX = ${JSON.stringify(prefix)}
const TAG = ${JSON.stringify(`${key}:`)}
const path = (p: string) => (p.startsWith('/') ? PREFIX + p : p)

export const unstable_noStore = cache.unstable_noStore
export const cacheLife = cache.cacheLife
export const unstable_cacheLife = cache.cacheLife
export const cacheTag = (...tags: string[]) => cache.cacheTag(...tags.map((t) => TAG + t))
export const unstable_cacheTag = cacheTag
export const refresh = cache.refresh
export function revalidatePath(p: string, type?: 'layout' | 'page') {
  return cache.revalidatePath(path(p), type)
}
export function revalidateTag(tag: string, profile: Parameters<typeof cache.revalidateTag>[1]) {
  return cache.revalidateTag(TAG + tag, profile)
}
export function updateTag(tag: string) {
  return cache.updateTag(TAG + tag)
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function unstable_cache<T extends (...args: any[]) => Promise<any>>(
  fn: T,
  keyParts?: string[],
  options?: { revalidate?: number | false; tags?: string[] },
): T {
  return cache.unstable_cache(fn, [TAG, ...(keyParts ?? [])], { ...options, tags: options?.tags?.map((t) => TAG + t) }) as unknown as T
}
`
}

/** `config.matcher`'s sources, read by the lab engine's own reader (which refuses what Next refuses). */
export function readMatcher(file: string, source: string): string[] | undefined {
  const matcher = readProxyMatcher(file, source)
  if (!matcher.ok) throw new Error(matcher.error.message)
  return matcher.sources
}

function rootProxy(entries: Array<{ key: string; file: string; matcher: ReturnType<typeof readMatcher> }>): string {
  const imports = entries.map((e, i) => `import * as p${i} from './${e.file.replace(/\.(ts|js)$/, '')}'`).join('\n')
  const table = entries
    .map((e, i) => `  { prefix: ${JSON.stringify(urlPrefix(e.key))}, mod: p${i} as ProxyModule },`)
    .join('\n')
  const matchers: unknown[] = []
  for (const e of entries) {
    const prefix = urlPrefix(e.key)
    for (const m of e.matcher ?? ['/:path*']) {
      matchers.push(prefix + m)
    }
  }
  return `// Generated by examples/verify: Next 16 allows one proxy.ts per app, so this one dispatches by
// prefix to each example's own proxy, with the example's matcher (prefixed) in config.matcher.
// The example's proxy sees the request without the prefix, as it would in its own app.
import { NextRequest, NextResponse, type NextFetchEvent } from 'next/server'
${imports}

type ProxyFn = (request: NextRequest, event: NextFetchEvent) => Response | NextResponse | undefined | null | void | Promise<Response | NextResponse | undefined | null | void>
type ProxyModule = { proxy?: ProxyFn; middleware?: ProxyFn; default?: ProxyFn }

const entries: Array<{ prefix: string; mod: ProxyModule }> = [
${table}
]

export async function proxy(request: NextRequest, event: NextFetchEvent) {
  const pathname = request.nextUrl.pathname
  const entry = entries.find((e) => pathname === e.prefix || pathname.startsWith(e.prefix + '/'))
  if (!entry) return NextResponse.next()
  const fn = entry.mod.proxy ?? entry.mod.middleware ?? entry.mod.default
  if (!fn) return NextResponse.next()
  const inner = new URL(request.url)
  inner.pathname = pathname.slice(entry.prefix.length) || '/'
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD'
  const innerRequest = new NextRequest(inner, {
    method: request.method,
    headers: request.headers,
    body: hasBody ? await request.text() : undefined,
  })
  const response = await fn(innerRequest, event)
  if (!response) return NextResponse.next()
  const rewrite = response.headers.get('x-middleware-rewrite')
  if (rewrite) {
    const url = new URL(rewrite, request.url)
    if (url.origin === inner.origin) {
      url.pathname = entry.prefix + url.pathname
      response.headers.set('x-middleware-rewrite', url.toString())
    }
  }
  const location = response.headers.get('location')
  if (location) {
    const url = new URL(location, request.url)
    if (url.origin === inner.origin) {
      url.pathname = entry.prefix + url.pathname
      response.headers.set('location', url.toString())
    }
  }
  return response
}

export const config = {
  matcher: ${JSON.stringify(matchers, null, 2).replace(/\n/g, '\n  ')},
}
`
}

export function generateApp(appDir: string, verifyDir: string, variants: Variant[]): { proxies: number } {
  for (const sub of ['app', 'pages', 'ex', 'proxy.ts']) rmSync(join(appDir, sub), { recursive: true, force: true })
  mkdirSync(appDir, { recursive: true })
  const write = (path: string, text: string) => {
    const full = join(appDir, path)
    mkdirSync(dirname(full), { recursive: true })
    writeFileSync(full, text)
  }
  const proxies: Array<{ key: string; file: string; matcher: ReturnType<typeof readMatcher> }> = []
  for (const v of variants) {
    for (const [file, source] of Object.entries(v.files)) {
      const base = file.split('/').pop()!
      if (SKIP.test(base) && !file.includes('/')) continue
      if (file.startsWith('pages/') && !file.startsWith('pages/api/')) continue // pages are not run by the lab
      const mapped = mapPath(v.key, file)
      write(mapped, CODE.test(file) ? rewriteSource(v.key, file, source, v.files) : source)
      if (PROXY_FILES.has(file)) proxies.push({ key: v.key, file: mapped, matcher: readMatcher(file, source) })
    }
    if (Object.values(v.files).some((source) => /\bprocess\.env\b/.test(source)))
      write(`ex/${v.key}/__verify/env.ts`, envModule(v.key, v.files))
    if (Object.values(v.files).some((source) => /['"]@aws-sdk\/client-sqs['"]/.test(source)))
      write(`ex/${v.key}/__verify/client-sqs.ts`, CLIENT_SQS_SHIM)
    if (Object.values(v.files).some((source) => /['"]bullmq['"]/.test(source)))
      write(`ex/${v.key}/__verify/bullmq.ts`, BULLMQ_SHIM)
    if (Object.values(v.files).some((source) => /['"]@prisma\/adapter-pg['"]/.test(source)))
      write(`ex/${v.key}/__verify/adapter-pg.ts`, adapterPgShim(v.key))
    if (Object.values(v.files).some((source) => /['"]next\/cache['"]/.test(source)))
      write(`ex/${v.key}/__verify/next-cache.ts`, nextCacheShim(v.key))
  }
  if (proxies.length > 0) write('proxy.ts', rootProxy(proxies))
  write('tsconfig.json', JSON.stringify(NEXT_TSCONFIG, null, 2) + '\n')
  write(
    'next.config.mjs',
    `// Generated by examples/verify.
const root = ${JSON.stringify(verifyDir)}
export default {
  turbopack: { root },
  outputFileTracingRoot: root,
  poweredByHeader: false,
}
`,
  )
  // A root layout and page, so the App Router has what it expects besides the route handlers.
  write(
    'app/layout.tsx',
    `export default function RootLayout({ children }: { children: React.ReactNode }) {\n  return (\n    <html lang="en">\n      <body>{children}</body>\n    </html>\n  )\n}\n`,
  )
  write(
    'app/page.tsx',
    `export default function Home() {\n  return <p>Course examples, mounted under ${MOUNT_ROOT}/&lt;id&gt;.</p>\n}\n`,
  )
  return { proxies: proxies.length }
}
