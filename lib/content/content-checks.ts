/**
 * The content checks behind `npm run check:content`. Each returns problems that name the file, the
 * line and the fix; none of them stops at the first problem, so one run lists everything to mend.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { closest, didYouMean } from './did-you-mean'
import { headingAnchors } from './heading-anchors'
import { pageFrontmatterSchema, readFrontmatter } from './frontmatter'
import { findLabs, findLinks, proseWordCount } from './mdx-scan'
import { lineOf, type ContentProblem } from './problem'
import { pageForRoute, type Site, type SitePage } from './site-pages'

/**
 * Words of prose in a lesson (code, JSX and link targets not counted): the range CONTRIBUTING.md states.
 * Measured 2026-12: the lessons run from 1,003 to 1,750 words; the weaknesses, which show the problem and
 * the fix side by side, are the long ones.
 */
export const LESSON_WORDS = { min: 800, max: 2000 } as const

const wordRange = `${LESSON_WORDS.min.toLocaleString('en-GB')}–${LESSON_WORDS.max.toLocaleString('en-GB')}`

/** Every `_meta.ts` key names a page or folder beside it, and every page is listed in its folder's `_meta.ts`. */
export function checkNavigation(site: Site): ContentProblem[] {
  const problems: ContentProblem[] = []
  for (const meta of site.metas) {
    if (meta.loadError) {
      problems.push({
        file: meta.file,
        line: Number(/_meta\.ts:(\d+)/.exec(meta.loadError)?.[1] ?? 1),
        message: `could not be loaded: ${meta.loadError}`,
        fix: 'Make it `export default { key: "Title", … }` with no imports of site code.',
      })
      continue
    }
    for (const key of meta.keys) {
      const base = join(site.root, meta.folder, key)
      const exists =
        ['.mdx', '.md', '.tsx', '.jsx'].some((extension) => existsSync(base + extension)) || existsSync(base)
      if (!exists) {
        const siblings = site.pages.filter((page) => page.metaFile === meta.file).map((page) => page.key)
        problems.push({
          file: meta.file,
          line: lineOf(meta.source, new RegExp(`['"]?${key.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&')}['"]?\\s*:`)) ?? 1,
          message: `"${key}" has no page: there is no ${meta.folder}/${key}.mdx and no folder ${meta.folder}/${key}/.`,
          fix: `${didYouMean(key, siblings).trim()} Create ${meta.folder}/${key}.mdx, or rename or remove the key.`.trim(),
        })
      }
    }
  }
  for (const page of site.pages) {
    const meta = site.metas.find((candidate) => candidate.file === page.metaFile)
    if (!meta) {
      problems.push({
        file: page.file,
        line: 1,
        message: `is not in the sidebar: ${page.metaFile} does not exist.`,
        fix: `Create ${page.metaFile} with \`export default { '${page.key}': 'Title' }\`.`,
      })
    } else if (!meta.loadError && !meta.keys.includes(page.key)) {
      const closing = meta.source.split('\n').findLastIndex((line) => /^\s*}/.test(line)) + 1
      problems.push({
        file: page.file,
        line: 1,
        message: `is not in the sidebar: ${page.metaFile} has no key "${page.key}".`,
        fix: `Add \`'${page.key}': 'Title'\` to ${page.metaFile} where it belongs in the order (the object ends at line ${closing || 1}).`,
      })
    }
  }
  return problems
}

export function isDraft(page: SitePage): boolean {
  const { data } = readFrontmatter(page.source)
  return typeof data === 'object' && data !== null && (data as { draft?: unknown }).draft === true
}

export function checkFrontmatter(page: SitePage, { allowDrafts = false } = {}): ContentProblem[] {
  if (!page.file.endsWith('.mdx') && !page.file.endsWith('.md')) return []
  // A draft is refused, and its front matter is still checked, so a typo there shows before the flag goes.
  const draft: ContentProblem[] =
    isDraft(page) && !allowDrafts
      ? [
          {
            file: page.file,
            line: lineOf(page.source, /^draft:/m) ?? 1,
            message: 'is a draft.',
            fix: 'Finish the lesson and remove `draft: true` from its front matter (check locally with --allow-drafts meanwhile).',
          },
        ]
      : []
  return [...draft, ...frontmatterProblems(page)]
}

