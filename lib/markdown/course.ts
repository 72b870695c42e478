/**
 * The course in reading order, as the sidebar shows it: the `_meta.ts` files give the order and the
 * section names, each page's front matter its title and description. Node-only.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { readFrontmatter } from '@/lib/content/frontmatter'

/** Pages for contributors rather than readers: listed under llms.txt's "Optional" section, last in llms-full.txt. */
const OPTIONAL_ROUTES = ['/contribute/']

export interface CoursePage {
  /** Repository-relative MDX file. */
  file: string
  /** The page's URL path, with the export's trailing slash. */
  route: string
  title: string
  description: string
  /** The sidebar folder it belongs to (its title), or undefined for a top-level page outside any folder. */
  section?: string
  optional: boolean
  source: string
}

type MetaValue = string | { title?: string; display?: string; type?: string; href?: string }

async function readMeta(root: string, folder: string): Promise<Record<string, MetaValue>> {
  const file = join(root, folder, '_meta.ts')
  if (!existsSync(file)) return {}
  const module = await import(/* @vite-ignore */ pathToFileURL(file).href)
  return (module.default ?? {}) as Record<string, MetaValue>
}

function metaTitle(value: MetaValue): string | undefined {
  return typeof value === 'string' ? value : value.title
}

function readPage(root: string, folder: string, key: string, section: string | undefined): CoursePage | undefined {
  const file = `${folder}/${key}.mdx`
  if (!existsSync(join(root, file))) return undefined
  const source = readFileSync(join(root, file), 'utf8')
  const data = (readFrontmatter(source).data ?? {}) as { title?: string; description?: string }
  const path = `${folder}/${key}`.replace(/^pages\/?/, '')
  const route = path === 'index' ? '/' : `/${path.replace(/\/index$/, '')}/`
  const title = data.title ?? key
  return {
    file,
    route,
    title,
    description: data.description ?? '',
    section,
    optional: OPTIONAL_ROUTES.includes(route),
    source,
  }
}

async function walk(root: string, folder: string, section: string | undefined, out: CoursePage[]) {
  for (const [key, value] of Object.entries(await readMeta(root, folder))) {
    if (typeof value === 'object' && (value.display === 'hidden' || value.type === 'separator' || value.href)) continue
    const title = metaTitle(value)
    const isFolder = existsSync(join(root, folder, key, '_meta.ts'))
    // A top-level folder is a section under its own title; a lesson's folder (its sub-lessons) stays in its section.
    const page = readPage(root, folder, key, isFolder && !section ? title : section)
    if (page) out.push(page)
    if (isFolder) await walk(root, `${folder}/${key}`, section ?? title ?? key, out)
  }
  return out
}

/** Every page in the sidebar, in reading order (hidden pages such as 404 left out). */
export async function readCourse(root: string): Promise<CoursePage[]> {
  return walk(root, 'pages', undefined, [])
}

/** Where a route's Markdown is published: `/decide/` → `decide/index.md`, `/` → `index.md`. */
export function markdownFileOf(route: string): string {
  return `${route.replace(/^\//, '')}index.md`
}

/** The short alias a static host serves without rewrites: `/decide/` → `decide.md` (none for `/`). */
export function markdownAliasOf(route: string): string | undefined {
  return route === '/' ? undefined : `${route.replace(/^\/|\/$/g, '')}.md`
}
