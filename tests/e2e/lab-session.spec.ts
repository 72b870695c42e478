/**
 * The lab's session (components/Lab/session/): what the reader pressed in the static lab reaches it
 * as data, whatever the buttons say; the lab's module is loaded once; a run that a newer one replaces
 * says it was cancelled (not stopped for a timeout); the first run says what it waits for.
 */
import type { Page } from '@playwright/test'
import { expect, holdLazyChunksFromTheStart, test } from './fixtures'

test.setTimeout(120_000)
const FIRST_RUN_MS = 60_000

/** Serves `path` with its static lab's button labels reworded, as a lesson or a translation might. */
async function withRenamedLabels(page: Page, path: string, labels: Record<string, string>) {
  await page.route(`**${path}`, async (route) => {
    const response = await route.fetch()
    let html = await response.text()
    for (const [from, to] of Object.entries(labels)) html = html.replaceAll(`>${from}</button>`, `>${to}</button>`)
    await route.fulfill({ response, body: html })
  })
}

/** The first Run live, not the build's recording of it (components/Lab/session/recordedRun.ts; recorded-run.spec.ts). */
async function withoutRecordedRuns(page: Page) {
  await page.route('**/lab-runs/**', (route) => route.fulfill({ contentType: 'application/json', body: 'null' }))
}

test.beforeEach(async ({ page }) => {
  await page.goto('/playground/')
  await page.evaluate(() => localStorage.clear())
})

test('Run renamed in the static lab still runs once the lab loads: the hand-off goes by action, not by text', async ({
  page,
}) => {
  await withRenamedLabels(page, '/playground/', { Run: 'Send it' })
  const release = await holdLazyChunksFromTheStart(page, '/playground/')
  await page.goto('/playground/')
  const root = page.locator('[data-lab="playground"]')
  await root.getByLabel('Path').fill('/api/todos/2')
  await root.getByRole('button', { name: 'Send it', exact: true }).click()
  await expect(root).toHaveAttribute('data-state', 'loading')
  release()
  await expect(root).toHaveAttribute('data-state', 'done', { timeout: FIRST_RUN_MS })
  await expect(root.getByTestId('response-status')).toHaveText(/^200\b/)
  await expect(root.getByLabel('Path')).toHaveValue('/api/todos/2')
})

test('Check and Show solution renamed in the static lab still act once the exercise loads', async ({ page }) => {
  const path = '/why-api-routes-work/isr-and-caching/'
  await withRenamedLabels(page, path, { 'Show solution': 'Reveal', Check: 'Verify' })
  const release = await holdLazyChunksFromTheStart(page, path)
  await page.goto(path)
  const root = page.locator('[data-lab="caching-revalidate-exercise"]')
  await root.scrollIntoViewIfNeeded()
  await root.getByRole('button', { name: 'Reveal', exact: true }).click()
  release()
  await expect(root.getByText('You are looking at the solution.')).toBeVisible({ timeout: FIRST_RUN_MS })

  const releaseAgain = await holdLazyChunksFromTheStart(page)
  await page.reload()
  const again = page.locator('[data-lab="caching-revalidate-exercise"]')
  await again.scrollIntoViewIfNeeded()
  await again.getByRole('button', { name: 'Verify', exact: true }).focus()
  await page.keyboard.press('Enter')
  releaseAgain()
  await expect(again.getByTestId('check-results')).toBeVisible({ timeout: FIRST_RUN_MS })
  // The focus carries over by the button's action too.
  await expect(again.getByRole('button', { name: 'Check', exact: true })).toBeFocused()
})

