/**
 * Hydrate the page as a transition, so the browser gets the main thread back every few milliseconds
 * while React hydrates.
 *
 * Next's pages router calls `hydrateRoot` outside any transition. React then hydrates at its default
 * priority, which it never time-slices: a lesson page, with Nextra's sidebar, table of contents and
 * the lesson, hydrated in one task of 300+ ms on a throttled phone (Lighthouse's Total Blocking Time).
 * Called inside `startTransition`, the same hydration gets React's transition hydration priority,
 * which it renders in ~5 ms slices. React Router's default client entry does exactly this
 * (`startTransition(() => hydrateRoot(…))`). A click on the page before hydration ends makes React
 * finish hydrating synchronously and then replays the click, so nothing a reader does is lost.
 *
 * Next has no option for it, so this wraps react-dom/client's `hydrateRoot` before Next calls it:
 * Next evaluates `_app` (which imports this module) before it hydrates, and looks the function up on
 * the shared module object at call time (next/dist/client/index.js: `_client.default.hydrateRoot`).
 * tests/e2e/site.spec.ts checks that hydration really runs in slices; hydrate-in-transition.test.ts
 * fails when a Next or React upgrade breaks either assumption (the lookup, the transition).
 */
import { startTransition } from 'react'
import type * as ReactDOMClient from 'react-dom/client'

type Client = typeof ReactDOMClient & { hydrateRoot: Hydrate & { inTransition?: true } }
type Hydrate = typeof ReactDOMClient.hydrateRoot

// The module object itself (an `import` would give a namespace copy), so that Next sees the wrapped function.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const client = require('react-dom/client') as Client

export function hydrateInTransition(): void {
  const hydrate = client.hydrateRoot
  if (hydrate.inTransition) return
  const wrapped: Hydrate & { inTransition?: true } = (container, children, options) => {
    let root: ReturnType<Hydrate> | undefined
    startTransition(() => {
      root = hydrate(container, children, options)
    })
    return root!
  }
  // Marked on the function, not in a module variable: Fast Refresh can evaluate this module again,
  // while react-dom/client's export (already wrapped) stays.
  wrapped.inTransition = true
  client.hydrateRoot = wrapped
}
