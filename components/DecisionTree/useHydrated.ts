import { useSyncExternalStore } from 'react'

const subscribeToNothing = () => () => {}

/**
 * False while React hydrates the exported HTML, true from the first render after it.
 * The router can already be "ready" during hydration (a URL without a query); rendering client-only
 * state then would mismatch the HTML, and React keeps the server's attributes, so the radios would stay disabled.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  )
}
