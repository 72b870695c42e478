/**
 * Byte budgets of the static export (deterministic for a build, unlike times): first-load JS per page
 * against a blank Nextra 3 page built on the same versions, the lazily loaded editor and engine chunks,
 * and the whole export. Reads `out/` and the baseline's build in `.bench-work/baseline/out/`, or, on a clone
 * without the shared baseline beside it, the measurement committed in bench/baseline.json; runs after the
 * `build` and `baseline` stages of `npm test` (`npx tsx scripts/bench/baseline.ts` builds the baseline).
 *
 * When a budget fails: find what grew (`npm run bench -- --no-build --skip lighthouse,lab,engine` lists
 * the pages; the message names the chunks), and either move it behind a dynamic import or into the page's
 * static HTML (lib/mdx/recma-server-only.mjs), or, if the growth is worth it, raise the budget here in
 * the same pull request and say why.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import {
  BASELINE_OUT,
  BASELINE_PACKAGES,
  BASELINE_PAGE,
  BASELINE_RECORD,
  installedVersions,
  readBaselineRecord,
} from '../../scripts/bench/baseline'
import {
  chunkKind,
  firstLoadWeights,
  folderBytes,
  gzipBytes,
  kB,
  lazyChunks,
  prismaQueryCompiler,
  siteFile,
  sumBy,
  type LazyChunk,
  scriptName,
  type PageWeight,
} from '../../scripts/bench/weights'

const OUT = 'out'

/** Figures of 2026-11-23 23:30 UTC (Next 15.5.29, Nextra 3.3.1, 19 pages) in comments; budgets a little above them. */
const BUDGETS = {
  /** A page may ship at most this much more first-load JS than the blank Nextra 3 page (193.9 kB). */
  // Every page. 2026-11-24 02:25 UTC: pages without a lab (and /decide/) +2.2% to +2.8%, lessons with labs
  // +3.0% to +3.3%, the four with Tabs +3.9% to +4.1%.
  overBaseline: 0.05,
  /** Any page's first-load JS, gzip (scripts a module browser loads: Next's noModule polyfills left out). */
  firstLoadGzip: 215_000, // largest 2026-11-24 02:25 UTC: 201.8 kB (cold-starts-and-connection-pooling)
  /** CodeMirror and Sandpack, loaded when a lab nears the viewport, gzip. */
  // 2026-12-07: 224.1 kB, since Sandpack's preview clients are no longer built (next.config.mjs).
  editorGzip: 235_000, // was 260 kB; 238.2 kB in 6 chunks before
  /** The lab host, its worker and PGlite's JS, loaded with the first lab, gzip (PGlite's .wasm/.data not included). */
  // 2026-12-07: the engine split (issue-17b), the queue stand-ins (lib/lab/queue/: a simulated SQS and BullMQ,
  // ~7 kB gzip), the WebSocket hub and LISTEN/NOTIFY (lib/lab/websocket/, database/notifications.ts) and the
  // Database tab's committed view (database/table-dump.ts, ~1.3 kB) all must be in the worker before its lockdown,
  // which ends chunk loading. main measured 340.7 kB before them.
  // Measured after all of them, counting every chunk the worker loads (scripts/bench/weights.ts): 365.6 kB.
  // 2026-12-07, later: 330.7 kB, since zod's locales are English only in the browser build (−36.6 kB;
  // lib/lab/modules/builtins/zod-locales.mjs). Was 375 kB, and 345 kB before that.
  engineGzip: 340_000, // 2026-11: 331.8 kB in 10 chunks (the `buffer` package and the Node built-ins added ~12 kB)
  /** The Lab's Download: the project generator (lib/download/) and fflate, loaded when a reader asks for a zip, gzip. */
  downloadGzip: 20_000, // 2026-12-07: 14.8 kB in 2 chunks (the generator 10.3 kB, fflate 4.5 kB)
  /**
   * Prisma's runtime in the lab (lib/lab/modules/builtins/prisma/), JS, gzip: fetched by the lab worker only on a
   * page with a Prisma lab (the query compiler's WebAssembly is the next budget). The test below checks that other
   * pages never request it.
   */
  // 2026-12-07: measured 146.0 kB (the runtime and the three Prisma examples' files with their generated clients);
  // the packages' own estimate was ~105 kB.
  prismaGzip: 155_000,
  /** Prisma's Postgres query compiler, the .bin the worker fetches with a Prisma lab, on disk (3.4 MB in 7.10.1). */
  prismaQueryCompilerBytes: 3_700_000,
  /** Every other lazily loaded chunk (example files, Sandpack internals that never load), gzip. */
  // 2026-12-07: 140.2 kB, of which ~17 kB is the reader's progress and offline use, loaded on every page
  // once the browser is idle (lib/site/reader-services.ts): the progress store with zod/mini (~10 kB), the
  // course map's panel and offline control (3.8 kB, Introduction only), the service worker's registration.
  // Then, after the merge: 159.1 kB, adding the course map itself (moved out of the Introduction's first
  // load, ~6 kB), the decision tree's 2026 verdict with the facts it cites (its chunk 7.2 → 15.2 kB), the
  // share-link codec (1.3 kB), "Copy page as Markdown" (0.6 kB) and the examples' new presets and files.
  // 2026-12-07, issue-18b: 170.2 kB with the four queue examples' files and presets.
  // 2026-12-07, after the merge of issues 16-18: 187.6 kB with the Timeline's drawing (11.2 kB, loaded when a
  // reader opens the Timeline), the Database view, the WebSockets tab, the code-fit controls and the new examples.
  // 2026-12-07, second merge: Sandpack's preview clients (~45 kB, never loaded) are no longer built
  // (next.config.mjs leaveOutSandpackPreview); the Timeline now draws queues, WebSockets and pool checkouts
  // (17.3 kB), exercises have hints, stale results are marked, the decision tree carries 55 facts: 149.4 kB.
  otherLazyGzip: 160_000, // was 195 kB before the preview clients went // 2026-11-23: 100.9 kB in 47 chunks (grows a little with each example)
  /** The whole export on disk, PGlite's ~16 MB of WebAssembly and data included. */
  // today: 21.9 MB, with the 1.1 MB gzipped snapshot of the lab's empty PGlite data directory
  // (lib/lab/snapshot/), which spares every reader's first run initdb (seconds). 2026-12-07: +3.4 MB for
  // Prisma's query compiler (.bin) and its runtime chunks, which only a page with a Prisma lab downloads.
  // 2026-12-07, after the merge: 28.8 MB.
  exportBytes: 30_000_000,
}

