/** Modules the reader's routes import (Node's fs and path, Buffer, JSON, aliases), and how a module fails. */
import type { RouteCaseInput } from './schema'

const NODE_FS = 'https://nodejs.org/docs/latest-v22.x/api/fs.html'
const NODE_PATH = 'https://nodejs.org/docs/latest-v22.x/api/path.html'
const READ_FILES = 'https://vercel.com/guides/how-can-i-use-files-in-serverless-functions'
const TLA = 'https://nextjs.org/docs/app/api-reference/config/next-config-js/serverExternalPackages'

const products = '[{"id":1,"name":"Mug"},{"id":2,"name":"Tee"}]\n'

export const moduleCases: RouteCaseInput[] = [
  {
    id: 'mod-fs-read-json',
    title: "fs.readFileSync reads the project's own files from process.cwd()",
    source: READ_FILES,
    files: {
      'data/products.json': products,
      'app/api/products/route.ts': `import fs from 'fs'
import path from 'path'
export async function GET() {
  const file = path.join(process.cwd(), 'data', 'products.json')
  return Response.json(JSON.parse(fs.readFileSync(file, 'utf8')))
}
`,
    },
    requests: [{ path: '/api/products' }],
    expect: [
      {
        status: 200,
        json: [
          { id: 1, name: 'Mug' },
          { id: 2, name: 'Tee' },
        ],
      },
    ],
  },
  {
    id: 'mod-fs-promises',
    title: "fs/promises readFile and readdir work on the project's files",
    source: NODE_FS,
    files: {
      'content/a.md': '# A\n',
      'content/b.md': '# B\n',
      'app/api/posts/route.ts': `import { readdir, readFile } from 'fs/promises'
import { join } from 'path'
export async function GET() {
  const dir = join(process.cwd(), 'content')
  const names = (await readdir(dir)).sort()
  const first = await readFile(join(dir, names[0]), 'utf8')
  return Response.json({ names, first })
}
`,
    },
    requests: [{ path: '/api/posts' }],
    expect: [{ status: 200, json: { names: ['a.md', 'b.md'], first: '# A\n' } }],
  },
  {
    id: 'mod-node-prefix',
    title: 'node:fs and node:path are the same modules',
    source: NODE_FS,
    files: {
      'data/note.txt': 'hello from a file',
      'pages/api/note.ts': `import { readFileSync, existsSync } from 'node:fs'
import path from 'node:path'
export default function handler(req: any, res: any) {
  const file = path.resolve(process.cwd(), 'data/note.txt')
  res.json({ exists: existsSync(file), text: readFileSync(file, 'utf8'), missing: existsSync(path.join(process.cwd(), 'nope.txt')) })
}
`,
    },
    requests: [{ path: '/api/note' }],
    expect: [{ status: 200, json: { exists: true, text: 'hello from a file', missing: false } }],
  },
  {
    id: 'mod-fs-unused-import',
    title: 'An unused import of fs does not break the route',
    source: NODE_FS,
    files: {
      'app/api/ok/route.ts': `import fs from 'fs'
void fs
export async function GET() { return new Response('ok') }
`,
    },
    requests: [{ path: '/api/ok' }],
    expect: [{ status: 200, body: 'ok' }],
  },
  {
    id: 'mod-fs-missing-file',
    title: 'Reading a file that does not exist throws ENOENT',
    source: NODE_FS,
    files: {
      'app/api/read/route.ts': `import { readFileSync } from 'fs'
import path from 'path'
export async function GET() {
  try {
    readFileSync(path.join(process.cwd(), 'missing.json'), 'utf8')
    return Response.json({ code: null })
  } catch (error) {
    return Response.json({ code: (error as NodeJS.ErrnoException).code }, { status: 404 })
  }
}
`,
    },
    requests: [{ path: '/api/read' }],
    expect: [{ status: 404, json: { code: 'ENOENT' } }],
  },
  {
    id: 'mod-fs-write',
    title: 'Writing next to the deployed files: next start on a disk allows it',
    source: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-ephemeral-storage.html',
    files: {
      'data/notes.txt': 'first note\n',
      'app/api/save/route.ts': `import { writeFileSync } from 'fs'
import path from 'path'
export async function POST() {
  try {
    writeFileSync(path.join(process.cwd(), 'data', 'saved.txt'), 'x')
    return Response.json({ code: null })
  } catch (error) {
    return Response.json({ code: (error as NodeJS.ErrnoException).code })
  }
}
`,
    },
    requests: [{ method: 'POST', path: '/api/save' }],
    expect: [{ status: 200, json: { code: null } }],
    labDiffers: {
      reason:
        "The lab simulates a deployed function, whose files (/var/task on AWS Lambda and Vercel) are read-only: a write fails with EROFS there, and only /tmp is writable. `next start` on your own disk writes the file. The lab's file system is read-only throughout, /tmp included.",
      expect: [{ status: 200, json: { code: 'EROFS' } }],
    },
  },
  {
    id: 'mod-path-functions',
    title: 'path.join, basename, extname, dirname and relative behave as POSIX path',
    source: NODE_PATH,
    files: {
      'app/api/paths/route.ts': `import path from 'path'
export async function GET() {
  return Response.json({
    join: path.join('a', '../b', './c', 'd.txt'),
    base: path.basename('/x/y/report.csv', '.csv'),
    ext: path.extname('archive.tar.gz'),
    dir: path.dirname('/x/y/z.txt'),
    rel: path.relative('/data/a/b', '/data/c'),
    abs: path.isAbsolute('/x'),
  })
}
`,
    },
    requests: [{ path: '/api/paths' }],
    expect: [
      { status: 200, json: { join: 'b/c/d.txt', base: 'report', ext: '.gz', dir: '/x/y', rel: '../../c', abs: true } },
    ],
  },
  {
    id: 'mod-buffer',
    title: 'Buffer is a global, and the buffer module exports it',
    source: 'https://nodejs.org/docs/latest-v22.x/api/buffer.html',
    files: {
      'app/api/b64/route.ts': `import { Buffer as B } from 'buffer'
export async function GET() {
  return Response.json({ b64: Buffer.from('hi there').toString('base64'), same: B === Buffer, hex: B.from('A').toString('hex') })
}
`,
    },
    requests: [{ path: '/api/b64' }],
    expect: [{ status: 200, json: { b64: 'aGkgdGhlcmU=', same: true, hex: '41' } }],
  },
  {
    id: 'mod-websocket-global',
    title: 'WebSocket is a global in Node.js 22, the runtime Vercel and AWS Lambda default to',
    source: 'https://nodejs.org/docs/latest-v22.x/api/globals.html#websocket',
    files: {
      'app/api/ws/route.ts': `export async function GET() {
  return Response.json({ available: typeof WebSocket === 'function' })
}
`,
    },
    requests: [{ path: '/api/ws' }],
    expect: [{ status: 200, json: { available: true } }],
    realNext: {
      skip: "The verifier runs next start on this machine's Node.js 20, which has no WebSocket global (Node 22 added it); the lab models Node.js 22.",
    },
  },
  {
    id: 'mod-top-level-await',
    title: 'A top-level await in route.ts works (route files are ES modules)',
    source: TLA,
    files: {
      'app/api/config/route.ts': `const settings = await Promise.resolve({ greeting: 'hello' })
export async function GET() { return Response.json(settings) }
`,
    },
    requests: [{ path: '/api/config' }, { method: 'POST', path: '/api/config' }],
    expect: [{ status: 200, json: { greeting: 'hello' } }, { status: 405 }],
  },
  {
    id: 'mod-top-level-await-lib',
    title: 'A top-level await in an imported module finishes before the route runs',
    source: TLA,
    files: {
      'lib/config.ts': `export const config = await new Promise<{ region: string }>((resolve) => setTimeout(() => resolve({ region: 'fra1' }), 5))
`,
      'app/api/region/route.ts': `import { config } from '@/lib/config'
export async function GET() { return Response.json(config) }
`,
    },
    requests: [{ path: '/api/region' }],
    expect: [{ status: 200, json: { region: 'fra1' } }],
  },
  {
    id: 'mod-evaluation-error',
    title: 'A module that throws while loading fails every request loudly, never as an empty module',
    source: 'https://github.com/vercel/next.js/blob/canary/packages/next/src/server/route-modules/app-route/module.ts',
    files: {
      'lib/env.ts': `export const secret = process.env.MISSING_SECRET ?? (() => { throw new Error('MISSING_SECRET is not set') })()
`,
      'app/api/secret/route.ts': `import { secret } from '@/lib/env'
export async function GET() { return Response.json({ length: secret.length }) }
`,
    },
    requests: [{ path: '/api/secret' }, { path: '/api/secret' }],
    expect: [
      { status: 500, body: '' },
      { status: 500, body: '' },
    ],
    logs: ['MISSING_SECRET is not set'],
    realNext: {
      skip: "next build evaluates every route module to collect its configuration, so there a module that throws while loading fails the build (checked on Next.js 16.5.0, 2026-12-07: 'Failed to collect configuration for /api/secret', cause 'MISSING_SECRET is not set', then 'Failed to collect page data for /api/secret'), which would stop the shared app. The lab has no build step that runs your code, so it reports the same error on every request instead: a 500 and the error in the console, never an empty module.",
    },
  },
  {
    id: 'mod-json-import',
    title: 'A JSON file can be imported',
    source: 'https://nextjs.org/docs/app/getting-started/project-structure',
    files: {
      'data/plans.json': '{"free":{"queries":1000}}\n',
      'app/api/plans/route.ts': `import plans from '@/data/plans.json'
export async function GET() { return Response.json(plans.free) }
`,
    },
    requests: [{ path: '/api/plans' }],
    expect: [{ status: 200, json: { queries: 1000 } }],
  },
  {
    id: 'mod-alias-and-relative',
    title: "Imports through '@/' and relative paths reach the same module instance",
    source: 'https://nextjs.org/docs/app/getting-started/installation#set-up-absolute-imports-and-module-path-aliases',
    files: {
      'lib/counter.ts': `export const state = { n: 0 }\n`,
      'lib/bump.ts': `import { state } from './counter'\nexport const bump = () => ++state.n\n`,
      'app/api/n/route.ts': `import { state } from '@/lib/counter'
import { bump } from '@/lib/bump'
export async function GET() { bump(); bump(); return Response.json({ n: state.n }) }
`,
    },
    requests: [{ path: '/api/n' }],
    expect: [{ status: 200, json: { n: 2 } }],
  },
  {
    id: 'mod-dotenv',
    title: '.env values are in process.env, and .env.local wins',
    source: 'https://nextjs.org/docs/app/guides/environment-variables',
    files: {
      '.env': 'GREETING=hello\nPLAN=free\n',
      '.env.local': 'PLAN=pro\n',
      'app/api/env/route.ts': `export async function GET() {
  return Response.json({ greeting: process.env.GREETING, plan: process.env.PLAN, nodeEnv: process.env.NODE_ENV })
}
`,
    },
    requests: [{ path: '/api/env' }],
    expect: [{ status: 200, json: { greeting: 'hello', plan: 'pro', nodeEnv: 'production' } }],
  },
  {
    id: 'mod-server-only',
    title: 'server-only can be imported by a route handler',
    source: 'https://nextjs.org/docs/app/getting-started/server-and-client-components#preventing-environment-poisoning',
    files: {
      'lib/secret.ts': `import 'server-only'\nexport const key = 'k-123'\n`,
      'app/api/key/route.ts': `import { key } from '@/lib/secret'
export async function GET() { return Response.json({ length: key.length }) }
`,
    },
    requests: [{ path: '/api/key' }],
    expect: [{ status: 200, json: { length: 5 } }],
  },
  {
    id: 'mod-zod-validation',
    title: 'zod validates a body; the handler answers 400 with the issues',
    source: 'https://zod.dev/basics',
    files: {
      'app/api/signup/route.ts': `import { z } from 'zod'
const Signup = z.object({ email: z.string().email() })
export async function POST(request: Request) {
  const parsed = Signup.safeParse(await request.json())
  if (!parsed.success) return Response.json({ fields: parsed.error.issues.map((i) => i.path.join('.')) }, { status: 400 })
  return Response.json(parsed.data, { status: 201 })
}
`,
    },
    requests: [
      {
        method: 'POST',
        path: '/api/signup',
        headers: { 'content-type': 'application/json' },
        body: '{"email":"nope"}',
      },
      {
        method: 'POST',
        path: '/api/signup',
        headers: { 'content-type': 'application/json' },
        body: '{"email":"a@b.co"}',
      },
    ],
    expect: [
      { status: 400, json: { fields: ['email'] } },
      { status: 201, json: { email: 'a@b.co' } },
    ],
  },
  {
    id: 'mod-after',
    title: 'after() from next/server runs after the response, which does not wait for it',
    source: 'https://nextjs.org/docs/app/api-reference/functions/after',
    files: {
      'app/api/log/route.ts': `import { after } from 'next/server'
export async function POST() {
  after(() => console.log('audit written after the response'))
  return Response.json({ accepted: true }, { status: 202 })
}
`,
    },
    requests: [{ method: 'POST', path: '/api/log' }],
    expect: [{ status: 202, json: { accepted: true } }],
    logs: ['audit written after the response'],
  },
  {
    id: 'mod-unknown-package',
    title: 'An import of a package the project does not have fails the build with "Module not found"',
    source: 'https://nextjs.org/docs/messages/module-not-found',
    files: {
      'app/api/x/route.ts': `import leftPad from 'left-pad'
export async function GET() { return new Response(leftPad('1', 3, '0')) }
`,
    },
    requests: [{ path: '/api/x' }],
    expect: [],
    labFailure: "Module not found: Can't resolve 'left-pad' in app/api/x/route.ts. A build fails the same way",
    realNext: {
      skip: 'A build error would stop the one shared Next.js app every other case runs in. `next build` answers "Module not found: Can\'t resolve" for a package that is not installed (see the source document).',
    },
  },
  {
    id: 'mod-syntax-error',
    title: 'A syntax error fails the build with the file, line and column',
    source: 'https://nextjs.org/docs/app/api-reference/cli/next#next-build-options',
    files: {
      'app/api/x/route.ts': `export async function GET() {
  return Response.json({ ok: true }
}
`,
    },
    requests: [{ path: '/api/x' }],
    expect: [],
    labFailure: 'app/api/x/route.ts:3:1',
    realNext: {
      skip: 'A build error would stop the one shared Next.js app every other case runs in; `next build` fails on a syntax error with the file and position too.',
    },
  },
]
