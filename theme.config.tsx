import { useRouter } from 'next/router'
import { useConfig, type DocsThemeConfig } from 'nextra-theme-docs'
import { CourseLogo } from '@/components/CourseLogo'
import { LastUpdated } from '@/components/LastUpdated'
import { PageMarkdown } from '@/components/PageMarkdown'
import { markdownHref } from '@/components/PageMarkdown/href'
import { ScrollableTable } from '@/components/MDX/ScrollableTable'
import { ThemeSwitch } from '@/components/ThemeSwitch'
import { DEFAULT_BRANCH, SITE_TITLE } from '@/lib/site/config.mjs'

// Baked in at build time by next.config.mjs (`env`), so forks only change one variable.
const REPOSITORY_URL = process.env.COURSE_REPOSITORY_URL as string

function useHead() {
  const { title, frontMatter } = useConfig()
  const { asPath, pathname } = useRouter()
  const markdown = markdownHref(pathname)
  const isHome = asPath === '/' || asPath.startsWith('/?') || asPath.startsWith('/#')
  const pageTitle = isHome || !title ? SITE_TITLE : `${title} – ${SITE_TITLE}`
  // Every MDX page must have a description (lib/content/frontmatter.ts), so the fallback serves only Next's own
  // error page; the course's long description would be bytes in every page's first load for nothing.
  const description = (frontMatter.description as string | undefined) ?? SITE_TITLE
  // Tags that are the same on every page are in pages/_document.tsx: server-only, no bytes in the page's JS.
  return (
    <>
      <title>{pageTitle}</title>
      <meta name="description" content={description} />
      <meta property="og:title" content={pageTitle} />
      <meta property="og:description" content={description} />
      <meta name="twitter:title" content={pageTitle} />
      <meta name="twitter:description" content={description} />
      {markdown && <link rel="alternate" type="text/markdown" href={markdown} title="This page as Markdown" />}
    </>
  )
}

const config: DocsThemeConfig = {
  logo: <CourseLogo />,
  project: { link: REPOSITORY_URL },
  docsRepositoryBase: `${REPOSITORY_URL}/edit/${DEFAULT_BRANCH}`,
  editLink: { content: 'Edit this page on GitHub →' },
  feedback: { content: 'Question or correction? Open an issue →', labels: 'feedback' },
  head: useHead,
  gitTimestamp: LastUpdated,
  // "View as Markdown" and "Copy page as Markdown" above every page (components/PageMarkdown/).
  main: PageMarkdown,
  darkMode: true,
  // A native select instead of Nextra's Headless UI listbox (why: components/ThemeSwitch/index.tsx).
  themeSwitch: { component: ThemeSwitch },
  // Nextra turns on next-themes' `disableTransitionOnChange`, which adds and removes a `*` style rule each
  // time the theme is applied, twice while the page hydrates: each time Chromium restyles the whole lesson,
  // which Lighthouse counts as blocking time. Nextra spreads this object over its own ThemeProvider props,
  // so the option reaches next-themes although Nextra's type does not list it (tests/e2e/site.spec.ts).
  // Nextra's defaults are left out here (its `defaultTheme` 'system', the sidebar's toggle button, 'Scroll to top'):
  // each repeated key is bytes in every page's first load. Nextra merges each object over its defaults.
  nextThemes: { disableTransitionOnChange: false } as DocsThemeConfig['nextThemes'],
  // Darker than Nextra's default primary in light mode so links pass WCAG AA contrast on the page background.
  color: { hue: { light: 212, dark: 204 }, saturation: 100, lightness: { light: 38, dark: 62 } },
  search: { placeholder: 'Search the course…' },
  sidebar: { defaultMenuCollapseLevel: 1 },
  components: { table: ScrollableTable },
  footer: {
    content: (
      <span>
        {SITE_TITLE}: course text and code under the{' '}
        <a href={`${REPOSITORY_URL}/blob/${DEFAULT_BRANCH}/LICENSE`} style={{ textDecoration: 'underline' }}>
          MIT licence
        </a>
        . Written in the open; contributions welcome.
      </span>
    ),
  },
}

export default config
