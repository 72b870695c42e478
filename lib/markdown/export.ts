/**
 * Writes the Markdown side of the static export into `out/`: each sidebar page as `<route>/index.md` plus
 * the `<route>.md` alias, `llms.txt` and `llms-full.txt`. Everything comes from the MDX sources and the
 * example folders through the same loaders the build uses (lib/examples/load.ts, lib/decision-tree/tree.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { decisionTree } from '@/lib/decision-tree/tree'
import { loadExample } from '@/lib/examples/load'
import { repositoryUrl, SITE_DESCRIPTION, SITE_TITLE } from '@/lib/site/config.mjs'
import { markdownAliasOf, markdownFileOf, readCourse, type CoursePage } from './course'
import { decisionTreeMarkdown } from './decision-tree'
import { labMarkdown } from './lab'
import { llmsFullTxt, llmsTxt } from './llms'
import { labIdsOf, mdxToMarkdown } from './mdx-to-markdown'

export interface MarkdownExport {
  pages: Array<{ page: CoursePage; markdown: string }>
  /** Every file, path relative to the output folder → content. */
  files: Record<string, string>
}

export async function renderMarkdownExport(root: string): Promise<MarkdownExport> {
  const course = await readCourse(root)
  const ids = [...new Set(course.flatMap((page) => labIdsOf(page)))]
  const labs: Record<string, string> = {}
  for (const id of ids) labs[id] = labMarkdown(await loadExample(id, { examplesDir: join(root, 'examples') }))
  const options = {
    labs,
    decisionTree: decisionTreeMarkdown(decisionTree),
    // What next.config.mjs bakes into the pages (`env`).
    env: { COURSE_REPOSITORY_URL: repositoryUrl() },
  }
  const pages = course.map((page) => ({ page, markdown: mdxToMarkdown(page, options) }))
  const byRoute = new Map(pages.map(({ page, markdown }) => [page.route, markdown]))

  const site = { title: SITE_TITLE, description: SITE_DESCRIPTION }
  const files: Record<string, string> = {}
  for (const { page, markdown } of pages) {
    files[markdownFileOf(page.route)] = markdown
    const alias = markdownAliasOf(page.route)
    if (alias) files[alias] = markdown
  }
  files['llms.txt'] = llmsTxt(site, course)
  files['llms-full.txt'] = llmsFullTxt(site, course, (page) => byRoute.get(page.route)!)
  return { pages, files }
}

export function writeMarkdownExport(outDir: string, files: Record<string, string>) {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(outDir, path)), { recursive: true })
    writeFileSync(join(outDir, path), content)
  }
}
