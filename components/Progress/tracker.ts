/**
 * Records, for every page the reader opens, that it was opened and, once the end of the page has been on
 * screen, that it was read to the end; and marks done pages in the sidebar. Started once per page load by
 * lib/site/reader-services.ts; follows client-side navigations through the router.
 */
import Router from 'next/router'
import { loadProgressStore, routeOf } from '@/lib/progress/client'
import { renderSidebarMarks } from './sidebarMarks'

/** The end of a page: the last block of its article (Nextra's previous/next links, or the last paragraph). */
const END_OF_PAGE = 'article main > :last-child'

export async function startProgressTracking() {
  const store = await loadProgressStore()
  let observer: IntersectionObserver | null = null

  const onPage = () => {
    observer?.disconnect()
    if (Router.pathname === '/404') return
    const route = routeOf(Router.asPath)
    store.recordOpened(route)
    // After the new page's markup is on screen.
    requestAnimationFrame(() => {
      const end = document.querySelector(END_OF_PAGE)
      if (!end) return
      observer = new IntersectionObserver((entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return
        observer?.disconnect()
        // Still the same page (a fast navigation could have replaced it).
        if (routeOf(Router.asPath) === route) store.recordRead(route)
      })
      observer.observe(end)
    })
  }

  const marks = () => renderSidebarMarks(store.getSnapshot().progress)
  store.subscribe(marks)
  marks()
  onPage()
  Router.events.on('routeChangeComplete', onPage)
}
