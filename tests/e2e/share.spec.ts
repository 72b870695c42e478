/**
 * "Copy link" (components/Lab/Share/): a lab's changed files travel in the link's fragment. Opened
 * in a fresh browser, the link shows that code with a notice and runs nothing until Run; a bad link
 * says what is wrong and shows the lab as it was; the reader's saved edits are never replaced
 * without asking; the code from a link can read none of the page's storage.
 */
import type { Browser, Page } from '@playwright/test'
import { expect, expectNoSeriousA11yViolations, labOn, openLab, replaceCode, test } from './fixtures'
import { loadExample } from '../../lib/examples/load'

test.setTimeout(120_000)
const SLOW = { timeout: 60_000 }
const EDITS_KEY = 'course-lab:edits:v1:playground'

const SHARED_HANDLER = `export default function handler(req, res) {\n  // shared through a link\n  res.status(418).json({ teapot: true })\n}\n`

/** Edits the playground and presses Copy link; returns the link. */
async function makeLink(page: Page, code = SHARED_HANDLER): Promise<string> {
  await page.goto('/playground/')
  await page.evaluate(() => localStorage.clear())
  const root = await openLab(page, 'playground')
  await replaceCode(page, root, code)
  await root.getByRole('button', { name: 'Copy link' }).click()
  const field = root.getByLabel('Share link')
  await expect(field).toHaveValue(/#lab=playground&code=[A-Za-z0-9_-]+$/)
  return field.inputValue()
}

/** A fresh browser context (no storage, no history), as a colleague opening the link would have. */
async function freshPage(browser: Browser, baseURL: string | undefined, saved?: object): Promise<Page> {
  const context = await browser.newContext({ baseURL })
  const page = await context.newPage()
  if (saved) {
    // Another page of the site: the link's own page then loads afresh, not as a jump to its fragment.
    await page.goto('/')
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [EDITS_KEY, JSON.stringify(saved)])
  }
  return page
}

test('a link round-trips: edit, Copy link, open it in a fresh browser, read the notice, Run', async ({
  page,
  browser,
  baseURL,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const link = await makeLink(page)
  const root = labOn(page, 'playground')
  await expect(root.getByTestId('share-result')).toContainText(
    'Link copied. It holds your changes to 1 file in the link itself; nothing is uploaded.',
  )
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link)
  // Only the changed file travels, so the link stays short.
  expect(link.length).toBeLessThan(600)

  const other = await freshPage(browser, baseURL)
  await other.goto(link)
  const shared = labOn(other, 'playground')
  const notice = shared.getByTestId('share-notice')
  await expect(notice).toBeVisible(SLOW)
  await expect(notice).toHaveAttribute('role', 'status')
  await expect(notice).toContainText('This code came from a share link.')
  await expect(notice).toContainText('It changes pages/api/todos/index.ts. Nothing has run')
  // Announced: the notice has the focus, the page having just opened for it.
  await expect(notice).toBeFocused()
  await expect(shared.locator('.cm-content').first()).toContainText('// shared through a link')
  // Nothing ran: no summary, no response, the lab idle.
  await other.waitForTimeout(1000)
  await expect(shared).toHaveAttribute('data-state', 'idle')
  await expect(shared.getByTestId('run-summary')).toHaveText('')
  await expect(shared.getByTestId('response-status')).toHaveCount(0)
  await expectNoSeriousA11yViolations(other, { include: '[data-lab="playground"]' })

  await shared.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(shared).toHaveAttribute('data-state', 'done', SLOW)
  await expect(shared.getByTestId('response-status')).toHaveText(/^418\b/)
  await expect(shared.getByLabel('Response body')).toContainText('"teapot": true')
  // Shared code is not saved: a fresh reader has no edits of their own yet.
  expect(await other.evaluate((key) => localStorage.getItem(key), EDITS_KEY)).toBeNull()

  // Back to the original: the original code, and the link's fragment leaves the address bar.
  await shared.getByRole('button', { name: 'Back to the original' }).click()
  await expect(shared.locator('.cm-content').first()).not.toContainText('// shared through a link')
  await expect(shared.getByTestId('share-notice')).toHaveCount(0)
  expect(new URL(other.url()).hash).toBe('')
  await other.context().close()
})

