import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { loadExample, type LoadedExample } from '@/lib/examples/load'
import { listExampleIds } from '@/lib/examples/read-files.mjs'
import {
  checkExercises,
  checkFrontmatter,
  checkLabs,
  checkLessonShape,
  checkLinks,
  checkNavigation,
  type ExampleSummary,
} from './content-checks'
import { exampleLoadProblems } from './example-meta-problems'
import { checkFacts } from './fact-checks'
import { checkExercise } from './exercise-checkable'
import { readFrontmatter } from './frontmatter'
import { proseWordCount } from './mdx-scan'
import { checkSectionOverviews, checkWrapUp } from './overview-checks'
import { lineOf, type ContentProblem } from './problem'
import { readSite } from './site-pages'

export interface ContentReport {
  problems: ContentProblem[]
  pages: number
  lessons: { file: string; words: number }[]
  examples: number
}

async function summariseExamples(root: string, problems: ContentProblem[]): Promise<ExampleSummary[]> {
  const examplesDir = join(root, 'examples')
  const summaries: ExampleSummary[] = []
  for (const id of listExampleIds(examplesDir)) {
    const metaFile = `examples/${id}/meta.ts`
    const metaPath = join(examplesDir, id, 'meta.ts')
    const source = readFileSync(metaPath, 'utf8')
    const exerciseLine = lineOf(source, /^\s*exercise\s*:/m) ?? 1
    let example: LoadedExample
    try {
      example = await loadExample(id, { examplesDir })
    } catch (error) {
      // The module is cached by now (or failed to import): this import only reads back what the loader saw.
      const input = await import(/* @vite-ignore */ pathToFileURL(metaPath).href).then(
        (module: { default?: unknown }) => module.default,
        () => undefined,
      )
      problems.push(...exampleLoadProblems(metaFile, source, input, error))
      summaries.push({
        id,
        hasExercise: /^\s*exercise\s*:/m.test(source),
        hasSolution: existsSync(join(examplesDir, id, 'solution')),
        loadFailed: true,
        exerciseLine,
      })
      continue
    }
    problems.push(...checkExercise(example, source))
    summaries.push({ id, hasExercise: !!example.meta.exercise, hasSolution: !!example.solutionFiles, exerciseLine })
  }
  return summaries
}

export async function runContentChecks(root: string, { allowDrafts = false } = {}): Promise<ContentReport> {
  const site = await readSite(root)
  const problems: ContentProblem[] = []
  const examples = await summariseExamples(root, problems)
  problems.push(...checkNavigation(site))
  for (const page of site.pages) {
    problems.push(
      ...checkFrontmatter(page, { allowDrafts }),
      ...checkLinks(site, page),
      ...checkLessonShape(page, examples),
    )
  }
  problems.push(
    ...checkLabs(site, examples),
    ...checkExercises(examples.filter((example) => !example.loadFailed)),
    ...checkSectionOverviews(site),
    ...checkWrapUp(site),
    ...checkFacts(site),
  )
  const lessons = site.pages
    .filter((page) => page.lessonSection)
    .map((page) => ({ file: page.file, words: proseWordCount(page.source, readFrontmatter(page.source).lineCount) }))
  return { problems: inReadingOrder(problems), pages: site.pages.length, lessons, examples: examples.length }
}

/**
 * Each file's problems together and top to bottom, so a contributor fixes a file in one pass; files keep the order
 * in which the checks first name them (examples, then the sidebar and pages, then the overviews).
 */
function inReadingOrder(problems: ContentProblem[]): ContentProblem[] {
  const files = [...new Set(problems.map((problem) => problem.file))]
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort(
      (a, b) =>
        files.indexOf(a.problem.file) - files.indexOf(b.problem.file) ||
        a.problem.line - b.problem.line ||
        a.index - b.index,
    )
    .map(({ problem }) => problem)
}