const over = (value: number, budget: number) => `${kB(value)}, ${kB(value - budget)} over its budget of ${kB(budget)}`
const list = (chunks: LazyChunk[]) =>
  chunks
    .slice(0, 6)
    .map((chunk) => `${chunk.file} ${kB(chunk.gzipBytes)}`)
    .join(', ')

/** The scripts a page loads that the baseline page does not, largest first: where to look when it grows. */
const extraScripts = (page: PageWeight, baselineScripts: string[]) => {
  const base = new Set(baselineScripts)
  return page.scripts
    .map((src) => ({ src, gzip: gzipBytes(siteFile(OUT, src)) }))
    .filter(({ src }) => !base.has(scriptName(src)))
    .sort((a, b) => b.gzip - a.gzip)
    .slice(0, 4)
    .map(({ src, gzip }) => `${src.split('/').pop()} ${kB(gzip)}`)
    .join(', ')
}

/**
 * The blank Nextra 3 page's first-load JS: measured from its build when there is one, else the committed
 * record, which must have been measured on the project's versions of Next, Nextra and React.
 */
function baselineWeight(): { gzipBytes: number; scripts: string[]; source: string } {
  if (existsSync(`${BASELINE_OUT}/index.html`)) {
    const page = firstLoadWeights(BASELINE_OUT).find((candidate) => candidate.path === BASELINE_PAGE)
    expect(page, `the baseline build in ${BASELINE_OUT} has no ${BASELINE_PAGE}`).toBeTruthy()
    return { gzipBytes: page!.gzipBytes, scripts: page!.scripts.map(scriptName), source: BASELINE_OUT }
  }
  const record = readBaselineRecord()
  expect(
    record,
    `no baseline build in ${BASELINE_OUT} and no ${BASELINE_RECORD}: run \`npx tsx scripts/bench/baseline.ts\` with the shared baseline beside the repository`,
  ).toBeTruthy()
  const project = installedVersions('.')
  const differing = BASELINE_PACKAGES.filter((name) => record!.versions[name] !== project[name])
  expect(
    differing.map((name) => `${name}: recorded ${record!.versions[name]}, installed ${project[name]}`),
    `${BASELINE_RECORD} was measured on other versions: rebuild the baseline (\`npx tsx scripts/bench/baseline.ts --force\`) and commit the record`,
  ).toEqual([])
  return {
    gzipBytes: record!.gzipBytes,
    scripts: record!.scripts,
    source: `${BASELINE_RECORD} (measured ${record!.measured})`,
  }
}

