/**
 * `npm run bench`: page weight, Lighthouse, time to the first lab result and the engine's Node
 * figures, each beside a blank Nextra 3 page built in the same run. Writes bench/results.json and
 * bench/results.md and prints the Markdown.
 *
 *   npm run bench                      build the baseline and the site, then measure (about 8–10 minutes on 2 cores)
 *   npm run bench -- --no-build        measure the existing builds (out/ and .bench-work/baseline/out)
 *   npm run bench -- --runs 5          Lighthouse runs and fresh lab pages per figure (default 3)
 *   npm run bench -- --out DIR         measure another export of this site (default out)
 *   npm run bench -- --skip lighthouse,lab,arrival,engine   leave jobs out
 */
import { cpus, totalmem } from 'node:os'
import { mkdirSync, writeFileSync } from 'node:fs'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { findChromium, INSTALL_HINT } from '../find-chromium.mjs'
import { buildBaseline } from './baseline'
import { engineFigures, type EngineFigures } from './engine'
import { labArrivalOf, type LabArrivalFigures } from './lab-arrival'
import { labTiming, type LabTimingFigures } from './lab-timing'
import { offlineFigures, type OfflineFigures } from './offline'
import { lighthouseFigures, lighthouseVersion, type LighthouseFigures, type LighthouseTarget } from './lighthouse'
import { markdown } from './report'
import { chromiumVersion, log, run, serve } from './util'
import { firstLoadWeights, folderBytes, lazyChunks, prismaQueryCompiler, sumBy } from './weights'

/** The pages Lighthouse measures, each with a fallback if the lesson does not exist (yet). */
const LIGHTHOUSE_PAGES: Array<string[]> = [
  ['/'],
  ['/where-they-hurt/cold-starts-and-connection-pooling/', '/where-they-hurt/'],
  ['/why-api-routes-work/simplicity/', '/why-api-routes-work/'],
  ['/decide/'],
]
/** Lesson pages: everything under the two lesson sections. */
const LESSON = /^\/(why-api-routes-work|where-they-hurt)\//

export interface BenchResults {
  date: string
  runs: number
  machine: {
    cpus: number
    cpuModel: string
    memoryGB: number
    node: string
    chromium: string
    lighthouse: string
    platform: string
  }
  firstLoad: {
    baseline: { path: string; gzipBytes: number }
    pages: Array<{ path: string; gzipBytes: number; rawBytes: number; ratio: number; lesson: boolean }>
  }
  weights: {
    lazy: { editor: number; engine: number; download?: number; prisma?: number; other: number }
    /** A Prisma lab's query compiler (WebAssembly), fetched with the lab's worker on a page with a Prisma lab. */
    prismaQueryCompiler?: { rawBytes: number; gzipBytes: number } | null
    exportBytes: number
  }
  /** Run on the current Node LTS (`node`), which Lighthouse 13 needs; the rest of the bench runs on the project's Node. */
  lighthouse: { pages: LighthouseFigures[]; node?: string; error?: string }
  lab: LabTimingFigures
  /** First Run on arriving at each lab by its anchor, and a repeat at once (scripts/bench/lab-arrival.ts). */
  arrival: LabArrivalFigures | { error: string }
  offline: OfflineFigures | { error: string }
  engine: EngineFigures
}

