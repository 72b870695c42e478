import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { brokenLinkProblem } from './pageLinks'

const PAGES_DIR = path.resolve(__dirname, '../../pages')

/** Site-internal Markdown links, `[text](/path/#anchor)`, with any query string left off. */
function internalLinksIn(mdx: string): string[] {
  return [...mdx.matchAll(/\]\((\/[^)\s]*)\)/g)].map((match) => match[1].replace(/\?[^#]*/, ''))
}

describe.each(['decide.mdx', 'wrap-up.mdx'])('pages/%s', (file) => {
  const mdx = readFileSync(path.join(PAGES_DIR, file), 'utf8')

  it('links only to pages and headings that exist', () => {
    const links = internalLinksIn(mdx)
    expect(links.length).toBeGreaterThan(0)
    const problems = links.map(
      (href) => brokenLinkProblem(PAGES_DIR, href) && `${href}: ${brokenLinkProblem(PAGES_DIR, href)}`,
    )
    expect(problems.filter(Boolean)).toEqual([])
  })

  it('has a title and a description in its frontmatter', () => {
    expect(mdx).toMatch(/^---\ntitle: .+\ndescription: .+\n---/)
  })
})
