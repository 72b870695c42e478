/**
 * The Database tab tells the truth about a transaction left open (lib/lab/database/table-dump.ts):
 * after the close-month function times out mid-transaction, the reader sees the committed invoices
 * (all still open), ordered by id, and a notice naming the open transaction, what it changed and
 * locked, and who holds it. The lesson (serverless-database-limits.mdx) says none of the 199 updates
 * is saved. (The Lambda case, where the transaction rolls back, is asserted in table-dump.test.ts.)
 */
import type { Locator } from '@playwright/test'
import { expect, expectNoSeriousA11yViolations, test } from './fixtures'

const PAGE = '/where-they-hurt/serverless-database-limits/'
const FIRST_RUN_MS = 60_000
test.setTimeout(120_000)

/** The text of column `name` in every body row of the table. */
async function columnTexts(table: Locator, name: string): Promise<string[]> {
  const headers = await table.locator('thead th').allTextContents()
  const index = headers.indexOf(name)
  expect(index, `column ${name} in ${headers.join(', ')}`).toBeGreaterThanOrEqual(0)
  return table.locator(`tbody tr td:nth-child(${index + 1})`).allTextContents()
}

test('after the close-month timeout the Database tab shows committed data and names the open transaction', async ({
  page,
}) => {
  await page.goto(PAGE)
  const lab = page.locator('[data-lab="limits-long-transaction"]')
  await lab.scrollIntoViewIfNeeded()
  await lab.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(lab).toHaveAttribute('data-state', 'done', { timeout: FIRST_RUN_MS })
  await lab.getByRole('tab', { name: 'Database' }).click()

  const notice = lab.getByTestId('open-transaction')
  await expect(notice).toContainText(
    '199 rows changed and 41 rows locked by an open transaction (not committed): held by instance λ1 (connection #1)',
  )
  await expect(notice).toContainText('The tables show committed data, what every other connection reads.')
  const invoices = lab.locator('table[data-table="invoices"]')
  await expect(invoices.locator('caption')).toContainText('invoices (240 rows, first 100 shown, by id)')
  await expect(invoices.locator('caption')).toContainText('199 rows changed and 41 rows locked by the open transaction')
  // Ordered by the primary key, 1 to 100; and, committed, every invoice is still open with no tax.
  expect(await columnTexts(invoices, 'id')).toEqual(Array.from({ length: 100 }, (_, i) => String(i + 1)))
  expect(new Set(await columnTexts(invoices, 'status'))).toEqual(new Set(['open']))
  expect(new Set(await columnTexts(invoices, 'tax_cents'))).toEqual(new Set(['NULL']))
  expect(new Set(await columnTexts(invoices, 'Open transaction'))).toEqual(new Set(['changed, not committed']))
  await expectNoSeriousA11yViolations(page, { include: '[data-lab="limits-long-transaction"]' })

  // The transaction's own view, on request, says what it is.
  const toggle = notice.getByRole('button', { name: "Show the open transaction's view" })
  await expect(toggle).toHaveAttribute('aria-pressed', 'false')
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-pressed', 'true')
  await expect(invoices.locator('caption')).toContainText('as the open transaction sees it: not committed')
  expect(new Set(await columnTexts(invoices, 'status'))).toEqual(new Set(['closed']))
})
