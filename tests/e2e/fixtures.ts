import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Locator, type Page } from '@playwright/test'

/**
 * Every browser test gets a page that fails the test when the site logs a console error, throws,
 * or makes a request to anything but the local static server: the course promises that no request
 * leaves the site, and a reader would see console errors as breakage.
 */
export interface SiteProblems {
  consoleErrors: string[]
  pageErrors: string[]
  externalRequests: string[]
  /** Call inside a test that provokes an error on purpose (e.g. a 404 fetch) to accept it. */
  allowConsoleError(pattern: RegExp): void
}

const LOCAL_ORIGINS = /^(https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\/|data:|blob:|about:)/

export const test = base.extend<{ problems: SiteProblems }>({
  problems: [
    async ({ page }, use) => {
      const allowed: RegExp[] = []
      const problems: SiteProblems = {
        consoleErrors: [],
        pageErrors: [],
        externalRequests: [],
        allowConsoleError: (pattern) => allowed.push(pattern),
      }
      page.on('console', (message) => {
        if (message.type() !== 'error') return
        const text = message.text()
        if (!allowed.some((pattern) => pattern.test(text))) problems.consoleErrors.push(text)
      })
      page.on('pageerror', (error) => problems.pageErrors.push(String(error)))
      // Abort instead of letting it leave, so a failing test never depends on the network either.
      await page.route(
        (url) => !LOCAL_ORIGINS.test(url.href),
        (route) => {
          problems.externalRequests.push(route.request().url())
          return route.abort('blockedbyclient')
        },
      )
      await use(problems)
      expect(problems.externalRequests, 'requests that left localhost').toEqual([])
      expect(problems.pageErrors, 'uncaught page errors').toEqual([])
      expect(problems.consoleErrors, 'console errors').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }

/** Fails with a readable list when axe finds serious or critical violations. */
export async function expectNoSeriousA11yViolations(page: Page, options: { include?: string } = {}) {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
  if (options.include) builder = builder.include(options.include)
  const { violations } = await builder.analyze()
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }))
  expect(serious, `axe violations on ${page.url()}`).toEqual([])
}

/**
 * Holds every lazily loaded chunk of the page until `release()`: the page hydrates, its labs stay static.
 * Install it before the navigation or reload to `path` (default: the current page), so nothing lazy can
 * load between the page's `load` and the hold. The files the page's HTML names (its first load) pass;
 * every other file under /_next/static/ waits for `release()`. A hold installed after `load` raced: a lab
 * that starts as soon as it is near the viewport, or on its own soon after load (the reader-arrival
 * fallback), could replace its static view before the test pressed a button in it, which a busy machine
 * makes likely.
 */
export async function holdLazyChunksFromTheStart(page: Page, path?: string) {
  const url = new URL(path ?? page.url(), page.url()).href
  const html = await (await page.request.get(url)).text()
  const named = [...html.matchAll(/(?:src|href)="([^"]*\/_next\/static\/[^"]*)"/g)]
  const firstLoad = new Set(named.map(([, file]) => new URL(file, url).href))
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/_next/static/**', async (route) => {
    if (!firstLoad.has(route.request().url())) await released
    await route.continue()
  })
  return release
}

/** The first run on a page starts the worker and its database: seconds on a 2-core machine, more when it is busy. */
export const FIRST_RUN_MS = 60_000

/** The lab `id` on the page (its section, `data-lab`). */
export function labOn(page: Page, id: string): Locator {
  return page.locator(`[data-lab="${id}"]`)
}

/**
 * Scrolls to the lab `id` (after going to `path`, when given) and waits until it is interactive: its
 * files loaded, CodeMirror mounted, nothing running.
 */
export async function openLab(page: Page, id: string, { path }: { path?: string } = {}): Promise<Locator> {
  if (path) await page.goto(path)
  const root = labOn(page, id)
  await root.scrollIntoViewIfNeeded()
  await expect(root.locator('.cm-content').first()).toBeVisible({ timeout: FIRST_RUN_MS })
  await expect(root).toHaveAttribute('data-state', /idle|done|error/)
  return root
}

/** The `detail` (a lab id) of every performance mark `name` the page has made so far. */
export function marks(page: Page, name: string): Promise<unknown[]> {
  return page.evaluate(
    (mark) => performance.getEntriesByName(mark).map((entry) => (entry as PerformanceMark).detail),
    name,
  )
}

/**
 * Waits until lab `id`'s result is the worker's own. A first Run pressed while the page's database is
 * still starting shows the build's recording at once (components/Lab/session/recordedRun.ts); the
 * worker's live run of the same input confirms it later. A Run after the database opened is live.
 */
export async function expectLiveResult(page: Page, id: string) {
  if (!(await marks(page, 'lab-recorded-run')).includes(id)) return
  await expect.poll(() => marks(page, 'lab-recorded-run-confirmed'), { timeout: FIRST_RUN_MS }).toContain(id)
}

/** Presses the lab's Run and waits until the run has ended in the state `expected`. */
export async function run(root: Locator, expected: RegExp | string = /done/) {
  await root.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(root).toHaveAttribute('data-state', expected, { timeout: FIRST_RUN_MS })
}

/** Replaces the active file's text; `insertText` avoids CodeMirror's bracket auto-closing. */
export async function replaceCode(page: Page, root: Locator, code: string) {
  await root.locator('.cm-content').first().click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.insertText(code)
}
