/**
 * The Lab's "Download" in the built site: with an edit, the zip the browser saves holds the edited
 * file, package.json with the versions examples/verify proves, and the project scaffold; "The
 * original" holds the lesson's file. The generator loads only when asked. Keyboard and axe.
 */
import { readFileSync } from 'node:fs'
import { strFromU8, unzipSync } from 'fflate'
import type { Download } from '@playwright/test'
import { expect, expectNoSeriousA11yViolations, openLab, test } from './fixtures'

test.setTimeout(120_000)

const PAGE = '/where-they-hurt/cold-starts-and-connection-pooling/'
const ID = 'pooling-module-pool'
const verifyPackage = JSON.parse(readFileSync('examples/verify/package.json', 'utf8')) as {
  dependencies: Record<string, string>
}

async function zipOf(download: Download): Promise<Record<string, string>> {
  const path = await download.path()
  const entries = unzipSync(new Uint8Array(readFileSync(path)))
  return Object.fromEntries(Object.entries(entries).map(([name, bytes]) => [name, strFromU8(bytes)]))
}

test.beforeEach(async ({ page }) => {
  await page.goto(PAGE)
  await page.evaluate(() => localStorage.clear())
  await page.reload()
})

test('Download saves a zip with the edited file and the pinned package.json; the original on request', async ({
  page,
}) => {
  const downloadChunks: string[] = []
  page.on('request', (request) => {
    if (/lab-download/.test(request.url())) downloadChunks.push(request.url())
  })
  const root = await openLab(page, ID)
  // lib/db.ts is the active file: make an edit a reader would make.
  await root.locator('.cm-content').first().click()
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.insertText('\n// my edit: a smaller pool\n')

  const toggle = root.getByRole('button', { name: 'Download', exact: true })
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-expanded', 'true')
  const panel = root.getByRole('group', { name: 'Download this lab as a Next.js 16 project' })
  await expect(panel.getByRole('radio', { name: /Your version/ })).toBeChecked()
  await expect(panel).toContainText('1 edited file: lib/db.ts')
  expect(downloadChunks, 'the generator is not loaded before the reader asks for a zip').toEqual([])

  const [mine] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: 'Download .zip' }).click(),
  ])
  expect(mine.suggestedFilename()).toBe(`robust-apis-${ID}.zip`)
  await expect(panel.getByRole('status')).toContainText(`Saved robust-apis-${ID}.zip`)
  expect(downloadChunks.length, 'the generator loads on demand').toBeGreaterThan(0)
  const files = await zipOf(mine)
  const folder = `robust-apis-${ID}/`
  expect(files[`${folder}lib/db.ts`]).toContain('// my edit: a smaller pool')
  const pkg = JSON.parse(files[`${folder}package.json`]) as { dependencies: Record<string, string> }
  expect(pkg.dependencies.next).toBe(verifyPackage.dependencies.next)
  expect(pkg.dependencies.pg).toBe(verifyPackage.dependencies.pg)
  for (const path of [
    'app/api/todos/route.ts',
    'db/schema.sql',
    'db/seed.sql',
    '.env.example',
    'README.md',
    'scripts/check.mjs',
  ])
    expect(Object.keys(files), path).toContain(folder + path)
  expect(Object.keys(files)).not.toContain(`${folder}.env`)
  expect(files[`${folder}README.md`]).toContain(`${PAGE}`)
  expect(files[`${folder}README.md`]).toContain('with your edits')

  // The original, chosen with the keyboard.
  await panel.getByRole('radio', { name: 'The original' }).focus()
  await page.keyboard.press('Space')
  await expect(panel.getByRole('radio', { name: 'The original' })).toBeChecked()
  const [original] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: 'Download .zip' }).press('Enter'),
  ])
  expect(original.suggestedFilename()).toBe(`robust-apis-${ID}-original.zip`)
  const originalFiles = await zipOf(original)
  expect(originalFiles[`${folder}lib/db.ts`]).not.toContain('my edit')

  // The reader's code is untouched, and Escape closes the panel back onto its button.
  await expect(root.locator('.cm-content').first()).toContainText('my edit: a smaller pool')
  await expectNoSeriousA11yViolations(page, { include: `[data-lab="${ID}"]` })
  await panel.getByRole('button', { name: 'Download .zip' }).focus()
  await page.keyboard.press('Escape')
  await expect(panel).toBeHidden()
  await expect(toggle).toBeFocused()
})
