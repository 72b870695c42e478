/**
 * Byte weights of a static export, read from `out/` only (deterministic for a given build):
 * first-load JS per page, the lazily loaded chunks (editor, engine, other) and the whole export.
 * Used by `npm run bench` and by the budgets in tests/e2e/budgets.spec.ts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { gzipSync } from 'node:zlib'

export interface PageWeight {
  /** The page's URL, e.g. `/decide/`. */
  path: string
  /** The scripts its HTML loads with `<script src>`, as site paths. */
  scripts: string[]
  /** Sum of the gzip-compressed sizes (level 9) of those scripts. */
  gzipBytes: number
  /** Sum of their uncompressed sizes. */
  rawBytes: number
}

export interface LazyChunk {
  file: string
  kind: 'editor' | 'engine' | 'download' | 'prisma' | 'other'
  gzipBytes: number
  rawBytes: number
}

const gzipCache = new Map<string, number>()

export function gzipBytes(file: string): number {
  let size = gzipCache.get(file)
  if (size === undefined) {
    size = gzipSync(readFileSync(file), { level: 9 }).length
    gzipCache.set(file, size)
  }
  return size
}

/** Every `index.html` of the export (the 404 page included), as `{ path, file }`. */
export function exportedPages(outDir: string): Array<{ path: string; file: string }> {
  const found: Array<{ path: string; file: string }> = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = join(dir, entry)
      if (statSync(full).isDirectory()) {
        if (entry !== '_next') walk(full)
      } else if (entry === 'index.html') {
        found.push({ path: `/${relative(outDir, dir)}/`.replace(/\/+/g, '/'), file: full })
      }
    }
  }
  walk(outDir)
  return found.sort((a, b) => a.path.localeCompare(b.path))
}

/**
 * `<script src>` values of an HTML document (site paths, query strings dropped). `noModule` scripts
 * (Next's legacy polyfills, ~39 kB gzip) are left out: browsers that run modules never download them,
 * and Next's own "First Load JS" figure leaves them out too.
 */
export function scriptSources(html: string, { noModule = false } = {}): string[] {
  const sources: string[] = []
  for (const match of html.matchAll(/<script\b([^>]*)>/gi)) {
    const attributes = match[1]
    const src = /\bsrc="([^"]+)"/i.exec(attributes)?.[1]
    if (!src || (!noModule && /\bnomodule\b/i.test(attributes))) continue
    sources.push(src.split('?')[0])
  }
  return sources
}

export function siteFile(outDir: string, src: string): string {
  // A base path or absolute origin would need stripping; this site has neither.
  return join(outDir, decodeURI(src.replace(/^https?:\/\/[^/]+/, '')))
}

/** First-load JS of each exported page: every script its HTML loads, compressed. */
export function firstLoadWeights(outDir: string): PageWeight[] {
  return exportedPages(outDir).map(({ path, file }) => {
    const scripts = scriptSources(readFileSync(file, 'utf8'))
    let gzip = 0
    let raw = 0
    for (const src of scripts) {
      const full = siteFile(outDir, src)
      gzip += gzipBytes(full)
      raw += statSync(full).size
    }
    return { path, scripts, gzipBytes: gzip, rawBytes: raw }
  })
}

// Code, not prose: lesson pages mention "PGlite" in their text, so the markers are identifiers and asset paths.
const ENGINE_MARKERS = [
  /static\/media\/(pglite|initdb)\.|pgliteWasmModule|pgliteProc/,
  // The host, by a message of its own: `createLabHost` is minified away when it is imported statically.
  /\bcreateLabHost\b|The lab stopped unexpectedly: /,
  /\b(OpfsAhpFS|Memfs2OpfsFS|NodeFS)\b/,
]
// The Lab's Download, loaded when a reader asks for a zip: lib/download/project.ts, and fflate, which webpack
// puts in a chunk of its own (its error text marks it).
const DOWNLOAD_MARKERS = [/scripts\/with-db\.mjs/, /"invalid zip data"/]
// Prisma's runtime in the lab (lib/lab/modules/builtins/prisma/), loaded by the worker only on a page with a Prisma lab:
// the client runtime, the adapter's source text and the query compiler's wasm-bindgen glue.
const PRISMA_MARKERS = [/PrismaClientInitializationError/, /prisma:driver-adapter:pg/, /__wbg_querycompiler_free/]
const EDITOR_MARKERS = [/\.cm-(content|gutters|tooltip)\b/, /\bSandpack[A-Z]\w+|sp-(wrapper|layout|code-editor)/]