function parseArgs(argv: string[]) {
  const value = (name: string) => {
    const at = argv.indexOf(`--${name}`)
    return at === -1 ? undefined : argv[at + 1]
  }
  const runs = Number(value('runs') ?? 3)
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number of runs, e.g. --runs 3')
  return {
    build: !argv.includes('--no-build'),
    runs,
    out: resolve(value('out') ?? 'out'),
    skip: new Set((value('skip') ?? '').split(',').filter(Boolean)),
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2))
  const chromium = findChromium()
  if (!chromium) throw new Error(INSTALL_HINT)
  const started = Date.now()

  const baselineOut = await buildBaseline({ build: args.build })
  if (args.build) {
    log('site: npm run build')
    await run('npm', ['run', 'build'], { cwd: process.cwd() })
  }
  if (!existsSync(join(args.out, 'index.html'))) throw new Error(`No build in ${args.out}: run without --no-build.`)

  // (a) first-load JS
  log('first-load JS')
  const baselinePage = firstLoadWeights(baselineOut).find((page) => page.path === '/')!
  const pages = firstLoadWeights(args.out)
  const lazy = lazyChunks(args.out, pages)
  const firstLoad = {
    baseline: { path: '/', gzipBytes: baselinePage.gzipBytes },
    pages: pages.map((page) => ({
      path: page.path,
      gzipBytes: page.gzipBytes,
      rawBytes: page.rawBytes,
      ratio: Math.round((page.gzipBytes / baselinePage.gzipBytes) * 1000) / 1000,
      lesson: LESSON.test(page.path),
    })),
  }
  const weights = {
    lazy: {
      editor: sumBy(lazy.filter((chunk) => chunk.kind === 'editor'), (chunk) => chunk.gzipBytes),
      engine: sumBy(lazy.filter((chunk) => chunk.kind === 'engine'), (chunk) => chunk.gzipBytes),
      download: sumBy(lazy.filter((chunk) => chunk.kind === 'download'), (chunk) => chunk.gzipBytes),
      prisma: sumBy(lazy.filter((chunk) => chunk.kind === 'prisma'), (chunk) => chunk.gzipBytes),
      other: sumBy(lazy.filter((chunk) => chunk.kind === 'other'), (chunk) => chunk.gzipBytes),
    },
    prismaQueryCompiler: prismaQueryCompiler(args.out),
    exportBytes: folderBytes(args.out),
  }

  const site = await serve(args.out)
  const baseline = await serve(baselineOut)
  let lighthouse: BenchResults['lighthouse'] = { pages: [] }
  let lab: LabTimingFigures = {
    page: '/playground/',
    single: { firstRunMs: NaN, repeatMedianMs: NaN, firstRuns: [], repeats: [] },
    burst50: { firstRunMs: NaN, repeatMedianMs: NaN, firstRuns: [], repeats: [] },
    summaries: { single: '', burst50: '' },
    error: 'skipped',
  }
  let offline: BenchResults['offline'] = { error: 'skipped' }
  let arrival: BenchResults['arrival'] = { error: 'skipped' }
  try {
    // (b) Lighthouse
    if (!args.skip.has('lighthouse')) {
      const existing = new Set(pages.map((page) => page.path))
      const targets: LighthouseTarget[] = LIGHTHOUSE_PAGES.map((choices) => choices.find((path) => existing.has(path)))
        .filter((path): path is string => !!path)
        .map((path) => ({ label: path, url: site.origin + path }))
      targets.push({ label: 'baseline /', url: `${baseline.origin}/`, baseline: true })
      try {
        const measured = await lighthouseFigures(targets, { runs: args.runs, chromePath: chromium.executablePath })
        lighthouse = { pages: measured.pages, node: measured.node }
      } catch (error) {
        lighthouse = { pages: [], error: (error as Error).message }
      }
    }
    // (c) Run → summary in the browser
    if (!args.skip.has('lab')) {
      lab = await labTiming(site.origin, { runs: args.runs, repeats: 5, chromePath: chromium.executablePath })
    }
    // (c2) every lab: the first Run pressed on arrival by its anchor, and a repeat pressed at once
    if (!args.skip.has('arrival')) arrival = await labArrivalOf(args.out, site.origin, chromium.executablePath)
    // (d) offline: what the service worker stores, and how long until the course is available offline
    if (!args.skip.has('offline')) {
      offline = await offlineFigures(args.out, site.origin, { runs: args.runs, chromePath: chromium.executablePath })
    }
  } finally {
    await site.close()
    await baseline.close()
  }
  // (e) the engine in Node
  const engine: EngineFigures = args.skip.has('engine') ? { error: 'skipped' } : await engineFigures()

  const results: BenchResults = {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    runs: args.runs,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
      memoryGB: Math.round(totalmem() / 1e9),
      node: process.version,
      chromium: chromiumVersion(chromium.executablePath),
      lighthouse: lighthouseVersion(),
      platform: `${process.platform} ${process.arch}`,
    },
    firstLoad,
    weights,
    lighthouse,
    lab,
    arrival,
    offline,
    engine,
  }
  mkdirSync('bench', { recursive: true })
  writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`)
  const table = markdown(results)
  writeFileSync('bench/results.md', table)
  process.stdout.write(table)
  log(`done in ${Math.round((Date.now() - started) / 1000)} s: bench/results.json, bench/results.md`)
}

main().catch((error: Error) => {
  console.error(`bench failed: ${error.message}`)
  process.exit(1)
})
