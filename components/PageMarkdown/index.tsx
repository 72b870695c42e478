import { useRouter } from 'next/router'
import { useMounted } from 'nextra/hooks'
import type { ReactNode } from 'react'
import { markdownHref } from './href'
import styles from './PageMarkdown.module.css'

/**
 * "View as Markdown" and "Copy page as Markdown" above each page (theme.config.tsx `main`), pointing at the
 * page's Markdown copy that the build writes beside its HTML (lib/markdown/, scripts/export-markdown.ts).
 * Part of every page's first-load JS, so it is a plain link and a button whose code loads on click
 * (./copyMarkdown.ts). The button appears once the page is interactive: without JavaScript it could not work.
 */
export function PageMarkdown({ children }: { children: ReactNode }) {
  const { pathname } = useRouter()
  const mounted = useMounted()
  const href = markdownHref(pathname)
  if (!href) return children
  return (
    <>
      <div className={styles.bar} data-page-markdown="">
        <a className={styles.action} href={href} type="text/markdown">
          View as Markdown
        </a>
        <button
          type="button"
          className={styles.action}
          hidden={!mounted}
          onClick={(event) => {
            const button = event.currentTarget
            void import('./copyMarkdown').then(({ copyPageMarkdown }) => copyPageMarkdown(button, href))
          }}
        >
          Copy page as Markdown
        </button>
        <span role="status" className={styles.status} />
      </div>
      {children}
    </>
  )
}
