import { Head, Html, Main, NextScript } from 'next/document'
import { SITE_TITLE } from '@/lib/site/config.mjs'

// The page language (screen readers and axe need it), and the head tags that are the same on every page:
// the document renders on the server only, so they cost the page's JavaScript nothing. Per-page title and
// description are in theme.config.tsx (`head`).
export default function Document() {
  return (
    <Html lang="en">
      <Head>
        <meta property="og:type" content="website" />
        <meta property="og:site_name" content={SITE_TITLE} />
        <meta property="og:image" content="/og.png" />
        <meta property="og:image:width" content="1200" />
        <meta property="og:image:height" content="630" />
        <meta name="twitter:card" content="summary_large_image" />
        <meta name="twitter:image" content="/og.png" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="apple-touch-icon" href="/apple-touch-icon.png" />
      </Head>
      <body>
        {/* The first Tab stop of every page: past the navbar and the sidebar to the page's own content,
            which Nextra marks with #reach-skip-nav (its SkipNavContent, just before the article). Plain
            HTML outside the React root, styled in styles/site.css: it costs no JavaScript. */}
        <a className="course-skip-link" href="#reach-skip-nav">
          Skip to content
        </a>
        <Main />
        <NextScript />
      </body>
    </Html>
  )
}
