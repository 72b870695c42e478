/**
 * The course as the progress map shows it, from Nextra's page map (the sidebar's own source): each
 * top-level sidebar entry is a part; a folder part lists its overview page and its lessons in order.
 */
import type { Progress } from './schema'

/** The shape of Nextra's `normalizePagesResult.docsDirectories` items that the map reads. */
export interface DocsItemLike {
  route: string
  title: string
  type?: string
  display?: string
  withIndexPage?: boolean
  children?: DocsItemLike[]
}

export interface CoursePage {
  route: string
  title: string
}

export interface CoursePart {
  title: string
  route: string
  pages: CoursePage[]
}

/** Pages that are about the project, not part of the course. */
export const NOT_COURSE_PAGES = new Set(['/contribute', '/404'])

const shown = (item: DocsItemLike) =>
  item.display !== 'hidden' && item.type !== 'separator' && !NOT_COURSE_PAGES.has(item.route)

export function courseParts(items: DocsItemLike[]): CoursePart[] {
  return items.filter(shown).map((item) => {
    const children = (item.children ?? []).filter(shown)
    const pages =
      children.length === 0
        ? [{ route: item.route, title: item.title }]
        : [
            ...(item.withIndexPage ? [{ route: item.route, title: item.title }] : []),
            ...children.map((child) => ({ route: child.route, title: child.title })),
          ]
    return { title: item.title, route: item.route, pages }
  })
}

export type PageState = 'read' | 'opened' | 'new'

export function pageState(progress: Progress, route: string): PageState {
  const lesson = progress.lessons[route]
  return lesson?.readAt !== undefined ? 'read' : lesson ? 'opened' : 'new'
}

/**
 * Where to continue: the page opened most recently (the Introduction aside, where the map is), or, if
 * the reader finished it, the next course page they have not read. Null before they have opened any.
 */
export function continueAt(
  parts: CoursePart[],
  progress: Progress,
): { page: CoursePage; lastOpenedAt: number; finished: boolean } | null {
  const pages = parts.flatMap((part) => part.pages)
  let latest: { page: CoursePage; index: number; at: number } | null = null
  pages.forEach((page, index) => {
    const at = progress.lessons[page.route]?.lastOpenedAt
    if (page.route !== '/' && at !== undefined && (!latest || at > latest.at)) latest = { page, index, at }
  })
  if (!latest) return null
  const { page, index, at } = latest as { page: CoursePage; index: number; at: number }
  if (pageState(progress, page.route) !== 'read') return { page, lastOpenedAt: at, finished: false }
  const next = pages.slice(index + 1).find((candidate) => pageState(progress, candidate.route) !== 'read')
  return next ? { page: next, lastOpenedAt: at, finished: false } : { page, lastOpenedAt: at, finished: true }
}
