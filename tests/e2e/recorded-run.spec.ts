/**
 * The build's recorded first run (components/Lab/session/recordedRun.ts, scripts/record-lab-runs.ts):
 * a first Run pressed before the page's database has opened shows it at once, and so does a repeat of
 * it pressed before then; the worker's own run of the same input agrees with it, and anything else
 * (another request, a Run once the database is open) is live.
 */
import type { Page } from '@playwright/test'
import { expect, marks, test } from './fixtures'

test.setTimeout(120_000)
const FIRST_RUN_MS = 60_000

/** Postgres's WebAssembly is held back: the database cannot open until the returned function is called. */
async function holdDatabase(page: Page): Promise<() => void> {
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/*.wasm', async (route) => {
    await released
    await route.continue()
  })
  return release
}

test('a first Run and its repeat before the database opens show the recorded run at once; the engine agrees; a Run after is live', async ({
  page,
}) => {
  const release = await holdDatabase(page)
  await page.goto('/playground/')
  const root = page.locator('[data-lab="playground"]')
  await root.scrollIntoViewIfNeeded()
  await expect(root.locator('.cm-content').first()).toBeVisible({ timeout: FIRST_RUN_MS })
  await root.getByRole('button', { name: 'Run', exact: true }).click()
  // Done while Postgres cannot even have started: the build's recording, not a run.
  await expect(root).toHaveAttribute('data-state', 'done', { timeout: 10_000 })
  await expect(root.getByTestId('startup-status')).toHaveCount(0)
  const summary = await root.getByTestId('run-summary').textContent()
  expect(await marks(page, 'lab-recorded-run')).toEqual(['playground'])
  // Pressed again at once, Postgres still held back: the same input, the same recording, at once.
  await root.getByRole('button', { name: 'Run', exact: true }).click()
  await expect.poll(() => marks(page, 'lab-recorded-run'), { timeout: 10_000 }).toEqual(['playground', 'playground'])
  await expect(root).toHaveAttribute('data-state', 'done')
  await expect(root.getByTestId('run-summary')).toHaveText(summary!)
  await expect(root.getByTestId('startup-status')).toHaveCount(0)
  expect(await marks(page, 'lab-recorded-run-confirmed')).toEqual([])
  // The worker runs the repeat's input once the database opens, and its outcome equals the recording.
  release()
  await expect.poll(() => marks(page, 'lab-recorded-run-confirmed'), { timeout: FIRST_RUN_MS }).toEqual(['playground'])
  await root.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(root).toHaveAttribute('data-state', 'done', { timeout: FIRST_RUN_MS })
  await expect(root.getByTestId('run-summary')).toHaveText(summary!)
  expect(await marks(page, 'lab-recorded-run')).toEqual(['playground', 'playground'])
})

test('a first Run of another request waits for the live engine', async ({ page }) => {
  const release = await holdDatabase(page)
  await page.goto('/playground/')
  const root = page.locator('[data-lab="playground"]')
  await root.scrollIntoViewIfNeeded()
  await expect(root.locator('.cm-content').first()).toBeVisible({ timeout: FIRST_RUN_MS })
  await root.getByRole('textbox', { name: 'Path' }).fill('/api/nowhere')
  await root.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(root.getByTestId('startup-status')).toContainText('Starting Postgres in your browser (first run only)…')
  await expect(root).toHaveAttribute('data-state', 'running')
  release()
  await expect(root).toHaveAttribute('data-state', 'done', { timeout: FIRST_RUN_MS })
  expect(await marks(page, 'lab-recorded-run')).toEqual([])
})

test('a lab that becomes interactive once the database is open does not fetch its recording', async ({ page }) => {
  const requested: string[] = []
  page.on('request', (request) => {
    const match = /\/lab-runs\/([^/]+)\.json\.gz$/.exec(new URL(request.url()).pathname)
    if (match) requested.push(match[1])
  })
  await page.goto('/where-they-hurt/background-jobs-and-scheduled-tasks/')
  const first = page.locator('[data-lab="jobs-fire-and-forget"]')
  await first.scrollIntoViewIfNeeded()
  await expect(first.locator('.cm-content').first()).toBeVisible({ timeout: FIRST_RUN_MS })
  // Made while the database started: its recording is fetched (and shown, then confirmed by the engine).
  await first.getByRole('button', { name: 'Run', exact: true }).click()
  await expect
    .poll(() => marks(page, 'lab-recorded-run-confirmed'), { timeout: FIRST_RUN_MS })
    .toEqual(['jobs-fire-and-forget'])
  expect(requested).toContain('jobs-fire-and-forget')
  // The page's last lab, far below, becomes interactive only now: no Run of it could use a recording.
  const last = page.locator('[data-lab="jobs-email-exercise"]')
  await last.scrollIntoViewIfNeeded()
  await expect.poll(() => marks(page, 'lab-session'), { timeout: FIRST_RUN_MS }).toContain('jobs-email-exercise')
  await expect(last.locator('.cm-content').first()).toBeVisible()
  await page.waitForTimeout(500)
  expect(requested).not.toContain('jobs-email-exercise')
})
