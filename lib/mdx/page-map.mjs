// Nextra puts every page's front matter into its page map, which every page loads up front. The theme
// reads `title`, `sidebarTitle`, `display` and `theme` from it (sidebar, breadcrumb, previous/next);
// a page's description is only needed by its own head, which reads the page's own front matter. The
// descriptions were ~1.5 kB gzip of the page map on every page, so they are left out of it.

/** @param {any[]} pageMap */
export function withoutDescriptions(pageMap) {
  return pageMap.map((item) => {
    if (item.children) return { ...item, children: withoutDescriptions(item.children) }
    if (item.frontMatter && 'description' in item.frontMatter) {
      const { description: _description, ...frontMatter } = item.frontMatter
      return { ...item, frontMatter }
    }
    return item
  })
}