test.describe('byte budgets of the static export', () => {
  test.skip(!existsSync(`${OUT}/index.html`), 'no build in out/: run `npm run build` first (npm test does)')

  test('first-load JS: lesson pages stay within 5% of a blank Nextra 3 page, and every page under its budget', () => {
    const baseline = baselineWeight()
    test.info().annotations.push({ type: 'baseline', description: `${kB(baseline.gzipBytes)} from ${baseline.source}` })
    const limit = baseline.gzipBytes * (1 + BUDGETS.overBaseline)
    const pages = firstLoadWeights(OUT)
    expect(
      pages.filter((page) => /^\/(why-api-routes-work|where-they-hurt)\/./.test(page.path)).length,
      'lesson pages in out/',
    ).toBeGreaterThanOrEqual(10)
    const problems: string[] = []
    for (const page of pages) {
      if (page.gzipBytes > BUDGETS.firstLoadGzip) {
        problems.push(`${page.path}: first-load JS ${over(page.gzipBytes, BUDGETS.firstLoadGzip)}`)
      }
      if (page.gzipBytes > limit) {
        const percent = ((page.gzipBytes / baseline.gzipBytes - 1) * 100).toFixed(1)
        problems.push(
          `${page.path}: first-load JS ${kB(page.gzipBytes)} is ${percent}% above a blank Nextra 3 page (${kB(baseline.gzipBytes)}); ` +
            `the budget is ${BUDGETS.overBaseline * 100}% (${kB(page.gzipBytes - limit)} over). Largest scripts the baseline ` +
            `does not load: ${extraScripts(page, baseline.scripts)}. Did an editor, engine or database import become static?`,
        )
      }
    }
    expect(problems, 'pages over their first-load JS budget').toEqual([])
  })

  test('no page loads the editor or the engine up front', () => {
    const found: string[] = []
    for (const page of firstLoadWeights(OUT)) {
      for (const src of page.scripts) {
        const kind = chunkKind(readFileSync(siteFile(OUT, src), 'utf8'))
        if (kind !== 'other') found.push(`${page.path} loads ${src} (${kind} code) up front; it should load on demand`)
      }
    }
    expect(found).toEqual([])
  })

  test('the lazily loaded editor, engine, download and other chunks stay under their budgets', () => {
    const chunks = lazyChunks(OUT)
    const problems: string[] = []
    for (const [kind, budget] of [
      ['editor', BUDGETS.editorGzip],
      ['engine', BUDGETS.engineGzip],
      ['download', BUDGETS.downloadGzip],
      ['prisma', BUDGETS.prismaGzip],
      ['other', BUDGETS.otherLazyGzip],
    ] as const) {
      const ofKind = chunks.filter((chunk) => chunk.kind === kind)
      const total = sumBy(ofKind, (chunk) => chunk.gzipBytes)
      if (kind !== 'other')
        expect(ofKind.length, `no ${kind} chunk found in out/_next/static/chunks`).toBeGreaterThan(0)
      if (total > budget) problems.push(`${kind} chunks: ${over(total, budget)}; largest: ${list(ofKind)}`)
    }
    expect(problems, 'lazy chunks over budget').toEqual([])
  })

  test("Sandpack's preview clients are not built: the course uses Sandpack as an editor only", () => {
    // The MIME database two of the preview clients carry, and static-browser-server's preview controller.
    const previewMarkers = [/atsc-dynamic-event-message/, /PreviewController/]
    const found = lazyChunks(OUT).filter((chunk) => {
      const text = readFileSync(join(OUT, '_next/static/chunks', chunk.file), 'utf8')
      return previewMarkers.some((marker) => marker.test(text))
    })
    expect(
      found.map((chunk) => chunk.file),
      'chunks with a Sandpack preview client',
    ).toEqual([])
  })

  test("a Prisma lab's query compiler is in the export, under its budget", () => {
    const compiler = prismaQueryCompiler(OUT)
    expect(compiler, 'query-compiler.postgresql.<hash>.bin in out/_next/static/media').not.toBeNull()
    expect(compiler!.rawBytes).toBeLessThanOrEqual(BUDGETS.prismaQueryCompilerBytes)
  })

  test('the whole static export stays under its budget', () => {
    const total = folderBytes(OUT)
    expect(
      total,
      `out/ is ${(total / 1e6).toFixed(2)} MB, ${((total - BUDGETS.exportBytes) / 1e6).toFixed(2)} MB over its budget of ${(BUDGETS.exportBytes / 1e6).toFixed(1)} MB`,
    ).toBeLessThanOrEqual(BUDGETS.exportBytes)
  })
})

