/**
 * The Lab in the built static site: every example on every page runs and shows the status its meta
 * expects; edits change results; errors leave the page usable; edits persist; Reset works; the
 * keyboard alone is enough; axe is happy. The fixtures fail any test whose page logs a console
 * error or sends a request anywhere but localhost.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { expect, expectNoSeriousA11yViolations, FIRST_RUN_MS, labOn, openLab, replaceCode, run, test } from './fixtures'
import { loadExample } from '../../lib/examples/load'

test.setTimeout(120_000)

/**
 * Labs in the built site, by page: every `data-lab="…"` in the static export's HTML. Reading the
 * export (not pages/) tests exactly what was built, including labs the MDX plugin expanded.
 */
function labsByPage(dir = 'out'): Array<{ path: string; ids: string[] }> {
  const found: Array<{ path: string; ids: string[] }> = []
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry)
    if (entry === '_next') continue
    if (statSync(full).isDirectory()) {
      found.push(...labsByPage(full))
      continue
    }
    if (entry !== 'index.html') continue
    const ids = [...new Set([...readFileSync(full, 'utf8').matchAll(/data-lab="([^"]+)"/g)].map((match) => match[1]))]
    if (ids.length > 0) found.push({ path: `/${relative('out', dir)}/`.replace(/\/+/g, '/'), ids })
  }
  return found.sort((a, b) => a.path.localeCompare(b.path))
}

for (const { path, ids } of labsByPage()) {
  for (const id of ids) {
    test(`${path}: lab "${id}" runs and shows the status its meta expects`, async ({ page }) => {
      const { meta } = await loadExample(id)
      await page.goto(path)
      const root = labOn(page, id)
      await root.scrollIntoViewIfNeeded()
      await run(root)
      await expect(root.getByTestId('response-status')).toHaveText(new RegExp(`^${meta.expect.status}\\b`))
      await expect(root.getByTestId('run-summary')).toHaveText(/\d+ requests?/)
    })
  }
}

