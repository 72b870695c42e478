/**
 * Results on a 390 px touch screen: the result tabs scroll (with a shadow at the edge that hides
 * more) instead of clipping "Database", the statistics wrap between words, and keyboard hints are
 * not shown to a reader without a keyboard.
 */
import { devices } from '@playwright/test'
import { expect, test } from './fixtures'

const PAGE = '/where-they-hurt/serverless-database-limits/'
const ID = 'limits-long-transaction'
test.setTimeout(120_000)
test.use({ ...devices['Pixel 7'], viewport: { width: 390, height: 844 } })

test('at 390 px on a touch screen the result tabs scroll, stats wrap at words, and no keyboard hint shows', async ({
  page,
}) => {
  await page.goto(PAGE)
  expect(await page.evaluate(() => matchMedia('(hover: none) and (pointer: coarse)').matches)).toBe(true)
  const lab = page.locator(`[data-lab="${ID}"]`)
  await lab.scrollIntoViewIfNeeded()
  // The static lab's hint is hidden already, and the interactive one's too.
  await expect(lab.getByText('+ Enter runs')).toBeHidden()
  await expect(lab.locator('.cm-content').first()).toBeVisible({ timeout: 60_000 })
  await expect(lab.getByText('+ Enter runs')).toBeHidden()
  await lab.getByRole('button', { name: 'Run', exact: true }).tap()
  await expect(lab).toHaveAttribute('data-state', 'done', { timeout: 60_000 })

  const tabs = lab.getByRole('tablist', { name: 'Run results' })
  const scroll = await tabs.evaluate((list) => ({
    overflow: getComputedStyle(list).overflowX,
    hidden: list.scrollWidth - list.clientWidth,
    shadow: getComputedStyle(list).backgroundImage,
  }))
  expect(scroll.overflow).toBe('auto')
  // More tabs than room: they scroll, and the edge with more behind it is shaded.
  expect(scroll.hidden).toBeGreaterThan(0)
  expect(scroll.shadow).toContain('radial-gradient')
  const database = tabs.getByRole('tab', { name: 'Database' })
  await database.scrollIntoViewIfNeeded()
  await database.tap()
  await expect(database).toHaveAttribute('aria-selected', 'true')
  const [tab, list] = await Promise.all([database.boundingBox(), tabs.boundingBox()])
  expect(tab!.x).toBeGreaterThanOrEqual(list!.x - 1)
  expect(tab!.x + tab!.width).toBeLessThanOrEqual(list!.x + list!.width + 1)

  // "max_connections" stays one word on one line, wherever its line breaks.
  const stats = lab.getByRole('definition').filter({ hasText: 'max_connections' })
  const lines = await stats.evaluate((dd) => {
    const range = document.createRange()
    const node = [...dd.childNodes].find((child) => child.textContent?.includes('max_connections'))!
    const start = node.textContent!.indexOf('max_connections')
    range.setStart(node, start)
    range.setEnd(node, start + 'max_connections'.length)
    return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size
  })
  expect(lines).toBe(1)
})
