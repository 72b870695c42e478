/**
 * Lighthouse on two exports of this site and the blank Nextra page in ONE run, round-robin (a busy moment on the
 * shared machine hits every page alike), to see what a change did to lessons against the blank page. Same
 * Lighthouse, preset and Chromium as `npm run bench` (scripts/bench/lighthouse.ts). Prints a Markdown table with
 * each page's HTML (gzip) beside its medians, and the load average at the start and the end.
 *
 *   npx tsx scripts/bench/lighthouse-compare.ts --before DIR --after DIR [--runs 5] [--pages /a/,/b/]
 *
 * The blank page is the bench's baseline build (.bench-work/baseline/out; `npx tsx scripts/bench/baseline.ts`).
 */
import { existsSync, readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { findChromium, INSTALL_HINT } from '../find-chromium.mjs'
import { BASELINE_OUT } from './baseline'
import { gzipSize } from './html-weight'
import { lighthouseFigures, type LighthouseFigures, type LighthouseTarget } from './lighthouse'
import { log, serve } from './util'

const DEFAULT_PAGES = [
  '/where-they-hurt/cold-starts-and-connection-pooling/',
  '/where-they-hurt/serverless-database-limits/',
  '/why-api-routes-work/one-codebase/',
]

function parseArgs(argv: string[]) {
  const value = (name: string) => {
    const at = argv.indexOf(`--${name}`)
    return at === -1 ? undefined : argv[at + 1]
  }
  const before = value('before')
  const after = value('after')
  if (!before || !after) throw new Error('Give both exports: --before DIR --after DIR')
  const runs = Number(value('runs') ?? 5)
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number of runs, e.g. --runs 5')
  return { before: resolve(before), after: resolve(after), runs, pages: value('pages')?.split(',') ?? DEFAULT_PAGES }
}

const htmlGzip = (out: string, path: string) => gzipSize(readFileSync(join(out, path, 'index.html'), 'utf8'))
const load = () => loadavg().map((value) => value.toFixed(1)).join(' ')

async function main() {
  const args = parseArgs(process.argv.slice(2))
  const chromium = findChromium()
  if (!chromium) throw new Error(INSTALL_HINT)
  for (const out of [args.before, args.after, BASELINE_OUT]) {
    if (!existsSync(join(out, 'index.html'))) throw new Error(`No export in ${out}`)
  }
  const servers = { before: await serve(args.before), after: await serve(args.after), blank: await serve(BASELINE_OUT) }
  const targets: LighthouseTarget[] = [{ label: 'blank Nextra /', url: `${servers.blank.origin}/`, baseline: true }]
  for (const path of args.pages) {
    targets.push({ label: `before ${path}`, url: servers.before.origin + path })
    targets.push({ label: `after ${path}`, url: servers.after.origin + path })
  }
  const loadAtStart = load()
  const started = new Date().toISOString().slice(0, 16).replace('T', ' ')
  let pages: LighthouseFigures[]
  try {
    pages = (await lighthouseFigures(targets, { runs: args.runs, chromePath: chromium.executablePath })).pages
  } finally {
    await Promise.all(Object.values(servers).map((server) => server.close()))
  }
  const html = (label: string) => {
    if (label.startsWith('blank')) return htmlGzip(BASELINE_OUT, '/')
    const [which, path] = label.split(' ')
    return htmlGzip(which === 'before' ? args.before : args.after, path)
  }
  const lines = [
    `Lighthouse, median of ${args.runs}, round-robin, started ${started} UTC; load average (1, 5, 15 min) ${loadAtStart} at the start, ${load()} at the end.`,
    '',
    '| page | HTML gzip | performance | FCP | LCP | TBT | SI | CLS | performance, run by run |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...pages.map(
      (page) =>
        `| ${page.label} | ${(html(page.label) / 1000).toFixed(1)} kB | ${page.performance} | ${page.fcpMs} ms | ${page.lcpMs} ms | ${page.tbtMs} ms | ${page.speedIndexMs} ms | ${page.cls} | ${page.performanceRuns.join(', ')} |`,
    ),
  ]
  process.stdout.write(`${lines.join('\n')}\n`)
  log('done')
}

main().catch((error: Error) => {
  console.error(`lighthouse-compare failed: ${error.message}`)
  process.exit(1)
})