test.describe('playground lab', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/playground/')
    await page.evaluate(() => localStorage.clear())
    await page.reload()
  })

  test('the page shows the code before any script runs, with the same text the editor gets', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const staticPage = await context.newPage()
    await staticPage.goto('/playground/')
    const code = labOn(staticPage, 'playground').locator('pre.shiki')
    await expect(code).toContainText("import { pool } from '@/lib/db'")
    await expect(code.locator('.t-keyword').first()).toBeVisible()
    await context.close()
  })

  test('editing the code changes the result', async ({ page }) => {
    const root = await openLab(page, 'playground')
    await replaceCode(
      page,
      root,
      'export default function handler(req, res) {\n  res.status(418).json({ teapot: true })\n}\n',
    )
    await run(root)
    await expect(root.getByTestId('response-status')).toHaveText(/^418\b/)
    await expect(root.getByLabel('Response body')).toContainText('"teapot": true')
  })

  test('a compile error names file:line:column, highlights the line, and the next Run works', async ({ page }) => {
    const root = await openLab(page, 'playground')
    await replaceCode(
      page,
      root,
      'export default function handler(req, res) {\n  res.status(200).json({ ok: true }\n}\n',
    )
    await run(root, /error/)
    await expect(root.getByTestId('run-error')).toBeVisible()
    await expect(root.getByTestId('error-location')).toHaveText(/^pages\/api\/todos\/index\.ts:\d+:\d+$/)
    await expect(root.locator('.cm-errorLine')).toHaveCount(1)
    // Still usable: fix it and run again.
    await replaceCode(
      page,
      root,
      'export default function handler(req, res) {\n  res.status(200).json({ ok: true })\n}\n',
    )
    await run(root)
    await expect(root.getByTestId('response-status')).toHaveText(/^200\b/)
    await expect(root.getByTestId('run-error')).toHaveCount(0)
  })

  test('an invalid JSON body is flagged and nothing is sent', async ({ page }) => {
    const root = await openLab(page, 'playground')
    await root.getByLabel('Scenario').selectOption('Create a todo')
    await root.getByLabel('Body (JSON)').fill('{ title: "no quotes on the key" ')
    await root.getByRole('button', { name: 'Run', exact: true }).click()
    await expect(root.getByTestId('body-error')).toContainText('not valid JSON')
    await expect(root.getByLabel('Body (JSON)')).toHaveAttribute('aria-invalid', 'true')
    await page.waitForTimeout(500)
    await expect(root).toHaveAttribute('data-state', 'idle')
    await expect(root.getByTestId('response-status')).toHaveCount(0)
    // Fixing the body sends it.
    await root.getByLabel('Body (JSON)').fill('{ "title": "Quoted now" }')
    await run(root)
    await expect(root.getByTestId('response-status')).toHaveText(/^201\b/)
    await expect(root.getByTestId('body-error')).toHaveCount(0)
  })

  test('edits survive a reload, and Reset restores the original with a way back', async ({ page }) => {
    let root = await openLab(page, 'playground')
    await root.locator('.cm-content').first().click()
    await page.keyboard.press('ControlOrMeta+Home')
    await page.keyboard.insertText('// my note survives reloads\n')
    await page.waitForTimeout(600)
    await page.reload()
    root = await openLab(page, 'playground')
    await expect(root.locator('.cm-content').first()).toContainText('// my note survives reloads')

    await root.getByRole('button', { name: 'Reset', exact: true }).click()
    await expect(root.locator('.cm-content').first()).not.toContainText('// my note survives reloads')
    await root.getByRole('button', { name: 'Undo' }).click()
    await expect(root.locator('.cm-content').first()).toContainText('// my note survives reloads')
    await root.getByRole('button', { name: 'Reset', exact: true }).click()
    await page.waitForTimeout(600)
    await page.reload()
    root = await openLab(page, 'playground')
    await expect(root.locator('.cm-content').first()).toContainText("import { pool } from '@/lib/db'")
    await expect(root.locator('.cm-content').first()).not.toContainText('// my note survives reloads')
  })

  test('when the example changed since the reader edited it, the lab says so and offers both versions', async ({
    page,
  }) => {
    await page.evaluate(() => {
      const edits = {
        hash: 'an-older-version',
        files: { 'lib/db.ts': '// my edit of an older lib/db.ts\n' },
        savedAt: 0,
      }
      localStorage.setItem('course-lab:edits:v1:playground', JSON.stringify(edits))
    })
    await page.reload()
    const root = await openLab(page, 'playground')
    await expect(root.getByText('This example changed since you edited it')).toBeVisible()
    await root.getByRole('tab', { name: 'db.ts' }).click()
    await expect(root.locator('.cm-content').first()).toContainText('// my edit of an older lib/db.ts')
    await root.getByRole('button', { name: 'Use the updated example' }).click()
    await expect(root.locator('.cm-content').first()).toContainText('new Pool(')
    // The reader's version is one click away.
    await root.getByRole('button', { name: 'Undo' }).click()
    await expect(root.locator('.cm-content').first()).toContainText('// my edit of an older lib/db.ts')
  })

  test('the keyboard alone can edit, run and read results', async ({ page }) => {
    const root = await openLab(page, 'playground')
    // Reach the editor with Shift+Tab from the lab's first control, as a keyboard user would.
    // Sandpack's editor wrapper takes focus first and asks for Enter before editing.
    await root.getByLabel('Scenario').focus()
    const editorArea = root.getByRole('tabpanel').first()
    for (let step = 0; step < 30; step++) {
      if (
        await root
          .locator('.cm-content')
          .first()
          .evaluate((node) => node === document.activeElement)
      )
        break
      const inEditorArea = await editorArea.evaluate((node) => node.contains(document.activeElement))
      await page.keyboard.press(inEditorArea ? 'Enter' : 'Shift+Tab')
    }
    await expect(root.locator('.cm-content').first()).toBeFocused()
    await page.keyboard.press('ControlOrMeta+Home')
    await page.keyboard.type('// typed from the keyboard\n')
    await page.keyboard.press('ControlOrMeta+Enter')
    await expect(root).toHaveAttribute('data-state', 'done', { timeout: FIRST_RUN_MS })
    await expect(root.getByTestId('response-status')).toHaveText(/^200\b/)
    // Leave the editor (Esc, then Tab) and walk to the result tabs.
    await page.keyboard.press('Escape')
    for (let step = 0; step < 40; step++) {
      await page.keyboard.press('Tab')
      if (await root.getByRole('tab', { name: 'Response' }).evaluate((node) => node === document.activeElement)) break
    }
    await expect(root.getByRole('tab', { name: 'Response' })).toBeFocused()
    await page.keyboard.press('ArrowRight')
    await expect(root.getByRole('tab', { name: /Console/ })).toHaveAttribute('aria-selected', 'true')
    await page.keyboard.press('ArrowRight')
    await expect(root.getByRole('tab', { name: 'Timeline' })).toHaveAttribute('aria-selected', 'true')
    await expect(root.getByRole('img', { name: /instance lanes? and 1 request rows? over/ })).toBeVisible()
    await page.keyboard.press('ArrowRight')
    await expect(root.getByRole('table').first()).toContainText('Read the lesson')
  })

  test('axe finds no serious or critical violations, before and after a run, light and dark', async ({ page }) => {
    const root = await openLab(page, 'playground')
    await expectNoSeriousA11yViolations(page)
    await run(root)
    await expectNoSeriousA11yViolations(page, { include: '[data-lab]' })
    await page.evaluate(
      () =>
        document.documentElement.classList.replace('light', 'dark') || document.documentElement.classList.add('dark'),
    )
    await expectNoSeriousA11yViolations(page, { include: '[data-lab]' })
  })
})

