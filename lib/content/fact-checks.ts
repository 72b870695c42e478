/**
 * Content checks for the course's facts (lib/facts/): each fact is re-checked within six months, pages
 * print facts with `<Fact id="…" />` instead of retyping them, every `<Fact>` names a fact that exists, and
 * every lesson has its "What changed since the article" box (which links the Sources page).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { FACT_FRESHNESS_MONTHS, facts, recheckBy, type Fact } from '../facts/index'
import { didYouMean } from './did-you-mean'
import { readFrontmatter } from './frontmatter'
import { proseLines } from './mdx-scan'
import { lineOf, type ContentProblem } from './problem'
import type { Site, SitePage } from './site-pages'

export const FACTS_FILE = 'lib/facts/facts.ts'

/** Pages that show facts' values on purpose: the Sources page lists them, the contributor guide shows examples. */
const EXEMPT_PAGES = new Set(['pages/sources.mdx', 'pages/contribute.mdx'])

const today = () => new Date().toISOString().slice(0, 10)

/** A fact whose check date is more than FACT_FRESHNESS_MONTHS old fails, at its line in lib/facts/facts.ts. */
export function checkFactFreshness(
  root: string,
  { now = today(), list = facts }: { now?: string; list?: readonly Fact[] } = {},
): ContentProblem[] {
  // A site without the facts module (a test fixture) has no facts to re-check.
  if (!existsSync(join(root, FACTS_FILE))) return []
  const source = readFileSync(join(root, FACTS_FILE), 'utf8')
  return list
    .filter((fact) => recheckBy(fact) < now)
    .map((fact) => ({
      file: FACTS_FILE,
      line: lineOf(source, `id: '${fact.id}'`) ?? 1,
      message: `fact "${fact.id}" was last checked on ${fact.checked}, more than ${FACT_FRESHNESS_MONTHS} months ago (due by ${recheckBy(fact)}).`,
      fix: `Open ${fact.source.url}, correct its value, statement and \`changed\` line if the platform moved, and set \`checked\` to today (${now}).`,
    }))
}

/**
 * The part of a line that is prose a fact could hide in: no components, JSX attributes or link targets,
 * and no inline code unless `keepCode` (then a code span's text stays, without its backticks, so an
 * error text quoted in code or a number beside `max_connections` can be found).
 */
function proseOf(text: string, { keepCode = false } = {}): string {
  if (/^\s*(import|export)\s/.test(text)) return ''
  // A JSX attribute on a line of its own (an image's alt text): it cannot hold a component.
  if (/^\s*[\w-]+=["{]/.test(text)) return ''
  return text
    .replace(/`([^`]*)`/g, keepCode ? '$1' : ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/\*\*|__/g, '')
}

/** A page that retypes a fact's value (a fact's `handwritten` pattern in its prose) fails at that line. */
export function checkHandwrittenFacts(page: SitePage, list: readonly Fact[] = facts): ContentProblem[] {
  if (!page.file.endsWith('.mdx') || EXEMPT_PAGES.has(page.file)) return []
  const frontmatterLines = readFrontmatter(page.source).lineCount
  const problems: ContentProblem[] = []
  for (const { number, text } of proseLines(page.source)) {
    if (number <= frontmatterLines) continue
    const prose = proseOf(text)
    const proseWithCode = proseOf(text, { keepCode: true })
    if (!proseWithCode.trim()) continue
    for (const fact of list) {
      for (const pattern of fact.handwritten ?? []) {
        const match = new RegExp(pattern, 'i').exec(fact.matchInlineCode ? proseWithCode : prose)
        if (!match) continue
        const twins = list
          .filter((other) => other.id !== fact.id && other.value === fact.value)
          .map((other) => other.id)
        problems.push({
          file: page.file,
          line: number,
          message: `retypes the fact "${fact.id}" by hand ("${match[0]}"): ${fact.statement}`,
          fix:
            `Write <Fact id="${fact.id}" /> (it prints "${fact.value}")` +
            (twins.length
              ? ` or the fact with the same value that is meant (${twins.map((id) => `"${id}"`).join(', ')})`
              : '') +
            `, so the figure lives in ${FACTS_FILE} only. If the number is the lab's own, not the platform's, reword it (e.g. "the lab's limit").`,
        })
        break
      }
    }
  }
  return problems
}

/** Every `<Fact id="…">`, `<WhatChanged facts="…">` names a fact that exists (the build fails on it too). */
export function checkFactIds(page: SitePage, list: readonly Fact[] = facts): ContentProblem[] {
  const ids = list.map((fact) => fact.id)
  const problems: ContentProblem[] = []
  for (const { number, text } of proseLines(page.source)) {
    const withoutCode = text.replace(/`[^`]*`/g, '')
    const named = [
      ...[...withoutCode.matchAll(/<Fact\b[^>]*\bid=["']([^"']*)["']/g)].map((match) => match[1]),
      ...[...withoutCode.matchAll(/<WhatChanged\b[^>]*\bfacts=["']([^"']*)["']/g)].flatMap((match) =>
        match[1].split(/[\s,]+/).filter(Boolean),
      ),
    ]
    for (const id of named) {
      if (ids.includes(id)) continue
      problems.push({
        file: page.file,
        line: number,
        message: `names no fact "${id}".`,
        fix: `${didYouMean(id, ids).trim()} Use an id from ${FACTS_FILE}, or add the fact there with its source and check date.`.trim(),
      })
    }
  }
  return problems
}

/** Every lesson has a `<WhatChanged>` box: it lists what moved and links the Sources page. */
export function checkWhatChangedBox(page: SitePage): ContentProblem[] {
  if (!page.lessonSection || /<WhatChanged\b/.test(page.source)) return []
  return [
    {
      file: page.file,
      line: lineOf(page.source, /^## (Sources|Further reading)/m) ?? 1,
      message: 'has no "What changed since the article" box.',
      fix: 'Add `<WhatChanged>…</WhatChanged>` before the sources: your own lines go inside; it adds what moved for each <Fact> the page uses and a link to the Sources page.',
    },
  ]
}

export function checkFacts(site: Site, options: { now?: string } = {}): ContentProblem[] {
  return [
    ...checkFactFreshness(site.root, options),
    ...site.pages.flatMap((page) => [
      ...checkFactIds(page),
      ...checkHandwrittenFacts(page),
      ...checkWhatChangedBox(page),
    ]),
  ]
}
