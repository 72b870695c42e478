/**
 * An MDX element whose children exist only in the page's static HTML (lib/mdx/recma-server-only.mjs
 * rewrites static paragraphs, lists, tables and code lines to this, so their content is not in the
 * page's JavaScript).
 *
 * - Server: renders the element with its children, marked `data-so="<id>"`.
 * - Hydration: the same element with an empty `dangerouslySetInnerHTML`; React leaves server-rendered
 *   inner HTML alone when hydrating, so the reader keeps the build's markup.
 * - After a client-side navigation there is no server markup: the element takes its inner HTML from the
 *   target page's static HTML (fetched when the route change starts, one request per page, cached), or
 *   from the markup read off the screen when the page was first hydrated.
 *
 * `data-so-idle="<id>"` instead of `data-so` marks static markup that a component replaces once it
 * becomes interactive (the idle lab, components/Lab/LabIdle.tsx): it travels the same way, but is not
 * part of the page's lasting static content (`[data-so]`).
 */
import { useRouter } from 'next/router'
import { useEffect, useState, type ElementType } from 'react'

type Fragments = Map<string, string>

const pages = new Map<string, Promise<Fragments>>()
const loaded = new Map<string, Fragments>()
let hydrated = false

/** `/a/b/?x#y` → `/a/b/`: one entry per page. */
export function pageKey(url: string): string {
  return url.split(/[?#]/)[0] || '/'
}

const keyOf = (so: string | null, idle: string | null) => (so === null ? `idle:${idle}` : so)

function collect(root: ParentNode): Fragments {
  const fragments: Fragments = new Map()
  for (const element of root.querySelectorAll('[data-so], [data-so-idle]')) {
    fragments.set(keyOf(element.getAttribute('data-so'), element.getAttribute('data-so-idle')), element.innerHTML)
  }
  return fragments
}

/** Called once by _app after hydration: from then on, mounting means a client-side render. */
export function markHydrated(path: string): void {
  if (hydrated) return
  hydrated = true
  const key = pageKey(path)
  const fragments = collect(document)
  loaded.set(key, fragments)
  pages.set(key, Promise.resolve(fragments))
}

/** The static markup of a page, fetched once (called when a route change starts, and as a fallback). */
export function loadPage(path: string): Promise<Fragments> {
  const key = pageKey(path)
  let page = pages.get(key)
  if (!page) {
    page = fetch(key, { credentials: 'same-origin' })
      .then((response) => {
        if (!response.ok) throw new Error(`${key}: ${response.status}`)
        return response.text()
      })
      .then((html) => {
        const fragments = collect(new DOMParser().parseFromString(html, 'text/html'))
        loaded.set(key, fragments)
        return fragments
      })
      .catch((error: unknown) => {
        pages.delete(key)
        throw error
      })
    pages.set(key, page)
  }
  return page
}

export function ServerOnly({
  as: Tag,
  children,
  ...props
}: {
  as: ElementType
  children?: React.ReactNode
  'data-so'?: string
  'data-so-idle'?: string
  [prop: string]: unknown
}) {
  const { asPath } = useRouter()
  const id = keyOf(props['data-so'] ?? null, props['data-so-idle'] ?? null)
  // Server: `children` is the markup. Hydration: '' keeps it. Client render: whatever is known so far.
  const [html, setHtml] = useState(() => (hydrated ? (loaded.get(pageKey(asPath))?.get(id) ?? null) : ''))

  useEffect(() => {
    if (html !== null) return
    let live = true
    loadPage(asPath)
      .then((fragments) => live && setHtml(fragments.get(id) ?? ''))
      // Offline after a client-side navigation: a full load shows the page as built.
      .catch(() => live && window.location.assign(asPath))
    return () => {
      live = false
    }
  }, [html, asPath, id])

  if (typeof window === 'undefined') return <Tag {...props}>{children}</Tag>
  return <Tag {...props} dangerouslySetInnerHTML={{ __html: html ?? '' }} suppressHydrationWarning />
}
