/**
 * The site as Nextra sees it: page files under `pages/`, the routes they serve, and the `_meta.ts`
 * files that order the sidebar. Node-only (reads the file system).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { pathToFileURL } from 'node:url'

/** Folders whose pages are lessons (the rest are overviews, tools and guides). */
export const LESSON_SECTIONS = ['why-api-routes-work', 'where-they-hurt'] as const

/** Files Next.js or Nextra give a meaning of their own: never listed in a `_meta.ts`. */
const SPECIAL_FILES = /^(_app|_document|_meta|_error)\.(tsx?|jsx?|mdx?)$/
const PAGE_FILE = /\.(mdx|md|tsx|jsx)$/

export interface SitePage {
  /** Repository-relative path, e.g. `pages/where-they-hurt/real-time-updates.mdx`. */
  file: string
  /** The URL path it is served at, with the trailing slash the export uses. */
  route: string
  /** The key that must name it in its folder's `_meta.ts`. */
  key: string
  /** Repository-relative `_meta.ts` that must list it. */
  metaFile: string
  lessonSection?: (typeof LESSON_SECTIONS)[number]
  /**
   * For a sub-lesson (`pages/<section>/<lesson>/<page>.mdx`): the route of the lesson it continues. A
   * sub-lesson has a lesson's shape and is recapped in the wrap-up, but it is linked from its lesson,
   * not the overview, and does not count as one of the section's lessons ("five weaknesses").
   */
  parentLesson?: string
  source: string
}

export interface MetaFile {
  file: string
  /** Folder it describes, repository-relative. */
  folder: string
  keys: string[]
  source: string
  loadError?: string
}

export interface Site {
  root: string
  pages: SitePage[]
  metas: MetaFile[]
}

function toPosix(path: string) {
  return path.split(sep).join('/')
}

function routeOf(pagesRelative: string): string {
  const withoutExtension = pagesRelative.replace(PAGE_FILE, '')
  const route = withoutExtension === 'index' ? '' : withoutExtension.replace(/\/index$/, '')
  return route ? `/${route}/` : '/'
}

function walkPages(root: string, folder: string, pages: SitePage[]) {
  for (const name of readdirSync(join(root, folder)).sort()) {
    const path = join(folder, name)
    if (statSync(join(root, path)).isDirectory()) {
      walkPages(root, path, pages)
      continue
    }
    if (!PAGE_FILE.test(name) || SPECIAL_FILES.test(name)) continue
    const file = toPosix(path)
    const pagesRelative = toPosix(relative('pages', path))
    const section = LESSON_SECTIONS.find((candidate) => pagesRelative.startsWith(`${candidate}/`))
    const nested = section && /^[^/]+\/([^/]+)\/[^/]+$/.exec(pagesRelative)
    pages.push({
      file,
      route: routeOf(pagesRelative),
      key: name.replace(PAGE_FILE, ''),
      metaFile: `${toPosix(folder)}/_meta.ts`,
      lessonSection: section && !pagesRelative.endsWith('/index.mdx') ? section : undefined,
      ...(nested && !pagesRelative.endsWith('/index.mdx') ? { parentLesson: `/${section}/${nested[1]}/` } : {}),
      source: readFileSync(join(root, path), 'utf8'),
    })
  }
}

async function readMetas(root: string, folder: string, metas: MetaFile[]) {
  const file = `${folder}/_meta.ts`
  if (existsSync(join(root, file))) {
    const source = readFileSync(join(root, file), 'utf8')
    try {
      const module = await import(/* @vite-ignore */ `${pathToFileURL(join(root, file)).href}?t=${Date.now()}`)
      metas.push({ file, folder, keys: Object.keys(module.default ?? {}), source })
    } catch (error) {
      metas.push({ file, folder, keys: [], source, loadError: (error as Error).message })
    }
  }
  for (const name of readdirSync(join(root, folder)).sort()) {
    if (statSync(join(root, folder, name)).isDirectory()) await readMetas(root, `${folder}/${name}`, metas)
  }
}

export async function readSite(root: string): Promise<Site> {
  const pages: SitePage[] = []
  walkPages(root, 'pages', pages)
  const metas: MetaFile[] = []
  await readMetas(root, 'pages', metas)
  return { root, pages, metas }
}

/** The page that serves a URL path (with or without its trailing slash), if any. */
export function pageForRoute(site: Site, path: string): SitePage | undefined {
  const route = path === '/' || path === '' ? '/' : `/${path.replace(/^\/|\/$/g, '')}/`
  return site.pages.find((page) => page.route === route)
}