test('each lab on a page loads its module once and makes one session of it, whatever the reader does', async ({
  page,
}) => {
  const path = '/where-they-hurt/cold-starts-and-connection-pooling/'
  const moduleRequests = new Map<string, number>()
  // Counted from the moment the page has settled (its reader services load when the browser is idle, within
  // 2 s): what the labs fetch while the reader uses them.
  let counting = false
  page.on('request', (request) => {
    // The page's own script requests (the service worker precaches the same files once more).
    if (!counting || request.resourceType() !== 'script' || request.serviceWorker()) return
    // Next.js prefetches the chunks of linked pages; only what the page loads and runs counts here.
    if (/prefetch/i.test(request.headers()['sec-purpose'] ?? request.headers()['purpose'] ?? '')) return
    if (request.url().includes('/_next/static/chunks/pages/')) return
    moduleRequests.set(request.url(), (moduleRequests.get(request.url()) ?? 0) + 1)
  })
  await page.goto(path)
  await page.waitForLoadState('networkidle')
  await page.waitForTimeout(2500)
  counting = true
  const labs = page.locator('[data-lab]')
  const ids = await labs.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-lab')!))
  expect(ids.length).toBeGreaterThan(1)
  for (const id of ids) {
    const root = page.locator(`[data-lab="${id}"]`)
    await root.scrollIntoViewIfNeeded()
    await expect(root.locator('.cm-content').first()).toBeVisible({ timeout: FIRST_RUN_MS })
    await root.getByRole('button', { name: 'Run', exact: true }).click()
    await expect(root).toHaveAttribute('data-state', /done|error/, { timeout: FIRST_RUN_MS })
    await root.getByRole('button', { name: 'Reset', exact: true }).click()
    if ((await root.getByRole('button', { name: 'Show solution' }).count()) > 0) {
      await root.getByRole('button', { name: 'Show solution' }).click()
      await root.getByRole('button', { name: 'Back to my version' }).click()
    }
  }
  const sessions = await page.evaluate(() =>
    performance.getEntriesByName('lab-session').map((entry) => (entry as PerformanceMark).detail as string),
  )
  expect(sessions.sort()).toEqual([...ids].sort())
  // No script of the page was fetched twice (each lab's module is one chunk).
  expect([...moduleRequests].filter(([, count]) => count > 1)).toEqual([])
})

test('a run that another lab’s run replaces says it was cancelled, not stopped for a timeout', async ({ page }) => {
  const path = '/why-api-routes-work/isr-and-caching/'
  await withoutRecordedRuns(page)
  await page.goto(path)
  const first = page.locator('[data-lab="caching-revalidate"]')
  const second = page.locator('[data-lab="caching-revalidate-exercise"]')
  for (const root of [first, second]) {
    await root.scrollIntoViewIfNeeded()
    await expect(root.locator('.cm-content').first()).toBeVisible({ timeout: FIRST_RUN_MS })
  }
  // Both presses in one task: the first lab's run is still in flight when the second one starts.
  await page.evaluate(() => {
    for (const id of ['caching-revalidate', 'caching-revalidate-exercise']) {
      document.querySelector<HTMLButtonElement>(`[data-lab="${id}"] [data-action="run"]`)!.click()
    }
  })
  await expect(first).toHaveAttribute('data-state', 'cancelled', { timeout: FIRST_RUN_MS })
  await expect(first.getByTestId('run-error')).toHaveAttribute('data-error-kind', 'cancelled')
  await expect(first.getByTestId('run-summary')).toHaveText(/^Run cancelled: /)
  await expect(second).toHaveAttribute('data-state', 'done', { timeout: FIRST_RUN_MS })
  // And it runs again as usual.
  await first.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(first).toHaveAttribute('data-state', 'done', { timeout: FIRST_RUN_MS })
})

test('a first Run that waits for the database says so, with progress, and offers no restart', async ({ page }) => {
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  // Postgres's WebAssembly is held back: the database cannot finish starting until the test says so.
  await page.route('**/*.wasm', async (route) => {
    await released
    await route.continue()
  })
  await withoutRecordedRuns(page)
  await page.goto('/playground/')
  const root = page.locator('[data-lab="playground"]')
  await root.scrollIntoViewIfNeeded()
  await expect(root.locator('.cm-content').first()).toBeVisible({ timeout: FIRST_RUN_MS })
  await root.getByRole('button', { name: 'Run', exact: true }).click()
  const status = root.getByTestId('startup-status')
  await expect(status).toContainText('Starting Postgres in your browser (first run only)…')
  await expect(status).toContainText(/downloading Postgres, step 1 of 2/)
  await expect(status.getByRole('progressbar', { name: 'Starting Postgres' })).toBeVisible()
  await expect(root).not.toContainText('Run again to restart')
  release()
  await expect(root).toHaveAttribute('data-state', 'done', { timeout: FIRST_RUN_MS })
  await expect(status).toHaveCount(0)
})
