import type { AppProps } from 'next/app'
import Router from 'next/router'
import { useEffect } from 'react'
import { loadPage, markHydrated } from '@/components/MDX/ServerOnly'
import { hydrateInTransition } from '@/lib/site/hydrate-in-transition'
import { startReaderServices } from '@/lib/site/reader-services'
import '../styles/site.css'

if (typeof window !== 'undefined') hydrateInTransition()

/**
 * Static MDX content is plain HTML after hydration (components/MDX/ServerOnly.tsx), so its links have no
 * next/link handler: route same-site page links through the router to keep client-side navigation.
 */
function onStaticLinkClick(event: MouseEvent) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return
  const link = (event.target as Element | null)?.closest?.('a[href]')
  if (
    !(link instanceof HTMLAnchorElement) ||
    !link.closest('[data-so]') ||
    link.target ||
    link.hasAttribute('download')
  )
    return
  const url = new URL(link.href)
  // Other sites, files (/diagrams/x.svg) and anchors on this page: the browser's own behaviour.
  if (url.origin !== window.location.origin || /\.\w+$/.test(url.pathname)) return
  if (url.pathname === window.location.pathname && url.search === window.location.search) return
  event.preventDefault()
  void Router.push(url.pathname + url.search + url.hash)
}

export default function App({ Component, pageProps }: AppProps) {
  useEffect(() => {
    markHydrated(Router.asPath)
    // Fetch the next page's static markup while its JavaScript loads.
    const prefetch = (url: string) => void loadPage(url).catch(() => {})
    Router.events.on('routeChangeStart', prefetch)
    document.addEventListener('click', onStaticLinkClick)
    // Progress and offline use, in their own chunks once the browser is idle.
    startReaderServices()
    return () => {
      Router.events.off('routeChangeStart', prefetch)
      document.removeEventListener('click', onStaticLinkClick)
    }
  }, [])
  return <Component {...pageProps} />
}
