import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { loadExample } from '@/lib/examples/load'
import { listExampleIds } from '@/lib/examples/read-files.mjs'
import {
  checkExercises,
  checkFrontmatter,
  checkLabs,
  checkLessonShape,
  checkLinks,
  checkNavigation,
  type ExampleSummary,
} from './checks'
import { readFrontmatter } from './frontmatter'
import { proseWordCount } from './mdx-scan'
import type { ContentProblem } from './problem'
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
    try {
      const example = await loadExample(id, { examplesDir })
      summaries.push({ id, hasExercise: !!example.meta.exercise, hasSolution: !!example.solutionFiles })
    } catch (error) {
      problems.push({
        file: `examples/${id}/meta.ts`,
        message: (error as Error).message,
        fix: 'The schema and its field descriptions are in lib/examples/schema.ts.',
      })
      summaries.push({ id, hasExercise: false, hasSolution: existsSync(join(examplesDir, id, 'solution')) })
    }
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
  problems.push(...checkLabs(site, examples), ...checkExercises(examples))
  const lessons = site.pages
    .filter((page) => page.lessonSection)
    .map((page) => ({ file: page.file, words: proseWordCount(page.source, readFrontmatter(page.source).lineCount) }))
  return { problems, pages: site.pages.length, lessons, examples: examples.length }
}
