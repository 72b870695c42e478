/**
 * What runs for the reader on every page once it is interactive, loaded in its own chunks when the
 * browser is idle so that no page's first-load JS carries it: progress tracking (which pages were opened
 * and read to the end, the sidebar marks) and offline use (the service worker). Either failing to load
 * leaves the page as it is.
 */
export function startReaderServices() {
  const start = () => {
    import('@/components/Progress/tracker').then((module) => module.startProgressTracking()).catch(() => {})
    import('@/lib/offline/register').then((module) => module.startOffline()).catch(() => {})
  }
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(start, { timeout: 2000 })
  else setTimeout(start, 500)
}
