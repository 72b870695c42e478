/**
 * "Download": a lab's files as a complete Next.js 16 project, zipped in the browser. Pure (no DOM, no
 * Node APIs), so the Download button (components/Lab/Download/) and the proof in `npm test`
 * (examples/verify/scripts/downloads.ts) run exactly this code. The Lab loads it with a dynamic
 * import only when the reader asks for a zip.
 *
 * The project's versions are the ones examples/verify proves (its package.json is the one source),
 * its database is an embedded Postgres (PGlite behind pglite-socket) or any server via DATABASE_URL,
 * and `npm run check` replays the lab's preset against it (./checks-json.ts, ./scripts.ts).
 */
import { strToU8, zipSync, type Zippable } from 'fflate'
import type { ResolvedExampleMeta } from '@/lib/examples/schema'
import type { FileTree } from '@/lib/lab/types'
import verifyPackage from '../../examples/verify/package.json'
import { buildChecks } from './checks-json'
import { NEXT_TSCONFIG } from './next-tsconfig.mjs'
import { isGeneratedByPrisma, PRISMA_NODE_ENGINES, prismaProject } from './prisma'
import { buildReadme } from './readme'
import { CHECK_SCRIPT, DB_SETUP_SCRIPT, EMBEDDED_DB_SCRIPT, ENV_SCRIPT, WITH_DB_SCRIPT } from './scripts'

export interface ProjectInput {
  /** The example id, e.g. "pooling-module-pool". */
  id: string
  meta: ResolvedExampleMeta
  /** The lab's files to ship: the reader's current version or the original. */
  files: FileTree
  /** Whether `files` are the reader's edits (the README says which). */
  edited: boolean
  /** The lesson page, linked from the README. */
  lessonUrl: string
}

export interface GeneratedProject {
  /** Folder name inside the zip, and the zip's name without `.zip`. */
  name: string
  files: FileTree
  /** Files the download adds around the lab's own (package.json, scripts/, README.md …). */
  scaffold: string[]
}

/** Where the embedded database listens: not 5432, so a Postgres already installed there is left alone. */
export const LOCAL_DATABASE_URL = 'postgres://postgres:postgres@127.0.0.1:5433/postgres'

/** Packages the embedded database and the scripts need, whatever the example imports. */
const ALWAYS = ['next', 'react', 'react-dom', 'pg', '@electric-sql/pglite', '@electric-sql/pglite-socket']
const DEV = ['typescript', '@types/node', '@types/pg', '@types/react', '@types/react-dom']
const NODE_BUILTINS = new Set(
  'assert async_hooks buffer child_process crypto dns events fs http https net os path perf_hooks process querystring readline stream string_decoder timers tls url util worker_threads zlib'.split(
    ' ',
  ),
)
const SECRET_NAME = /SECRET|TOKEN|PASSWORD|PASSWD|PRIVATE|CREDENTIAL|API_?KEY|_KEY$/i
const CODE_FILE = /\.(ts|tsx|js|jsx|mjs|cjs|mts|cts)$/
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\(\s*)['"]([^'"]+)['"]/g

/** Fixed timestamps keep the zip byte-for-byte the same for the same files. */
const ZIP_DATE = new Date('2026-01-01T00:00:00Z')

/** Modules that are only types, published under @types (`import type { SQSEvent } from 'aws-lambda'`). */
const TYPES_ONLY: Record<string, string> = { 'aws-lambda': '@types/aws-lambda' }

function packageName(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('@/') || specifier.startsWith('node:')) return null
  const parts = specifier.split('/')
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
  return NODE_BUILTINS.has(name) ? null : (TYPES_ONLY[name] ?? name)
}

/** Every package the files import, sorted. */
export function importedPackages(files: FileTree): string[] {
  const names = new Set<string>()
  for (const [path, source] of Object.entries(files)) {
    if (!CODE_FILE.test(path)) continue
    for (const match of source.matchAll(IMPORT)) {
      const name = packageName(match[1])
      if (name) names.add(name)
    }
  }
  return [...names].sort()
}

