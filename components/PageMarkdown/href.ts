/**
 * Where the build publishes a page's Markdown (lib/markdown/course.ts `markdownFileOf`): `/decide` →
 * `/decide/index.md`, `/` → `/index.md`. Takes the router's `pathname`; null for pages that have none.
 */
export function markdownHref(pathname: string): string | null {
  if (pathname === '/404' || pathname === '/_error') return null
  return `${pathname === '/' ? '' : pathname}/index.md`
}
