/**
 * What a page's HTML document weighs, gzip level 9, and which parts of it weigh what. Lighthouse's simulated
 * slow 4G charges every byte of the document before the first paint, so a lesson's HTML is what decides its FCP
 * and LCP against the blank Nextra page (README, Benchmarks). Deterministic for a given build: used by the HTML
 * budget in tests/e2e/budgets.spec.ts and by `npx tsx scripts/bench/html-weight.ts [OUT]`, which prints the table.
 *
 * A part's weight is what the page would save without it: gzip(page) - gzip(page with the part cut out). Parts
 * can overlap (a lab's code is inside the lab), so they do not add up to the page's total.
 */
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { exportedPages } from './weights'

/** Lesson pages: everything under the two lesson sections (their index pages included). */
export const LESSON_PAGE = /^\/(why-api-routes-work|where-they-hurt)\//

/** The parts of a page's HTML, each found by the opening tag of its elements. */
export const HTML_PARTS = {
  /** Each lab's static view (its code, request panel and buttons), sent for readers without JavaScript. */
  labs: /<section\b[^>]*\bdata-lab\b/g,
  /** Code fences in the prose (Nextra's `.nextra-code` wrapper with its highlighted `<pre>`). */
  'code fences': /<div\b[^>]*\bclass="[^"]*\bnextra-code\b/g,
  /** The article: the lesson's text, its code fences and labs. */
  article: /<article\b/g,
  /** Nextra's sidebar: the course's table of contents. */
  sidebar: /<aside\b[^>]*\bnextra-sidebar-container\b/g,
  /** "On this page": the lesson's headings. */
  toc: /<nav\b[^>]*\bnextra-toc\b/g,
  navbar: /<div\b[^>]*\bnextra-nav-container\b/g,
  footer: /<footer\b/g,
  /** The page's props for hydration (Nextra's page map among them). */
  __NEXT_DATA__: /<script\b[^>]*\bid="__NEXT_DATA__"/g,
  /** `<head>`: meta tags, stylesheets and script preloads. */
  head: /<head\b/g,
  /** Every inline SVG icon and diagram. */
  svg: /<svg\b/g,
} as const

export type HtmlPart = keyof typeof HTML_PARTS

export interface HtmlWeight {
  path: string
  gzipBytes: number
  rawBytes: number
  /** Per part: how many elements, and what the page saves without them (gzip bytes). */
  parts: Record<HtmlPart, { count: number; gzipBytes: number }>
}

export const gzipSize = (text: string) => gzipSync(text, { level: 9 }).length

/**
 * [start, end) of every element whose opening tag matches `open`, outermost only. React's server output is
 * well formed (every element closed, SVG children self-closed), so counting the tag name's openings and
 * closings finds each element's end.
 */
export function elementRanges(html: string, open: RegExp): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  for (const match of html.matchAll(new RegExp(open.source, 'g'))) {
    const start = match.index
    if (ranges.length && start < ranges[ranges.length - 1][1]) continue
    const name = /^<([a-zA-Z][\w-]*)/.exec(match[0])![1]
    const tags = new RegExp(`<(/?)${name}\\b[^>]*?(/?)>`, 'g')
    tags.lastIndex = start
    let depth = 0
    let end = -1
    for (let tag = tags.exec(html); tag; tag = tags.exec(html)) {
      if (tag[1]) depth--
      else if (!tag[2]) depth++
      if (depth === 0) {
        end = tag.index + tag[0].length
        break
      }
    }
    if (end === -1) throw new Error(`<${name}> at ${start} has no closing tag`)
    ranges.push([start, end])
  }
  return ranges
}

function without(html: string, ranges: Array<[number, number]>): string {
  let kept = ''
  let from = 0
  for (const [start, end] of ranges) {
    kept += html.slice(from, start)
    from = end
  }
  return kept + html.slice(from)
}

export function htmlWeight(path: string, html: string): HtmlWeight {
  const gzipBytes = gzipSize(html)
  const parts = {} as HtmlWeight['parts']
  for (const [part, open] of Object.entries(HTML_PARTS) as Array<[HtmlPart, RegExp]>) {
    const ranges = elementRanges(html, open)
    parts[part] = { count: ranges.length, gzipBytes: ranges.length ? gzipBytes - gzipSize(without(html, ranges)) : 0 }
  }
  return { path, gzipBytes, rawBytes: Buffer.byteLength(html), parts }
}

/** Every lesson page of an export, heaviest first. */
export function lessonHtmlWeights(outDir: string): HtmlWeight[] {
  return exportedPages(outDir)
    .filter((page) => LESSON_PAGE.test(page.path))
    .map((page) => htmlWeight(page.path, readFileSync(page.file, 'utf8')))
    .sort((a, b) => b.gzipBytes - a.gzipBytes)
}

/** "labs 4.1 kB, sidebar 2.3 kB, …": the page's heaviest parts, for a budget's message. */
export function biggestParts(weight: HtmlWeight, count = 4): string {
  return (Object.entries(weight.parts) as Array<[HtmlPart, { count: number; gzipBytes: number }]>)
    .filter(([part, { count }]) => count > 0 && part !== 'article' && part !== 'head')
    .sort((a, b) => b[1].gzipBytes - a[1].gzipBytes)
    .slice(0, count)
    .map(([part, { count, gzipBytes }]) => `${part} ${(gzipBytes / 1000).toFixed(1)} kB (${count})`)
    .join(', ')
}

if (process.argv[1] && /html-weight\.ts$/.test(process.argv[1])) {
  const out = process.argv[2] ?? 'out'
  const pages = lessonHtmlWeights(out)
  const kb = (bytes: number) => (bytes / 1000).toFixed(1)
  const names = Object.keys(HTML_PARTS) as HtmlPart[]
  console.log(`| page | HTML gzip | ${names.join(' | ')} |`)
  console.log(`| --- | ---: | ${names.map(() => '---:').join(' | ')} |`)
  for (const page of pages) {
    console.log(`| ${page.path} | ${kb(page.gzipBytes)} | ${names.map((name) => kb(page.parts[name].gzipBytes)).join(' | ')} |`)
  }
}
