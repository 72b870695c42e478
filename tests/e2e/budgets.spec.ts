/**
 * Byte budgets of the static export (deterministic for a build, unlike times): first-load JS per page,
 * the lazily loaded editor and engine chunks, and the whole export. Reads `out/` only; runs after the
 * build in `npm test`. `npm run bench` prints the same figures beside a blank Nextra 3 page.
 *
 * When a budget fails: find what grew (`npm run bench -- --no-build --skip lighthouse,lab,engine` lists
 * the pages; the message names the chunks), and either move it behind a dynamic import or, if the growth
 * is worth it, raise the budget here in the same pull request and say why.
 */
import { existsSync, readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import {
  chunkKind,
  firstLoadWeights,
  folderBytes,
  kB,
  lazyChunks,
  siteFile,
  sumBy,
  type LazyChunk,
} from '../../scripts/bench/weights'

const OUT = 'out'

/** Figures of 2026-11-23 21:10 UTC (Next 15.5.29, Nextra 3.3.1, 19 pages) in comments; budgets a little above them. */
const BUDGETS = {
  /** A page with labs may weigh at most this much more than a page without (the lab code loads on demand). */
  labPageOverPlainPage: 0.05, // today: lessons -0.5% to +5.1% over /contribute/ (207.3 kB); /where-they-hurt/cold-starts-and-connection-pooling/ is 0.2 kB over
  /** The page all others are compared with: same theme and layout, no lab, no decision tree. */
  plainPage: '/contribute/',
  /** Any page's first-load JS, gzip (scripts a module browser loads: Next's noModule polyfills left out). */
  firstLoadGzip: 230_000, // largest today: 217.8 kB (/where-they-hurt/cold-starts-and-connection-pooling/)
  /** CodeMirror and Sandpack, loaded when a lab nears the viewport, gzip. */
  editorGzip: 260_000, // today: 238.2 kB in 6 chunks
  /** The lab host, its worker and PGlite's JS, loaded with the first lab, gzip (PGlite's .wasm/.data not included). */
  engineGzip: 345_000, // today: 320.0 kB in 8 chunks
  /** Every other lazily loaded chunk (example files, Sandpack internals that never load), gzip. */
  otherLazyGzip: 125_000, // today: 100.9 kB in 47 chunks (grows a little with each example)
  /** The whole export on disk, PGlite's ~16 MB of WebAssembly and data included. */
  // today: 25.7 MB. Raised from 24 MB for the 4.5 MB gzipped snapshot of an empty PGlite data
  // directory (lib/lab/snapshot/), which spares every reader's first run initdb (seconds).
  exportBytes: 27_000_000,
}

const over = (value: number, budget: number) => `${kB(value)}, ${kB(value - budget)} over its budget of ${kB(budget)}`
const list = (chunks: LazyChunk[]) =>
  chunks
    .slice(0, 6)
    .map((chunk) => `${chunk.file} ${kB(chunk.gzipBytes)}`)
    .join(', ')

test.describe('byte budgets of the static export', () => {
  test.skip(!existsSync(`${OUT}/index.html`), 'no build in out/: run `npm run build` first (npm test does)')

  test('first-load JS: lab pages stay within 5% of a page without labs, and every page under its budget', () => {
    const pages = firstLoadWeights(OUT)
    const plain = pages.find((page) => page.path === BUDGETS.plainPage)
    expect(plain, `${BUDGETS.plainPage} is the page without labs the others are compared with`).toBeTruthy()
    const limit = plain!.gzipBytes * (1 + BUDGETS.labPageOverPlainPage)
    const problems: string[] = []
    for (const page of pages) {
      if (page.gzipBytes > BUDGETS.firstLoadGzip) {
        problems.push(`${page.path}: first-load JS ${over(page.gzipBytes, BUDGETS.firstLoadGzip)}`)
      }
      if (page.gzipBytes > limit) {
        const percent = ((page.gzipBytes / plain!.gzipBytes - 1) * 100).toFixed(1)
        problems.push(
          `${page.path}: first-load JS ${kB(page.gzipBytes)} is ${percent}% above ${BUDGETS.plainPage} (${kB(plain!.gzipBytes)}); ` +
            `the budget is ${BUDGETS.labPageOverPlainPage * 100}% (${kB(page.gzipBytes - limit)} over). ` +
            `Did an editor, engine or database import become static?`,
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

  test('the lazily loaded editor, engine and other chunks stay under their budgets', () => {
    const chunks = lazyChunks(OUT)
    const problems: string[] = []
    for (const [kind, budget] of [
      ['editor', BUDGETS.editorGzip],
      ['engine', BUDGETS.engineGzip],
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

  test('the whole static export stays under its budget', () => {
    const total = folderBytes(OUT)
    expect(
      total,
      `out/ is ${(total / 1e6).toFixed(2)} MB, ${((total - BUDGETS.exportBytes) / 1e6).toFixed(2)} MB over its budget of ${(BUDGETS.exportBytes / 1e6).toFixed(1)} MB`,
    ).toBeLessThanOrEqual(BUDGETS.exportBytes)
  })
})