test('the reader’s saved edits stay theirs: shown again on the way back, replaced only when they confirm', async ({
  page,
  browser,
  baseURL,
}) => {
  const link = await makeLink(page)
  const { hash } = await loadExample('playground')
  const saved = {
    hash,
    files: {
      'pages/api/todos/index.ts':
        '// my own saved version\nexport default function handler(req, res) {\n  res.status(204).end()\n}\n',
    },
    savedAt: 1,
  }
  const other = await freshPage(browser, baseURL, saved)
  const before = await other.evaluate((key) => localStorage.getItem(key), EDITS_KEY)
  await other.goto(link)
  const root = labOn(other, 'playground')
  await expect(root.getByTestId('share-notice')).toBeVisible(SLOW)
  await expect(root.locator('.cm-content').first()).toContainText('// shared through a link')
  // Editing the shared code saves nothing over the reader's version.
  await root.locator('.cm-content').first().click()
  await other.keyboard.press('ControlOrMeta+End')
  await other.keyboard.insertText('\n// an edit to the shared code\n')
  await other.waitForTimeout(600)
  expect(await other.evaluate((key) => localStorage.getItem(key), EDITS_KEY)).toBe(before)

  await root.getByRole('button', { name: 'Back to my version' }).click()
  await expect(root.locator('.cm-content').first()).toContainText('// my own saved version')
  expect(await other.evaluate((key) => localStorage.getItem(key), EDITS_KEY)).toBe(before)

  // Keeping the shared code asks first, and Cancel keeps everything as it was.
  await other.goto(link)
  await other.reload()
  await expect(root.getByTestId('share-notice')).toBeVisible(SLOW)
  await root.getByRole('button', { name: 'Keep this version' }).click()
  await expect(root.getByTestId('share-notice')).toContainText('This replaces the version of this lab you saved.')
  await root.getByRole('button', { name: 'Cancel' }).click()
  expect(await other.evaluate((key) => localStorage.getItem(key), EDITS_KEY)).toBe(before)
  await root.getByRole('button', { name: 'Keep this version' }).click()
  await root.getByRole('button', { name: 'Replace my version' }).click()
  await expect(root.getByTestId('share-notice')).toHaveCount(0)
  await expect
    .poll(async () => JSON.parse((await other.evaluate((key) => localStorage.getItem(key), EDITS_KEY)) ?? '{}'))
    .toMatchObject({ files: { 'pages/api/todos/index.ts': SHARED_HANDLER } })
  await other.context().close()
})

test.describe('bad links get a message and the lab as it was', () => {
  const cases = [
    { name: 'malformed', code: () => 'not*base64url!', message: /not a valid share link for this lab/ },
    {
      name: 'truncated',
      code: (link: string) => link.slice(0, link.length - 12).split('code=')[1],
      message: /incomplete or damaged: it was probably cut off/,
    },
    { name: 'oversized', code: () => 'A'.repeat(40_000), message: /too long to open \(40,000 characters/ },
  ]
  for (const { name, code, message } of cases) {
    test(`a ${name} link`, async ({ page, browser, baseURL }) => {
      const link = await makeLink(page)
      const { hash } = await loadExample('playground')
      const saved = { hash, files: { 'pages/api/todos/index.ts': '// my own saved version\n' }, savedAt: 1 }
      const other = await freshPage(browser, baseURL, saved)
      const before = await other.evaluate((key) => localStorage.getItem(key), EDITS_KEY)
      await other.goto(`/playground/#lab=playground&code=${code(link)}`)
      const root = labOn(other, 'playground')
      const problem = root.getByTestId('share-problem')
      await expect(problem).toBeVisible(SLOW)
      await expect(problem).toHaveAttribute('role', 'alert')
      await expect(problem).toContainText(message)
      await expect(problem).toContainText('The lab shows your saved version instead.')
      await expect(root.locator('.cm-content').first()).toContainText('// my own saved version')
      await expect(root.getByTestId('share-notice')).toHaveCount(0)
      expect(await other.evaluate((key) => localStorage.getItem(key), EDITS_KEY)).toBe(before)
      await root.getByRole('button', { name: 'Dismiss' }).click()
      await expect(problem).toHaveCount(0)
      expect(new URL(other.url()).hash).toBe('')
      await other.context().close()
    })
  }
})

test('code from a link reads none of the page’s storage and cannot reach the page', async ({
  page,
  browser,
  baseURL,
}) => {
  const probe = `export default async function handler(req, res) {
  // shared through a link
  const g = (0, eval)('this')
  const seen = {}
  for (const name of ['localStorage', 'sessionStorage', 'document', 'window', 'indexedDB', 'caches', 'postMessage', 'parent', 'opener']) {
    seen[name] = typeof g[name]
  }
  res.status(200).json(seen)
}
`
  const link = await makeLink(page, probe)
  const { hash } = await loadExample('playground')
  const saved = { hash, files: { 'lib/db.ts': '// a secret in my saved edits\n' }, savedAt: 1 }
  const other = await freshPage(browser, baseURL, saved)
  await other.goto(link)
  const root = labOn(other, 'playground')
  await expect(root.getByTestId('share-notice')).toBeVisible(SLOW)
  await root.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(root).toHaveAttribute('data-state', 'done', SLOW)
  const seen = JSON.parse((await root.getByLabel('Response body').textContent()) ?? '{}') as Record<string, string>
  expect(Object.values(seen)).toEqual(Array(9).fill('undefined'))
  await expect(root.getByLabel('Response body')).not.toContainText('a secret')
  await other.context().close()
})

test('a link pasted into a tab already on its page opens as well (only the fragment changes)', async ({
  page,
  browser,
  baseURL,
}) => {
  const link = await makeLink(page)
  const other = await freshPage(browser, baseURL)
  await other.goto('/playground/')
  const root = await openLab(other, 'playground')
  await other.goto(link)
  await expect(root.getByTestId('share-notice')).toBeVisible(SLOW)
  await expect(root.locator('.cm-content').first()).toContainText('// shared through a link')
  await other.context().close()
})