test.describe('exercise lab', () => {
  test('Check lists failing checks for the starter; the solution passes and completion is remembered', async ({
    page,
  }) => {
    await page.goto('/playground/')
    await page.evaluate(() => localStorage.clear())
    await page.reload()
    const root = await openLab(page, 'todos-delete-exercise')
    await root.getByRole('button', { name: 'Check' }).click()
    await expect(root).toHaveAttribute('data-state', 'done', { timeout: FIRST_RUN_MS })
    await expect(root.getByTestId('check-results').locator('[data-pass="false"]').first()).toBeVisible()

    await root.getByRole('button', { name: 'Show solution' }).click()
    await expect(root.locator('.cm-content').first()).toContainText("req.method === 'DELETE'")
    await root.getByRole('button', { name: 'Check' }).click()
    await expect(root.getByTestId('check-results').locator('[data-pass="false"]')).toHaveCount(0, {
      timeout: FIRST_RUN_MS,
    })
    await expect(root.getByTestId('check-results').locator('[data-pass="true"]')).toHaveCount(4)

    await root.getByRole('button', { name: 'Back to my version' }).click()
    await expect(root.locator('.cm-content').first()).toContainText('TODO: handle DELETE')
    // Passing with the solution shown does not count; writing it yourself does, and is remembered.
    await expect(root.getByTestId('exercise-completed')).toHaveCount(0)
    const { solutionFiles } = await loadExample('todos-delete-exercise')
    await replaceCode(page, root, solutionFiles!['pages/api/todos/[id].ts'])
    await root.getByRole('button', { name: 'Check' }).click()
    await expect(root.getByTestId('exercise-completed')).toBeVisible({ timeout: FIRST_RUN_MS })
    await page.waitForTimeout(600)
    await page.reload()
    const again = await openLab(page, 'todos-delete-exercise')
    await expect(again.getByTestId('exercise-completed')).toBeVisible()
  })
})

test.describe('resilience', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/playground/')
    await page.evaluate(() => localStorage.clear())
    await page.reload()
  })

  test('an infinite loop is stopped within seconds with a message, and the next Run works', async ({ page }) => {
    const root = await openLab(page, 'playground')
    await replaceCode(page, root, 'export default function handler(req, res) {\n  while (true) {}\n}\n')
    await run(root, /error/)
    await expect(root.getByTestId('run-error')).toHaveAttribute('data-error-kind', 'timeout')
    await expect(root.getByTestId('run-error')).toContainText('3 s')
    await replaceCode(
      page,
      root,
      'export default function handler(req, res) {\n  res.status(202).json({ ok: true })\n}\n',
    )
    await run(root)
    await expect(root.getByTestId('response-status')).toHaveText(/^202\b/)
  })

  test('an unknown import lists the modules that exist', async ({ page }) => {
    const root = await openLab(page, 'playground')
    await replaceCode(
      page,
      root,
      "import axios from 'axios'\nexport default function handler(req, res) {\n  res.json({ axios: typeof axios })\n}\n",
    )
    await run(root, /error/)
    await expect(root.getByTestId('run-error')).toHaveAttribute('data-error-kind', 'unknown-import')
    await expect(root.getByTestId('run-error')).toContainText('axios')
    await expect(root.getByTestId('run-error')).toContainText('pg')
  })

  test("a handler that throws answers 500 and shows the stack at the reader's file", async ({ page }) => {
    const root = await openLab(page, 'playground')
    await replaceCode(
      page,
      root,
      "export default function handler(req, res) {\n  throw new Error('boom from the handler')\n}\n",
    )
    await run(root)
    await expect(root.getByTestId('response-status')).toHaveText(/^500\b/)
    await expect(root.getByTestId('run-error')).toContainText('boom from the handler')
    await expect(root.getByTestId('run-error')).toContainText('pages/api/todos/index.ts')
  })

  test('storage that refuses writes does not break the lab, and says edits will not be kept', async ({ page }) => {
    await page.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      }
    })
    await page.reload()
    const root = await openLab(page, 'playground')
    await root.locator('.cm-content').first().click()
    await page.keyboard.press('ControlOrMeta+Home')
    await page.keyboard.insertText('// not kept\n')
    await expect(root.getByText('is not keeping your edits')).toBeVisible()
    await run(root)
    await expect(root.getByTestId('response-status')).toHaveText(/^200\b/)
  })
})