function pick(from: Record<string, string>, names: string[]): Record<string, string> {
  return Object.fromEntries(names.filter((name) => from[name]).map((name) => [name, from[name]]))
}

/** `.env.example` from the lab's .env files: the local database, and placeholders instead of any secret. */
export function envExample(files: FileTree): string {
  const lines = [
    '# Copied to .env by the first `npm run dev`. No real secret belongs in this file: it is meant to be committed.',
    '# The embedded Postgres listens here; for your own server, put its URL in .env (see README.md).',
    `DATABASE_URL=${LOCAL_DATABASE_URL}`,
  ]
  const envFiles = Object.keys(files).filter((path) => /^\.env(\.[\w.-]+)?$/.test(path) && path !== '.env.example')
  const seen = new Set(['DATABASE_URL'])
  for (const path of envFiles.sort()) {
    for (const line of files[path].split(/\r?\n/)) {
      const match = /^\s*(?:export\s+)?([A-Za-z_]\w*)\s*=\s*(.*)$/.exec(line)
      if (!match) {
        if (/^\s*#/.test(line)) lines.push(line)
        continue
      }
      const [, name, value] = match
      if (seen.has(name)) continue
      seen.add(name)
      if (/^['"]?postgres(ql)?:\/\//.test(value)) lines.push(`${name}=${LOCAL_DATABASE_URL}`)
      else if (SECRET_NAME.test(name) && !name.startsWith('NEXT_PUBLIC_')) {
        lines.push(`# A placeholder: set your own random value in .env (openssl rand -hex 32).`)
        lines.push(`${name}=dev-only-${name.toLowerCase().replace(/_/g, '-')}`)
      } else lines.push(`${name}=${value}`)
    }
  }
  return lines.join('\n') + '\n'
}

function routesOf(files: FileTree): string[] {
  const routes: string[] = []
  for (const path of Object.keys(files)) {
    const rest = path.replace(/^src\//, '')
    const app = /^app\/(.*?)\/?route\.(ts|js|tsx|jsx)$/.exec(rest)
    const pages = /^pages\/(api\/.*?)(\/index)?\.(ts|js|tsx|jsx)$/.exec(rest)
    if (app) routes.push(`/${app[1]}`)
    else if (pages) routes.push(`/${pages[1]}`)
  }
  return routes.sort()
}

const NEXT_CONFIG = `import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // This folder is the project root, wherever it is unpacked (even inside another project).
  turbopack: { root: process.cwd() },
  outputFileTracingRoot: process.cwd(),
}

export default nextConfig
`

const GITIGNORE = `node_modules/
.next/
next-env.d.ts
*.tsbuildinfo
.env
.env.local
`

const LAYOUT = `export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', margin: '2rem', lineHeight: 1.5 }}>{children}</body>
    </html>
  )
}
`

function homePage(meta: ResolvedExampleMeta, routes: string[], lessonUrl: string): string {
  return `// Added by the download: a page that lists the example's routes. The lab has no pages, only routes.
const routes: string[] = ${JSON.stringify(routes)}

export default function Home() {
  return (
    <main>
      <h1>{${JSON.stringify(meta.title)}}</h1>
      <p>Routes of this example (run \`npm run check\` to send the lab&apos;s requests):</p>
      <ul>
        {routes.map((route) => (
          <li key={route}>
            <code>{route}</code>
          </li>
        ))}
      </ul>
      <p>
        <a href={${JSON.stringify(lessonUrl)}}>Back to the lesson</a>
      </p>
    </main>
  )
}
`
}

export function projectName(id: string): string {
  return `robust-apis-${id}`
}

export function generateProject(input: ProjectInput): GeneratedProject {
  const { id, meta, files, edited, lessonUrl } = input
  const prisma = prismaProject(files)
  const out: FileTree = {}
  for (const [path, source] of Object.entries(files)) {
    // The lab's .env may hold whatever the reader typed; only .env.example (placeholders) ships.
    if (/^\.env(\.[\w.-]+)?$/.test(path)) continue
    // The project's own `prisma generate` (postinstall) writes the client.
    if (prisma && isGeneratedByPrisma(prisma, path)) continue
    out[path] = source
  }
  out['db/schema.sql'] ??= '-- This example has no tables.\n'
  out['db/seed.sql'] ??= '-- This example has no rows to load.\n'

  const versions = { ...verifyPackage.dependencies, ...verifyPackage.devDependencies } as Record<string, string>
  const imported = importedPackages(files)
  // The generated client imports @prisma/client's runtime (whether or not the lab's tree holds it).
  if (prisma) imported.push('@prisma/client')
  // @vercel/functions loads `ws` when a route upgrades a WebSocket (its types name it too).
  const upgrades = Object.values(files).some((source) => source.includes('experimental_upgradeWebSocket'))
  if (upgrades) imported.push('ws')
  const unlisted = imported.filter((name) => !versions[name])
  const checks = buildChecks(meta, files)
  const scaffold: FileTree = {
    'package.json':
      JSON.stringify(
        {
          name: projectName(id),
          version: '0.1.0',
          private: true,
          type: 'module',
          description: meta.title,
          engines: prisma ? { ...verifyPackage.engines, node: PRISMA_NODE_ENGINES } : verifyPackage.engines,
          scripts: {
            dev: 'node scripts/with-db.mjs next dev',
            build: 'node scripts/with-db.mjs next build',
            start: 'node scripts/with-db.mjs next start',
            db: 'node scripts/with-db.mjs',
            'db:setup': 'node scripts/db-setup.mjs',
            check: 'node scripts/check.mjs',
            ...(prisma && { postinstall: 'prisma generate' }),
          },
          dependencies: pick(versions, [...new Set([...ALWAYS, ...imported])].sort()),
          devDependencies: pick(versions, [...DEV, ...(upgrades ? ['@types/ws'] : []), ...(prisma ? ['prisma'] : [])]),
        },
        null,
        2,
      ) + '\n',
    'tsconfig.json': JSON.stringify(NEXT_TSCONFIG, null, 2) + '\n',
    'next.config.ts': NEXT_CONFIG,
    '.gitignore': prisma ? `${GITIGNORE}/${prisma.output}/\n` : GITIGNORE,
    '.env.example': envExample(files),
    'scripts/env.mjs': ENV_SCRIPT,
    'scripts/embedded-db.mjs': EMBEDDED_DB_SCRIPT,
    'scripts/with-db.mjs': WITH_DB_SCRIPT,
    'scripts/db-setup.mjs': DB_SETUP_SCRIPT,
    'scripts/check.mjs': CHECK_SCRIPT,
    'scripts/checks.json': JSON.stringify(checks, null, 2) + '\n',
  }
  if (!Object.keys(files).some((path) => /^(src\/)?app\/layout\.(tsx|jsx|js)$/.test(path))) {
    scaffold['app/layout.tsx'] = LAYOUT
    if (!Object.keys(files).some((path) => /^(src\/)?app\/page\.(tsx|jsx|js)$/.test(path)))
      scaffold['app/page.tsx'] = homePage(meta, routesOf(files), lessonUrl)
  }
  for (const path of Object.keys(scaffold)) delete out[path] // the project's own versions win over a lab file of the same name
  const allFiles = [...Object.keys(out), ...Object.keys(scaffold), 'README.md'].sort()
  scaffold['README.md'] = buildReadme({
    id,
    meta,
    checks,
    lessonUrl,
    edited,
    nextVersion: versions.next,
    unlisted,
    files: allFiles,
    localDatabaseUrl: LOCAL_DATABASE_URL,
    prismaOutput: prisma?.output,
  })
  return { name: projectName(id), files: { ...out, ...scaffold }, scaffold: Object.keys(scaffold).sort() }
}

/** The project as a zip, every file under one folder named after the project. Deterministic. */
export function zipProject(project: GeneratedProject): Uint8Array {
  const entries: Zippable = {}
  for (const path of Object.keys(project.files).sort()) {
    entries[`${project.name}/${path}`] = [strToU8(project.files[path]), { mtime: ZIP_DATE }]
  }
  return zipSync(entries, { level: 6 })
}
