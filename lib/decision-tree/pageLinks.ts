/**
 * Resolves a site path such as `/where-they-hurt/#real-time-updates` against the files in `pages/`.
 * Node-only (reads the file system): for tests, never import it from a component.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { headingAnchors } from '@/lib/content/heading-anchors'

const PAGE_EXTENSIONS = ['.mdx', '.md', '.tsx', '.ts', '.jsx', '.js']

/** The page file behind a site path, or undefined when no page serves it. */
export function findPageFile(pagesDir: string, sitePath: string): string | undefined {
  const route = sitePath.replace(/^\/|\/$/g, '')
  const candidates = route === '' ? ['index'] : [route, `${route}/index`]
  for (const candidate of candidates) {
    for (const extension of PAGE_EXTENSIONS) {
      const file = path.join(pagesDir, candidate + extension)
      if (existsSync(file)) return file
    }
  }
  return undefined
}

/** Why a link would be broken, or undefined when it resolves. */
export function brokenLinkProblem(pagesDir: string, href: string): string | undefined {
  const [sitePath, anchor] = href.split('#')
  const file = findPageFile(pagesDir, sitePath)
  if (!file) return `no page in pages/ serves ${sitePath}`
  if (anchor === undefined) return undefined
  if (!/\.mdx?$/.test(file)) return `cannot check #${anchor}: ${path.basename(file)} is not an MDX page`
  const anchors = headingAnchors(readFileSync(file, 'utf8'))
  if (!anchors.includes(anchor)) {
    return `${path.relative(pagesDir, file)} has no heading with anchor #${anchor} (it has: ${anchors.join(', ') || 'none'})`
  }
  return undefined
}
