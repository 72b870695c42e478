/**
 * Prisma ORM 7 in the browser: the lesson's labs run real Prisma code in the lab worker, and only a
 * page with a Prisma lab downloads Prisma's runtime (its chunk and the 3.4 MB query compiler).
 * Requests are read from the page and its worker (Playwright's `request` events include workers').
 */
import type { Page } from '@playwright/test'
import { expect, expectLiveResult, test } from './fixtures'

const FIRST_RUN_MS = 90_000
test.setTimeout(180_000)

/** Every URL the page and its workers request from now on. */
function recordRequests(page: Page): string[] {
  const urls: string[] = []
  page.context().on('request', (request) => urls.push(request.url()))
  return urls
}

const isPrismaDownload = (url: string) => /query-compiler\.postgresql\.[0-9a-f]+\.bin|lab-prisma/.test(url)

test('a PrismaClient per request: 17 × 200 and 33 × 500, with Prisma’s P2037 in the console', async ({ page }) => {
  const requests = recordRequests(page)
  await page.goto('/where-they-hurt/prisma-client-and-pooling/')
  const root = page.locator('[data-lab="prisma-client-per-request"]')
  await root.scrollIntoViewIfNeeded()
  await expect(root.getByLabel('Scenario')).toHaveValue(/Burst of 50/)
  await root.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(root).toHaveAttribute('data-state', 'done', { timeout: FIRST_RUN_MS })
  await expect(root.getByTestId('run-summary')).toContainText('200 ×17')
  await expect(root.getByTestId('run-summary')).toContainText('500 ×33')
  await root.getByRole('tab', { name: /Console/ }).click()
  await expect(root.getByRole('tabpanel', { name: /Console/ })).toContainText('Too many database connections opened')
  await expect(root.getByRole('tabpanel', { name: /Console/ })).toContainText('P2037')
  // The result above may be the build's recording; Prisma really ran in the worker once the live run agrees.
  await expectLiveResult(page, 'prisma-client-per-request')
  expect(requests.filter(isPrismaDownload).length, requests.join('\n')).toBeGreaterThanOrEqual(2)
})

test('one client per instance with max 5: all 50 answer 200, peak 10 of 20', async ({ page }) => {
  await page.goto('/where-they-hurt/prisma-client-and-pooling/')
  const root = page.locator('[data-lab="prisma-module-client"]')
  await root.scrollIntoViewIfNeeded()
  await root.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(root).toHaveAttribute('data-state', 'done', { timeout: FIRST_RUN_MS })
  await expect(root.getByTestId('run-summary')).toContainText('200 ×50')
  await expect(root.getByTestId('run-summary')).toContainText('peak 10/20')
  await expectLiveResult(page, 'prisma-module-client')
})

test('a lesson without a Prisma lab downloads nothing of Prisma’s, even after a run', async ({ page }) => {
  const requests = recordRequests(page)
  await page.goto('/where-they-hurt/cold-starts-and-connection-pooling/')
  const root = page.locator('[data-lab="pooling-pool-per-request"]')
  await root.scrollIntoViewIfNeeded()
  await root.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(root).toHaveAttribute('data-state', 'done', { timeout: FIRST_RUN_MS })
  expect(
    requests.some((url) => url.includes('pglite')),
    'the lab worker started',
  ).toBe(true)
  expect(requests.filter(isPrismaDownload)).toEqual([])
})
