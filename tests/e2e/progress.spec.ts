/**
 * The reader's progress in the built site: pages opened and read to the end, marked in the sidebar
 * (with a text alternative) and on the Introduction's course map; "continue where you left off";
 * export, reset with a confirmation, import; a corrupt or foreign file changes nothing; blocked or
 * full storage leaves the course working and says progress is not being saved.
 */
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, expectNoSeriousA11yViolations, test } from './fixtures'

const SIMPLICITY = '/why-api-routes-work/simplicity'
/** The link's name with the mark's text alternative (Chromium puts a space before generated content). */
const DONE_NAME = /^Simplicity ?, done$/

const mapEntry = (page: Page, route: string) => page.getByTestId('course-map').locator(`[data-route="${route}"]`)
const sidebarLink = (page: Page, route: string) => page.locator(`.nextra-sidebar-container a[href="${route}/"]`)

/** Opens a page and scrolls to its end, as a reader who reads it through. */
async function readToTheEnd(page: Page, path: string) {
  await page.goto(`${path}/`)
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
  // Recorded once the progress code has loaded (after hydration, when the browser is idle).
  await expect(sidebarLink(page, path)).toHaveAccessibleName(/ ?, done$/)
}

test('a page read to the end is marked done in the sidebar and on the course map, and the map says where to continue', async ({
  page,
}) => {
  await page.goto('/')
  await expect(page.getByTestId('continue')).toContainText('You have not started yet')
  await expect(mapEntry(page, SIMPLICITY)).toContainText('Simplicity: not opened yet')

  await readToTheEnd(page, SIMPLICITY)
  await expect(sidebarLink(page, SIMPLICITY)).toHaveAccessibleName(DONE_NAME)
  // The mark is drawn: a ✓ after the title.
  expect(await sidebarLink(page, SIMPLICITY).evaluate((link) => getComputedStyle(link, '::after').content)).toContain(
    '✓',
  )
  await expect(sidebarLink(page, '/why-api-routes-work/serverless-scaling')).toHaveAccessibleName('Serverless scaling')

  // Opened, not read to the end: the next lesson, left at its top.
  await page.goto('/why-api-routes-work/serverless-scaling/')
  // The visit is recorded once the progress code has loaded (after hydration, when the browser is idle): wait
  // for the record itself, not a fixed time, which a loaded machine outruns.
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('course-progress:v1') ?? ''))
    .toContain('/why-api-routes-work/serverless-scaling')
  await page.goto('/')
  await expect(mapEntry(page, SIMPLICITY)).toContainText('Simplicity: read')
  await expect(mapEntry(page, '/why-api-routes-work/serverless-scaling')).toContainText('opened, not finished')
  await expect(page.getByTestId('continue')).toContainText('Continue where you left off: Serverless scaling')
  await expect(page.locator('[data-part="/why-api-routes-work"]').getByTestId('part-count')).toHaveText(/^1 of 6 read$/)
  // The map is a list of lists a screen reader can walk.
  await expect(page.getByRole('list', { name: 'Course map' })).toBeVisible()
  // Progress survives a reload.
  await page.reload()
  await expect(mapEntry(page, SIMPLICITY)).toContainText('Simplicity: read')
  await expectNoSeriousA11yViolations(page, { include: '[data-testid="course-map"]' })
})

test('progress is exported to a file, reset after a confirmation, and imported again', async ({ page }) => {
  await readToTheEnd(page, SIMPLICITY)
  await expect(sidebarLink(page, SIMPLICITY)).toHaveAccessibleName(DONE_NAME)
  await page.goto('/')
  await expect(mapEntry(page, SIMPLICITY)).toContainText('Simplicity: read')

  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export progress' }).click()
  const file = await (await download).path()
  const exported = JSON.parse(readFileSync(file, 'utf8'))
  expect(exported.format).toBe('robust-apis-with-nextjs/progress')
  expect(exported.progress.lessons[SIMPLICITY].readAt).toEqual(expect.any(Number))

  // Reset asks first; Cancel keeps everything.
  await page.getByRole('button', { name: 'Reset progress…' }).click()
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(mapEntry(page, SIMPLICITY)).toContainText('Simplicity: read')
  await page.getByRole('button', { name: 'Reset progress…' }).click()
  await page.getByRole('button', { name: 'Yes, reset' }).click()
  await expect(page.getByTestId('progress-message')).toHaveText('Your progress on this device has been reset.')
  await expect(mapEntry(page, SIMPLICITY)).toContainText('Simplicity: not opened yet')
  await expect(sidebarLink(page, SIMPLICITY)).toHaveAccessibleName('Simplicity')

  await page.getByTestId('progress-import').setInputFiles(file)
  await expect(page.getByTestId('progress-message')).toContainText(/Imported .*: \d+ pages? and 0 exercises/)
  await expect(mapEntry(page, SIMPLICITY)).toContainText('Simplicity: read')
  await expect(sidebarLink(page, SIMPLICITY)).toHaveAccessibleName(DONE_NAME)
})

test('a corrupt or foreign file gets a clear message and changes nothing', async ({ page }) => {
  await readToTheEnd(page, SIMPLICITY)
  await page.goto('/')
  await expect(mapEntry(page, SIMPLICITY)).toContainText('Simplicity: read')
  const stored = () => page.evaluate(() => localStorage.getItem('course-progress:v1'))
  // This visit to the Introduction is recorded too; compare with the record after it.
  await expect.poll(stored).toContain('"/":')
  const before = await stored()

  const cases: Array<[string, string, RegExp]> = [
    [
      'notes.txt',
      'my notes, not JSON',
      /notes\.txt: This file is not a progress export from this course \(it is not JSON\)/,
    ],
    [
      'package.json',
      '{"name":"something"}',
      /package\.json: This file is not a progress export from this course \(expected "format"/,
    ],
    [
      'progress.json',
      JSON.stringify({
        format: 'robust-apis-with-nextjs/progress',
        exportedAt: 'x',
        progress: { version: 1, lessons: { '/x': { openedAt: 'yesterday' } }, exercises: {} },
      }),
      /progress\.json: This progress file is damaged at progress\.lessons\.\/x\.openedAt/,
    ],
  ]
  for (const [name, content, message] of cases) {
    await page
      .getByTestId('progress-import')
      .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) })
    await expect(page.getByTestId('progress-message')).toHaveText(message)
    await expect(page.getByTestId('progress-message')).toContainText('Your progress is unchanged.')
    expect(await stored()).toBe(before)
    await expect(mapEntry(page, SIMPLICITY)).toContainText('Simplicity: read')
  }
})

test('with storage blocked the course works and says progress is not being saved', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError')
      },
    })
  })
  await readToTheEnd(page, SIMPLICITY)
  // Still recorded for this visit: the sidebar mark appears.
  await expect(sidebarLink(page, SIMPLICITY)).toHaveAccessibleName(DONE_NAME)
  await page.locator('.nextra-sidebar-container a[href="/"]').first().click()
  await expect(page.getByTestId('progress-not-saved')).toContainText(
    'Your progress is not being saved: this browser blocks storage for this site',
  )
  await expect(mapEntry(page, SIMPLICITY)).toContainText('Simplicity: read')
})

test('with storage full the course says progress is not being saved', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    }
  })
  await page.goto('/')
  await expect(page.getByTestId('progress-not-saved')).toContainText('this browser’s storage for the site is full')
  await expect(page.getByRole('list', { name: 'Course map' })).toBeVisible()
})
