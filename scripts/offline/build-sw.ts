/**
 * Builds the service worker into the static export, after `next build` (`npm run build` and the `build`
 * stage of `npm test` run it): `out/sw.js`, from lib/offline/sw.ts.
 *
 * 1. Serwist's `getManifest` lists every file of out/ with a revision (content hash) and size.
 * 2. The list is split in two: the lab engine (chunks that contain the editor or the engine, as the byte
 *    budgets classify them in scripts/bench/weights.ts, and everything under _next/static/media/: PGlite's
 *    wasm and data, the snapshot) is fetched only when a lab is used or the reader asks; everything else
 *    (pages and their assets) is precached when the worker installs.
 * 3. esbuild bundles sw.ts with the Serwist runtime and both lists (`define`) into out/sw.js.
 *
 *   npx tsx scripts/offline/build-sw.ts [outDir]
 */
import { readdirSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { getManifest } from '@serwist/build'
import { build } from 'esbuild'
import { lazyChunks } from '../bench/weights'

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)))
const SW_SOURCE = join(ROOT, 'lib/offline/sw.ts')
export const SW_FILE = 'sw.js'

/**
 * Files the worker never stores: itself, the host's header rules, and the Markdown copy of the course
 * (scripts/export-markdown.ts: ~0.9 MB of `.md`, `llms.txt` and `llms-full.txt` that readers take home
 * rather than read offline, so "View as Markdown" needs the network).
 */
const NEVER = [SW_FILE, '_headers', '**/*.map', '**/*.md', 'llms.txt', 'llms-full.txt']

export interface ServiceWorkerBuild {
  pages: { files: number; bytes: number }
  lab: { files: number; bytes: number }
  buildId: string
}

/** Next's build id: the folder under _next/static/ beside chunks/, css/ and media/. */
function buildIdOf(outDir: string): string {
  const dir = join(outDir, '_next/static')
  const id = readdirSync(dir).find(
    (entry) => !['chunks', 'css', 'media'].includes(entry) && statSync(join(dir, entry)).isDirectory(),
  )
  if (!id) throw new Error(`${dir} has no build id folder: is ${outDir} a Next.js static export?`)
  return id
}

export interface OfflineManifest {
  /** Precached when the worker installs. */
  pages: Array<{ url: string; revision: string | null; size: number }>
  /** The lab engine, fetched on first use of a lab or on request. */
  lab: Array<{ url: string; size: number }>
}

/** What the worker stores, split into pages and the lab engine; URLs relative to the site root. */
export async function offlineManifest(outDir = 'out'): Promise<OfflineManifest> {
  const labChunks = new Set(
    lazyChunks(outDir)
      .filter((chunk) => chunk.kind !== 'other')
      .map((chunk) => `_next/static/chunks/${chunk.file}`),
  )
  // The labs' recorded first runs (scripts/record-lab-runs.ts) go with the engine they stand in for.
  const isLab = (file: string) =>
    file.startsWith('_next/static/media/') || labChunks.has(file) || /^_next\/static\/[^/]+\/lab-runs\//.test(file)

  const { manifestEntries, warnings } = await getManifest({
    globDirectory: outDir,
    globPatterns: ['**/*'],
    globIgnores: NEVER,
    // PGlite's wasm (9 MB) is the largest file; nothing is left out for its size.
    maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
    // Hashed file names are their own revision.
    dontCacheBustURLsMatching: /^_next\/static\//,
  })
  if (warnings.length) throw new Error(`Serwist: ${warnings.join('; ')}`)
  const entries = (manifestEntries ?? []).map((entry) => ({
    url: entry.url,
    revision: entry.revision ?? null,
    size: statSync(join(outDir, entry.url)).size,
  }))
  const pages = entries.filter((entry) => !isLab(entry.url))
  const lab = entries.filter((entry) => isLab(entry.url)).map(({ url, size }) => ({ url, size }))
  const missing = [...labChunks].filter((file) => !lab.some((entry) => entry.url === file))
  if (missing.length) throw new Error(`lab chunks not in the manifest: ${missing.join(', ')}`)
  if (!lab.some((entry) => entry.url.endsWith('.wasm')))
    throw new Error(`no .wasm under ${outDir}/_next/static/media/: did the build emit PGlite?`)
  return { pages, lab }
}

export async function buildServiceWorker(outDir = 'out'): Promise<ServiceWorkerBuild> {
  const { pages, lab } = await offlineManifest(outDir)
  const buildId = buildIdOf(outDir)
  const site = (url: string) => `/${url}`
  await build({
    entryPoints: [SW_SOURCE],
    outfile: join(outDir, SW_FILE),
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    legalComments: 'none',
    define: {
      __PAGES_MANIFEST__: JSON.stringify(pages.map(({ url, revision }) => ({ url: site(url), revision }))),
      __PAGES_BYTES__: String(pages.reduce((sum, entry) => sum + entry.size, 0)),
      __LAB_FILES__: JSON.stringify(lab.map(({ url, size }) => ({ url: site(url), size }))),
      __BUILD_ID__: JSON.stringify(buildId),
      'process.env.NODE_ENV': '"production"',
    },
    logLevel: 'warning',
  })
  return {
    pages: { files: pages.length, bytes: pages.reduce((sum, entry) => sum + entry.size, 0) },
    lab: { files: lab.length, bytes: lab.reduce((sum, entry) => sum + entry.size, 0) },
    buildId,
  }
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (isMain) {
  const outDir = process.argv[2] ?? 'out'
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`
  const result = await buildServiceWorker(outDir)
  console.log(
    `Service worker: ${relative(process.cwd(), join(outDir, SW_FILE))} (build ${result.buildId}): precaches ${result.pages.files} files of pages and assets (${mb(result.pages.bytes)}); the lab engine, ${result.lab.files} files (${mb(result.lab.bytes)}), on first use of a lab or on request.`,
  )
}