/** What a chunk's code is, by its contents: the editor, the engine, the download, or anything else. */
export function chunkKind(text: string): LazyChunk['kind'] {
  if (PRISMA_MARKERS.some((marker) => marker.test(text))) return 'prisma'
  if (ENGINE_MARKERS.some((marker) => marker.test(text))) return 'engine'
  if (EDITOR_MARKERS.some((marker) => marker.test(text))) return 'editor'
  if (DOWNLOAD_MARKERS.some((marker) => marker.test(text))) return 'download'
  return 'other'
}

/**
 * The JS chunks no page loads up front, sorted into the editor (CodeMirror/Sandpack), the engine
 * (the interactive lab shell that starts the host, the host, its worker and PGlite's JS) and anything
 * else, by what they contain. The worker's entry
 * chunk is found as the target of `new Worker(new URL(...))` in the host chunk.
 */
export function lazyChunks(outDir: string, pages = firstLoadWeights(outDir)): LazyChunk[] {
  const chunksDir = join(outDir, '_next/static/chunks')
  // Anything a page's HTML names is not lazy, the noModule polyfills included.
  const named = exportedPages(outDir).flatMap(({ file }) => scriptSources(readFileSync(file, 'utf8'), { noModule: true }))
  const eager = new Set([...pages.flatMap((page) => page.scripts), ...named].map((src) => siteFile(outDir, src)))
  const files: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = join(dir, entry)
      if (statSync(full).isDirectory()) walk(full)
      else if (entry.endsWith('.js') && !eager.has(full)) files.push(full)
    }
  }
  walk(chunksDir)
  const texts = new Map(files.map((file) => [file, readFileSync(file, 'utf8')]))
  // Worker entries: webpack emits `new Worker(new URL(r.p + r.u(427), ...))`; r.u(427) is chunk "427.<hash>.js".
  const workerIds = new Set<string>()
  for (const text of texts.values()) {
    for (const match of text.matchAll(/new Worker\([^)]*?\.u\((\d+)\)/g)) workerIds.add(match[1])
  }
  // Every chunk the worker loads is the engine's, whatever it holds: webpack may move a library the
  // engine shares with Prisma's runtime (the `buffer` package, say) into a chunk without an engine marker.
  const byId = new Map([...texts].map(([file, text]) => [relative(chunksDir, file).split(/[.-]/)[0], text]))
  const workerChunks = new Set(workerIds)
  for (const id of workerChunks) {
    for (const match of (byId.get(id) ?? '').matchAll(/\.e\((\d+)\)/g)) workerChunks.add(match[1])
  }
  return files
    .map((file) => {
      const text = texts.get(file)!
      const name = relative(chunksDir, file)
      const id = name.split(/[.-]/)[0]
      const own = chunkKind(text)
      const kind = workerChunks.has(id) && own !== 'prisma' ? 'engine' : own
      return { file: name, kind, gzipBytes: gzipBytes(file), rawBytes: statSync(file).size }
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes)
}

export function sumBy<T>(items: T[], pick: (item: T) => number): number {
  return items.reduce((sum, item) => sum + pick(item), 0)
}

/** Total bytes on disk of a folder (the whole static export). */
export function folderBytes(dir: string): number {
  let total = 0
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry)
    const stat = statSync(full)
    total += stat.isDirectory() ? folderBytes(full) : stat.size
  }
  return total
}

export function kB(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`
}

/** A script's file name without its content hash (`pages/_app-1a2b….js` → `_app`): stable across builds. */
export function scriptName(src: string): string {
  return src
    .split('/')
    .pop()!
    .replace(/-[0-9a-f]{16}\.js$/, '')
}

/**
 * The Prisma query compiler the worker fetches with a Prisma lab (`query-compiler.postgresql.<hash>.bin` under
 * `_next/static/media/`): its size on disk and gzipped (what a server that compresses it sends).
 */
export function prismaQueryCompiler(outDir: string): { rawBytes: number; gzipBytes: number } | null {
  const media = join(outDir, '_next/static/media')
  const file = readdirSync(media).find((name) => /^query-compiler\.postgresql\.[0-9a-f]+\.bin$/.test(name))
  return file ? { rawBytes: statSync(join(media, file)).size, gzipBytes: gzipBytes(join(media, file)) } : null
}