// ---- Lesson pages' HTML (issue 17 item 7) ----
// Lighthouse's simulated slow 4G charges every byte of the HTML document before the first paint, so a lesson's
// HTML, not its JavaScript, is what separated it from the blank Nextra page on FCP and LCP (README, Benchmarks).
// The lesson's text and example code stay in the HTML (readers without JavaScript, search engines); markup is what
// was cut: code fences' colours are classes (lib/mdx/code-tokens.mjs), lab code merges same-colour tokens
// (lib/mdx/highlight.mjs), diagrams load lazily so React does not preload them (lib/mdx/rehype-lazy-images.mjs).
// When this fails: `npx tsx scripts/bench/html-weight.ts` prints every lesson's parts; cut markup before content.
import { biggestParts, lessonHtmlWeights } from '../../scripts/bench/html-weight'

/**
 * Every lesson page's HTML document, gzip level 9. 2026-12-07: 13.2–20.9 kB (cold-starts the largest), from
 * 13.5–21.9 kB before the markup cuts; the blank Nextra page's is 4.1 kB.
 */
const LESSON_HTML_GZIP = 21_500

test.describe("lesson pages' HTML", () => {
  test.skip(!existsSync(`${OUT}/index.html`), 'no build in out/: run `npm run build` first (npm test does)')

  test('every lesson page sends its HTML under the budget, gzip', () => {
    const pages = lessonHtmlWeights(OUT)
    expect(pages.length, 'lesson pages under /why-api-routes-work/ and /where-they-hurt/').toBeGreaterThanOrEqual(12)
    expect(
      pages
        .filter((page) => page.gzipBytes > LESSON_HTML_GZIP)
        .map((page) => `${page.path}: ${over(page.gzipBytes, LESSON_HTML_GZIP)}; biggest parts: ${biggestParts(page)}`),
      'lesson pages whose HTML is over budget',
    ).toEqual([])
  })

  test('code fences carry their colours as classes, and no lesson preloads a diagram before its first paint', () => {
    const problems: string[] = []
    for (const page of lessonHtmlWeights(OUT)) {
      const html = readFileSync(join(OUT, page.path, 'index.html'), 'utf8')
      const inline = html.match(/style="--shiki-light:/g)?.length ?? 0
      if (inline)
        problems.push(`${page.path}: ${inline} code tokens with an inline --shiki style (lib/mdx/code-tokens.mjs)`)
      if (/<link rel="preload" as="image"/.test(html))
        problems.push(`${page.path}: preloads an image (lib/mdx/rehype-lazy-images.mjs)`)
    }
    expect(problems).toEqual([])
  })
})
