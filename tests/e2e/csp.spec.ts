/**
 * The site works under its Content Security Policy (lib/site/csp.mjs), and the header files that
 * static hosts read (`vercel.json`, `public/_headers`) carry exactly that policy.
 *
 * The browser half serves `out/` with its own static server and adds to every response the headers a
 * host reading those files sends for its path (`headersFor`): the page policy on pages, the worker
 * policy under /_next/static/, where the engine's worker script and PGlite's files live.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Page } from '@playwright/test'
import { join, relative } from 'node:path'
import { expect, test } from './fixtures'
import {
  PAGE_CSP,
  PAGE_HEADERS,
  STATIC_HEADERS,
  WORKER_CSP,
  exportInlineScriptHashes,
  headersFile,
  headersFor,
  vercelJson,
} from '../../lib/site/csp.mjs'
import { startStaticServer } from '../../scripts/serve.mjs'

const OUT = 'out'

function exportedPages(dir = OUT): string[] {
  const pages: string[] = []
  if (!existsSync(dir)) return pages
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry)
    if (statSync(full).isDirectory()) {
      if (entry !== '_next') pages.push(...exportedPages(full))
    } else if (entry === 'index.html') {
      pages.push(`/${relative(OUT, dir)}/`.replace(/\/+/g, '/'))
    }
  }
  return pages.sort()
}

test.describe('header files', () => {
  test('public/_headers and vercel.json carry exactly the policy from lib/site/csp.mjs', () => {
    const hint = 'regenerate them with `node lib/site/csp.mjs --write`'
    expect(readFileSync('public/_headers', 'utf8'), `public/_headers is stale: ${hint}`).toBe(headersFile())
    expect(readFileSync('vercel.json', 'utf8'), `vercel.json is stale: ${hint}`).toBe(vercelJson())
    // And the generated files say what the browser test below serves.
    const vercel = JSON.parse(readFileSync('vercel.json', 'utf8')) as {
      headers: Array<{ source: string; headers: Array<{ key: string; value: string }> }>
    }
    const rule = (source: string) =>
      Object.fromEntries(vercel.headers.find((r) => r.source === source)!.headers.map((h) => [h.key, h.value]))
    expect(rule('/((?!_next/static/).*)')).toEqual(PAGE_HEADERS)
    expect(rule('/_next/static/(.*)')).toEqual(STATIC_HEADERS)
    const headers = readFileSync('public/_headers', 'utf8')
    expect(headers).toContain(`/*\n  Content-Security-Policy: ${PAGE_CSP}\n`)
    expect(headers).toContain(
      `/_next/static/*\n  ! Content-Security-Policy\n  Content-Security-Policy: ${WORKER_CSP}\n`,
    )
    expect(headersFor('/playground/')).toBe(PAGE_HEADERS)
    expect(headersFor('/_next/static/chunks/5427.js')).toBe(STATIC_HEADERS)
  })

  test('every inline script in the export is allowed by a hash in the policy', () => {
    test.skip(!existsSync(OUT), 'no build in out/: run `npm run build` first')
    const missing = [...exportInlineScriptHashes(OUT)]
      .filter(([hash]) => !PAGE_CSP.includes(hash))
      .map(([hash, pages]) => `${hash} (${pages.length} pages, e.g. ${pages[0]})`)
    expect(
      missing,
      'inline scripts the CSP would block: add these hashes to INLINE_SCRIPT_HASHES in lib/site/csp.mjs, then `node lib/site/csp.mjs --write`',
    ).toEqual([])
  })
})

test.describe('the built site under its CSP', () => {
  let server: Server
  let origin: string

  test.beforeAll(async () => {
    server = (await startStaticServer({ root: OUT, port: 0, host: '127.0.0.1' })) as Server
    // Runs before the static server's own handler, so its writeHead() merges these in.
    server.prependListener('request', (request, response) => {
      const path = (request.url ?? '/').split('?')[0]
      for (const [name, value] of Object.entries(headersFor(path))) response.setHeader(name, value)
    })
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })

  test.afterAll(async () => {
    server?.closeAllConnections()
    await new Promise((resolve) => server?.close(resolve))
  })

  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      const seen: string[] = []
      ;(window as unknown as { __cspViolations: string[] }).__cspViolations = seen
      document.addEventListener('securitypolicyviolation', (event) => {
        seen.push(
          `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
        )
      })
    })
  })

  const violations = (page: Page) =>
    page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)

  for (const path of exportedPages()) {
    test(`${path} loads with no CSP violation`, async ({ page }) => {
      const response = await page.goto(origin + path)
      expect(response?.headers()['content-security-policy']).toBe(PAGE_CSP)
      await page.waitForLoadState('networkidle')
      // Scroll through the page so lazily activated parts (labs, diagrams) start too.
      await page.evaluate(async () => {
        for (let y = 0; y < document.body.scrollHeight; y += 600) {
          window.scrollTo(0, y)
          await new Promise((resolve) => setTimeout(resolve, 50))
        }
      })
      await page.waitForLoadState('networkidle')
      expect(await violations(page), `CSP violations on ${path}`).toEqual([])
    })
  }

  test('a lab run on /playground/ completes under the CSP (worker, WebAssembly, database)', async ({ page }) => {
    test.setTimeout(120_000)
    await page.goto(`${origin}/playground/`)
    const root = page.locator('[data-lab="playground"]')
    await root.scrollIntoViewIfNeeded()
    await expect(root.locator('.cm-content').first()).toBeVisible({ timeout: 60_000 })
    await root.getByRole('button', { name: 'Run', exact: true }).click()
    await expect(root).toHaveAttribute('data-state', 'done', { timeout: 60_000 })
    await expect(root.getByTestId('response-status')).toHaveText(/^200\b/)
    await expect(root.getByTestId('run-summary')).toHaveText(/\d+ requests?/)
    expect(await violations(page), 'CSP violations during a lab run').toEqual([])
  })
})
