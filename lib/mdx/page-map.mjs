// Nextra puts every page's front matter into its page map, which every page loads up front. The theme
// reads `title`, `sidebarTitle`, `display` and `theme` from it (sidebar, breadcrumb, previous/next);
// a page's description is only needed by its own head, which reads the page's own front matter. The
// descriptions were ~1.5 kB gzip of the page map on every page, so they are left out of it.
// A `title` the folder's `_meta.ts` also gives is left out too: the theme takes the `_meta` title
// first (nextra/dist/client/normalize-pages.js: `extendedMeta.title || … frontMatter?.title`), so the
// copy only cost bytes on every page (~0.1 kB gzip for the course's 20 pages, measured 2026-12-07).

import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** @param {any} value */
const metaTitle = (value) => (typeof value === 'string' ? value : value?.title)

/**
 * The keys a folder's `_meta.ts` gives a title. When Nextra calls the transform, a folder's `data` is
 * still the name of the `_meta.ts` import, not its object, so the file is read here: every `_meta.ts`
 * in pages/ is a plain `export default { key: 'Title', … }` (lib/content checks each key exists).
 * @param {string} route
 */
function titledKeysOnDisk(route) {
  let text = ''
  try {
    text = readFileSync(join(process.cwd(), 'pages', route, '_meta.ts'), 'utf8')
  } catch {
    return new Set()
  }
  return new Set(
    [...text.matchAll(/^\s*'?([\w-]+)'?\s*:\s*(?:'[^']+'|"[^"]+"|\{[^}\n]*\btitle\s*:)/gm)].map((m) => m[1]),
  )
}

/**
 * @param {any[]} pageMap
 * @param {string} [_locale]
 * @param {string} [route] the folder these items are in ('/' for pages/)
 */
export function withoutDescriptions(pageMap, _locale = '', route = '/') {
  const data = pageMap.find((item) => item.data)?.data
  /** @type {(name: string) => boolean} */
  const titled =
    typeof data === 'string'
      ? (
          (keys) => (name) =>
            keys.has(name)
        )(titledKeysOnDisk(route))
      : (name) => Boolean(metaTitle((data ?? {})[name]))
  return pageMap.map((item) => {
    const children = item.children ? { children: withoutDescriptions(item.children, _locale, item.route) } : {}
    if (!item.frontMatter) return { ...item, ...children }
    const { description: _description, ...frontMatter } = item.frontMatter
    if (titled(item.name) && !frontMatter.sidebarTitle) delete frontMatter.title
    const { frontMatter: _frontMatter, ...rest } = item
    return { ...rest, ...children, ...(Object.keys(frontMatter).length ? { frontMatter } : {}) }
  })
}
