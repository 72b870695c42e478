// Nextra puts every page's front matter into its page map, which every page loads up front. The theme
// reads `title`, `sidebarTitle`, `display` and `theme` from it (sidebar, breadcrumb, previous/next);
// a page's description is only needed by its own head, which reads the page's own front matter. The
// descriptions were ~1.5 kB gzip of the page map on every page, so they are left out of it.
// A `title` the folder's `_meta.ts` also gives is left out too: the theme takes the `_meta` title
// first (nextra/dist/client/normalize-pages.js: `extendedMeta.title || … frontMatter?.title`), so the
// copy only cost bytes on every page (~0.1 kB gzip for the course's 20 pages, measured 2026-12-07).

/** @param {any} value */
const metaTitle = (value) => (typeof value === 'string' ? value : value?.title)

/** @param {any[]} pageMap */
export function withoutDescriptions(pageMap) {
  const meta = pageMap.find((item) => item.data)?.data ?? {}
  return pageMap.map((item) => {
    const children = item.children ? { children: withoutDescriptions(item.children) } : {}
    if (!item.frontMatter) return { ...item, ...children }
    const { description: _description, ...frontMatter } = item.frontMatter
    if (metaTitle(meta[item.name]) && !frontMatter.sidebarTitle) delete frontMatter.title
    const { frontMatter: _frontMatter, ...rest } = item
    return { ...rest, ...children, ...(Object.keys(frontMatter).length ? { frontMatter } : {}) }
  })
}
