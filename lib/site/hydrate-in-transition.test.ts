/**
 * The react-dom patch in hydrate-in-transition.ts works only while two things hold; each test fails
 * when a Next or React upgrade breaks one of them, so the patch never silently becomes a no-op
 * (tests/e2e/site.spec.ts measures the slices themselves in a browser).
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { hydrateInTransition } from './hydrate-in-transition'

const require = createRequire(import.meta.url)

describe('hydrate-in-transition', () => {
  it("Next's pages router looks hydrateRoot up on react-dom/client's module object when it hydrates", () => {
    const entry = readFileSync(require.resolve('next/dist/client/index.js'), 'utf8')
    const binding = /const (\w+) = [^\n]*require\("react-dom\/client"\)\);/.exec(entry)
    expect(binding, 'next/dist/client/index.js no longer requires react-dom/client as a module object').not.toBeNull()
    expect(entry).toContain(`${binding![1]}.default.hydrateRoot(`)
  })

  it("wraps react-dom/client's hydrateRoot so React hydrates inside a transition", () => {
    const client = require('react-dom/client') as { hydrateRoot: (...args: unknown[]) => unknown }
    const internals = (require('react') as Record<string, { T: unknown }>)
      .__CLIENT_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE
    const original = client.hydrateRoot
    const seen: unknown[] = []
    client.hydrateRoot = (...args: unknown[]) => {
      // React's startTransition sets the current transition while its callback runs.
      seen.push(internals.T)
      return { args }
    }
    try {
      hydrateInTransition()
      hydrateInTransition()
      const root = client.hydrateRoot('container', 'children', { options: true })
      expect(root).toEqual({ args: ['container', 'children', { options: true }] })
      expect(seen).toHaveLength(1)
      expect(seen[0]).not.toBeNull()
      expect(internals.T).toBeNull()
    } finally {
      client.hydrateRoot = original
    }
  })
})
