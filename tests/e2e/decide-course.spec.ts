import type { Page } from '@playwright/test'
import { expect, expectNoSeriousA11yViolations, test } from './fixtures'

/**
 * The course's 2026 verdict on /decide/, under the article's: asks where the app runs and what kind of
 * background work it is, keeps both in the link, and gives the three readers of issue 15 the verdict
 * the labs show ([data-testid="course-verdict"], one [data-point] per point).
 */

const courseVerdict = (page: Page) => page.getByTestId('course-verdict')

async function open(page: Page, query: string) {
  await page.goto(`/decide/${query}`)
  await expect(page.locator('[data-testid="decision-tree"]')).toHaveAttribute('data-ready', 'true')
}

async function points(page: Page) {
  return courseVerdict(page)
    .locator('[data-point]')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-point')))
}

test('an indie SaaS sending welcome emails: the article says no, the course says yes with after()', async ({
  page,
}) => {
  await open(page, '?Y1=yes&Y2=yes&Y3=yes&N1=no&N2=no&N3=yes')
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'no')
  await expect(courseVerdict(page)).toContainText('Say where your app runs')
  await courseVerdict(page)
    .getByRole('radio', { name: /Vercel Fluid compute/ })
    .check()
  await courseVerdict(page)
    .getByRole('radio', { name: /Best-effort work/ })
    .check()
  await expect(courseVerdict(page)).toHaveAttribute('data-verdict', 'yes')
  expect(await points(page)).toEqual(['pool-per-instance', 'after-fluid'])
  await expect(courseVerdict(page).getByRole('link', { name: 'Lab: keep short work alive with after()' })).toBeVisible()
  await expect(
    courseVerdict(page)
      .getByText(/checked \d+ \w+ \d{4}/)
      .first(),
  ).toBeVisible()
  await expect(page).toHaveURL(/N3=yes&host=fluid&jobs=after-response$/)

  // Changing an article answer keeps the course's answers in the link.
  await page.locator('fieldset[data-question="Y1"]').getByRole('radio', { name: 'No', exact: true }).check()
  await expect(page).toHaveURL(/Y1=no&host=fluid&jobs=after-response$/)
})

test('a self-hosted next start dashboard gets no serverless advice', async ({ page }) => {
  await open(page, '?Y1=yes&Y2=no&Y3=no&N1=no&N2=no&N3=no&host=server')
  await expect(courseVerdict(page)).toHaveAttribute('data-verdict', 'yes')
  expect(await points(page)).toEqual(['persistent-connections-on-a-server', 'no-pooler-on-a-server'])
  await expect(courseVerdict(page)).not.toContainText('long-running server')
  await expectNoSeriousA11yViolations(page)
})
