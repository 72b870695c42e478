/**
 * `/llms.txt` and `/llms-full.txt` (https://llmstxt.org): the course index for language models and the
 * whole course in one file. The index has the convention's shape: an H1 title, a blockquote summary, a
 * paragraph, then H2 sections of `- [title](url): description` links, with contributor pages under
 * "Optional" (which a reader of the file may skip).
 */
import { markdownFileOf, type CoursePage } from './course'

export interface LlmsSite {
  title: string
  description: string
}

interface Section {
  title: string
  pages: CoursePage[]
}

/**
 * The sidebar's sections in reading order. A folder is a section under its own title; consecutive
 * top-level pages outside any folder form one section named after the first of them.
 */
export function sectionsOf(pages: CoursePage[]): Section[] {
  const sections: Section[] = []
  for (const page of pages.filter((candidate) => !candidate.optional)) {
    const last = sections.at(-1)
    const key = page.section
    const lastKey = last?.pages[0].section
    if (last && key === lastKey) last.pages.push(page)
    else sections.push({ title: key ?? page.title, pages: [page] })
  }
  const optional = pages.filter((page) => page.optional)
  if (optional.length > 0) sections.push({ title: 'Optional', pages: optional })
  return sections
}

const linkLine = (page: CoursePage) =>
  `- [${page.title}](/${markdownFileOf(page.route)})${page.description ? `: ${page.description}` : ''}`

export function llmsTxt(site: LlmsSite, pages: CoursePage[]): string {
  const sections = sectionsOf(pages).map(
    (section) => `## ${section.title}\n\n${section.pages.map(linkLine).join('\n')}`,
  )
  return (
    [
      `# ${site.title}`,
      `> ${site.description}`,
      'Every page below is Markdown generated from the course source at build time. Each lab (an editable, runnable ' +
        'Next.js example in the HTML page) appears in it as its files in fenced code blocks, the requests its presets ' +
        'send, and its exercise. The whole course in reading order is one file: [llms-full.txt](/llms-full.txt). ' +
        'Each page is also served as HTML at the same path without `index.md`.',
      ...sections,
    ].join('\n\n') + '\n'
  )
}

/** Every page's Markdown in reading order (contributor pages last), each introduced by its HTML address. */
export function llmsFullTxt(site: LlmsSite, pages: CoursePage[], markdownOf: (page: CoursePage) => string): string {
  const ordered = [...pages.filter((page) => !page.optional), ...pages.filter((page) => page.optional)]
  const parts = ordered.map(
    (page) => `<!-- Page: ${page.route} (Markdown: /${markdownFileOf(page.route)}) -->\n\n${markdownOf(page).trim()}`,
  )
  return [`# ${site.title}\n\n> ${site.description}`, ...parts].join('\n\n---\n\n') + '\n'
}