function frontmatterProblems(page: SitePage): ContentProblem[] {
  const block = readFrontmatter(page.source)
  if (block.error) {
    return [
      {
        file: page.file,
        line: 2,
        message: `front matter is not valid YAML: ${block.error}`,
        fix: 'Quote values that contain a colon.',
      },
    ]
  }
  if (block.data === undefined) {
    return [
      {
        file: page.file,
        line: 1,
        message: 'has no front matter.',
        fix: 'Start the file with ---, a `title:` and a `description:` line, and ---.',
      },
    ]
  }
  const parsed = pageFrontmatterSchema.safeParse(block.data)
  if (parsed.success) return []
  const shape = pageFrontmatterSchema.shape as Record<string, { description?: string }>
  const allowed = Object.keys(shape)
  const data = block.data as Record<string, unknown>
  const unknownKeys = parsed.error.issues.flatMap((issue) => (issue.code === 'unrecognized_keys' ? issue.keys : []))
  return parsed.error.issues.flatMap((issue): ContentProblem[] => {
    const field = String(issue.path[0] ?? '')
    if (field && data[field] === undefined) {
      // `descripton:` is reported once, as the unknown key with its "did you mean", not also as a missing field.
      if (unknownKeys.some((key) => closest(key, allowed) === field)) return []
      return [
        {
          file: page.file,
          line: block.lineCount,
          message: `front matter has no \`${field}\`.`,
          fix: `Add \`${field}: …\` above this line: ${shape[field]?.description ?? ''}`.trim(),
        },
      ]
    }
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        file: page.file,
        line: lineOf(page.source, new RegExp(`^${key.replace(/[^\w-]/g, '\\$&')}\\s*:`, 'm')) ?? 2,
        message: `front matter has an unknown key \`${key}\`.`,
        fix: `${didYouMean(key, allowed, (value) => `\`${value}\``).trim()} Allowed keys: ${allowed.join(', ')}.`.trim(),
      }))
    }
    return [
      {
        file: page.file,
        line: field ? (lineOf(page.source, new RegExp(`^${field}:`, 'm')) ?? 1) : 1,
        message: `front matter ${field ? `\`${field}\`` : ''}: ${issue.message}`,
        fix: shape[field]?.description ?? `Allowed keys: ${allowed.join(', ')}.`,
      },
    ]
  })
}

const EXTERNAL = /^[a-z][a-z0-9+.-]*:/i

/** Internal links and anchors resolve; external links are well-formed https URLs (not fetched). */
export function checkLinks(site: Site, page: SitePage): ContentProblem[] {
  const problems: ContentProblem[] = []
  for (const { line, href } of findLinks(page.source)) {
    if (href.startsWith('mailto:')) continue
    if (EXTERNAL.test(href)) {
      let url: URL | undefined
      try {
        url = new URL(href)
      } catch {
        // reported below
      }
      if (!url || url.protocol !== 'https:' || !url.hostname.includes('.')) {
        problems.push({
          file: page.file,
          line,
          message: `external link ${href} is not a well-formed https URL.`,
          fix: 'Link to the https address of the source.',
        })
      }
      continue
    }
    if (href.startsWith('#')) {
      const anchor = href.slice(1)
      if (!headingAnchors(page.source).includes(anchor)) {
        problems.push({
          file: page.file,
          line,
          message: `anchor ${href} matches no heading on this page.`,
          fix: `${didYouMean(anchor, headingAnchors(page.source), (a) => `#${a}`).trim()} Anchors: ${headingAnchors(
            page.source,
          )
            .map((a) => `#${a}`)
            .join(', ')}.`.trim(),
        })
      }
      continue
    }
    if (!href.startsWith('/')) {
      problems.push({
        file: page.file,
        line,
        message: `relative link ${href} resolves differently depending on the page URL.`,
        fix: 'Write internal links from the site root, with a trailing slash, e.g. /where-they-hurt/.',
      })
      continue
    }
    const path = href.split('#')[0].split('?')[0]
    if (/\.[a-z0-9]+$/i.test(path)) {
      if (!existsSync(join(site.root, 'public', path))) {
        problems.push({
          file: page.file,
          line,
          message: `${path} is not in public/.`,
          fix: `Add public${path} or fix the path.`,
        })
      }
      continue
    }
    for (const problem of internalLinkProblems(site, href)) problems.push({ file: page.file, line, ...problem })
  }
  return problems
}

/**
 * What is wrong with a site-root link such as `/where-they-hurt/#real-time-updates`: no page serves
 * it, it lacks the trailing slash, or the page has no such heading. Shared by the content checks
 * and the decision tree's tests.
 */
export function internalLinkProblems(site: Site, href: string): Array<Omit<ContentProblem, 'file' | 'line'>> {
  const [pathWithQuery, anchor] = href.split('#')
  const path = pathWithQuery.split('?')[0]
  const target = pageForRoute(site, path)
  if (!target) {
    const routes = site.pages.map((candidate) => candidate.route)
    const trimmed = (route: string) => route.replace(/\/$/, '')
    const match = closest(trimmed(path), routes.filter((route) => route !== '/').map(trimmed))
    const suggestion = match ? ` Did you mean ${match}/?` : ''
    return [
      {
        message: `link ${href} points to no page.`,
        fix: suggestion ? suggestion.trim() : `Link to an existing page: ${routes.join(', ')}.`,
      },
    ]
  }
  const problems: Array<Omit<ContentProblem, 'file' | 'line'>> = []
  if (!path.endsWith('/')) {
    problems.push({
      message: `link ${href} lacks the trailing slash the static export serves pages at.`,
      fix: `Write ${path}/${anchor ? `#${anchor}` : ''}.`,
    })
  }
  if (anchor && !headingAnchors(target.source).includes(anchor)) {
    problems.push({
      message: `${target.file} has no heading with anchor #${anchor}.`,
      fix: [
        didYouMean(anchor, headingAnchors(target.source), (a) => `#${a}`).trim(),
        `Use one of: ${
          headingAnchors(target.source)
            .map((a) => `#${a}`)
            .join(', ') || '(no headings)'
        }.`,
      ]
        .filter(Boolean)
        .join(' '),
    })
  }
  return problems
}

export interface ExampleSummary {
  id: string
  hasExercise: boolean
  hasSolution: boolean
  /** The meta did not load: its own problems are reported, and nothing that depends on it is. */
  loadFailed?: boolean
  /** Line of `exercise:` in meta.ts (1 when there is none). */
  exerciseLine?: number
}

/** Every `<Lab example>` names an existing example, and every example is used by some page. */
export function checkLabs(site: Site, examples: ExampleSummary[]): ContentProblem[] {
  const problems: ContentProblem[] = []
  const ids = examples.map((example) => example.id)
  const used = new Set<string>()
  for (const page of site.pages) {
    for (const lab of findLabs(page.source)) {
      if (!lab.example) {
        problems.push({
          file: page.file,
          line: lab.line,
          message: '<Lab> has no example="…".',
          fix: 'Name an example folder under examples/.',
        })
      } else if (!ids.includes(lab.example)) {
        const suggestion = didYouMean(lab.example, ids, (id) => `<Lab example="${id}" />`)
        // The example it probably meant is not reported again as embedded nowhere: fixing the id fixes both.
        const meant = closest(lab.example, ids)
        if (meant) used.add(meant)
        problems.push({
          file: page.file,
          line: lab.line,
          message: `<Lab example="${lab.example}"> names no example: there is no examples/${lab.example}/meta.ts.`,
          fix: suggestion ? suggestion.trim() : `Use one of: ${ids.join(', ')}.`,
        })
      } else {
        used.add(lab.example)
      }
    }
  }
  for (const id of ids) {
    if (!used.has(id)) {
      problems.push({
        file: `examples/${id}/meta.ts`,
        line: 1,
        message: `example "${id}" is not embedded in any page.`,
        fix: `Add <Lab example="${id}" /> to the lesson it belongs to, or delete examples/${id}/.`,
      })
    }
  }
  return problems
}

/** Exercises need checks (the schema enforces at least one) and a solution a reader can load. */
export function checkExercises(examples: ExampleSummary[]): ContentProblem[] {
  return examples
    .filter((example) => example.hasExercise && !example.hasSolution)
    .map((example) => ({
      file: `examples/${example.id}/meta.ts`,
      line: example.exerciseLine ?? 1,
      message: `example "${example.id}" has an exercise but no solution/ folder.`,
      fix: `Add examples/${example.id}/solution/ with the files the solution changes.`,
    }))
}

/** A lesson has the parts every lesson promises its reader. */
export function checkLessonShape(page: SitePage, examples: ExampleSummary[]): ContentProblem[] {
  if (!page.lessonSection) return []
  const problems: ContentProblem[] = []
  const { lineCount } = readFrontmatter(page.source)
  const lastLine = page.source.replace(/\n$/, '').split('\n').length
  const titleLine = lineOf(page.source, /^# /m) ?? lineCount + 1
  const words = proseWordCount(page.source, lineCount)
  if ((words < LESSON_WORDS.min || words > LESSON_WORDS.max) && !isDraft(page)) {
    const short = words < LESSON_WORDS.min
    problems.push({
      file: page.file,
      line: titleLine,
      message: `has ${words.toLocaleString('en-GB')} words of prose; a lesson has ${wordRange}.`,
      fix: short
        ? 'Explain the idea in your own words before and after the lab.'
        : 'Cut what the reader does not need for the one point of the lesson, or split it into two lessons.',
    })
  }
  const anchors = headingAnchors(page.source)
  const lineOfHeading = (heading: string) => lineOf(page.source, new RegExp(`^${heading}\\s*$`, 'm'))
  // Where a missing section belongs: before the section that follows it, else at the end.
  const sections = [
    ['exercise', '## Exercise', ['## Key takeaways', '## Further reading']],
    ['key-takeaways', '## Key takeaways', ['## Further reading']],
    ['further-reading', '## Further reading', []],
  ] as const
  for (const [anchor, heading, followers] of sections) {
    if (!anchors.includes(anchor)) {
      const before = followers.map(lineOfHeading).find((line) => line !== undefined)
      problems.push({
        file: page.file,
        line: before ?? lastLine,
        message: `has no "${heading}" section.`,
        fix: `Add a ${heading} heading ${before ? 'above this line' : 'at the end'} (see the Contribute page).`,
      })
    }
  }
  const labs = findLabs(page.source)
  if (labs.length === 0) {
    problems.push({
      file: page.file,
      line: titleLine,
      message: 'embeds no lab.',
      fix: 'Add <Lab example="…" /> for the example that shows the point.',
    })
  }
  const exerciseLine = lineOf(page.source, /^## Exercise/m)
  const exerciseLab = labs.find((lab) => exerciseLine !== undefined && lab.line > exerciseLine)
  const exercise = examples.find((example) => example.id === exerciseLab?.example)
  // An unknown id or a meta that does not load is reported on its own; saying the section has no exercise would be false.
  const reportedElsewhere = exerciseLab?.example && (!exercise || exercise.loadFailed)
  if (exerciseLine !== undefined && !exercise?.hasExercise && !reportedElsewhere) {
    problems.push({
      file: page.file,
      line: exerciseLab?.line ?? exerciseLine,
      message: exerciseLab
        ? `the Exercise section embeds "${exerciseLab.example}", which has no \`exercise\` (checks and a solution).`
        : 'the Exercise section embeds no lab.',
      fix: 'Embed an example whose meta.ts has `exercise: { goal, checks, hints }` and a solution/ folder.',
    })
  }
  const furtherLine = lineOf(page.source, /^## Further reading/m)
  if (
    furtherLine !== undefined &&
    !/https:\/\//.test(page.source.slice(page.source.split('\n').slice(0, furtherLine).join('\n').length))
  ) {
    problems.push({
      file: page.file,
      line: furtherLine,
      message: 'Further reading has no https link.',
      fix: 'Link the official documentation the lesson relies on.',
    })
  }
  return problems
}
