import type { Locator, Page } from '@playwright/test'
import { expect, expectNoSeriousA11yViolations, test } from './fixtures'

/**
 * The Decide widget on the built static site. The selectors are the widget's test contract:
 * fieldset[data-question] groups with "Yes"/"No" radios, and [data-testid="verdict"] with
 * data-verdict and one [data-reason] per answer that mattered.
 */

type QuestionId = 'Y1' | 'Y2' | 'Y3' | 'N1' | 'N2' | 'N3'
type Answers = Record<QuestionId, 'yes' | 'no'>

const QUESTION_ORDER: QuestionId[] = ['Y1', 'Y2', 'Y3', 'N1', 'N2', 'N3']
const ALL_CLEAR: Answers = { Y1: 'yes', Y2: 'yes', Y3: 'yes', N1: 'no', N2: 'no', N3: 'no' }

function question(page: Page, id: QuestionId): Locator {
  return page.locator(`fieldset[data-question="${id}"]`)
}

function radio(page: Page, id: QuestionId, value: 'yes' | 'no'): Locator {
  return question(page, id).getByRole('radio', { name: value === 'yes' ? 'Yes' : 'No', exact: true })
}

const verdict = (page: Page) => page.locator('[data-testid="verdict"]')

async function openWidget(page: Page, query = '') {
  await page.goto(`/decide/${query}`)
  // The radios stay disabled until the router knows the query (after hydration); answering earlier would be lost.
  await expect(page.locator('[data-testid="decision-tree"]')).toHaveAttribute('data-ready', 'true')
}

async function answerAll(page: Page, answers: Answers) {
  for (const id of QUESTION_ORDER) await radio(page, id, answers[id]).check()
}

async function expectReasons(page: Page, reasons: QuestionId[]) {
  const found = await verdict(page)
    .locator('[data-reason]')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-reason')))
  expect(found).toEqual(reasons)
}

test('the exported HTML already holds the six questions and the unanswered first state', async ({ page }) => {
  const response = await page.request.get('/decide/')
  expect(response.status()).toBe(200)
  const html = await response.text()
  for (const id of QUESTION_ORDER) expect(html).toContain(`data-question="${id}"`)
  expect(html).toContain('0 of 6 answered')
  expect(html).toContain('Your verdict appears here once all 6 questions are answered')
  expect(html).not.toContain('data-testid="verdict"')
})

test('each question is a radio group named by its question', async ({ page }) => {
  await openWidget(page)
  const realTime = page.getByRole('group', { name: 'Do you need real-time updates?' })
  await expect(realTime).toHaveAttribute('data-question', 'N1')
  await expect(realTime.getByRole('radio')).toHaveCount(2)
  await expect(page.locator('fieldset[data-question]')).toHaveCount(6)
})

test('all conditions and no blockers give "yes" with the three conditions as reasons', async ({ page }) => {
  await openWidget(page)
  await expect(page.getByTestId('progress')).toHaveText('0 of 6 answered')
  await answerAll(page, ALL_CLEAR)
  await expect(page.getByTestId('progress')).toHaveText('6 of 6 answered')
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'yes')
  await expectReasons(page, ['Y1', 'Y2', 'Y3'])
  await expect(page).toHaveURL(/\/decide\/\?Y1=yes&Y2=yes&Y3=yes&N1=no&N2=no&N3=no$/)
  await expect(page.getByTestId('verdict-announcement')).toHaveText(/^Verdict: Yes/)
})

for (const blocker of ['N1', 'N2', 'N3'] as const) {
  test(`${blocker} alone gives "no" with ${blocker} as the only reason`, async ({ page }) => {
    await openWidget(page)
    await answerAll(page, { ...ALL_CLEAR, [blocker]: 'yes' })
    await expect(verdict(page)).toHaveAttribute('data-verdict', 'no')
    await expectReasons(page, [blocker])
    // Where the platform has moved, the verdict says so next to the article's advice.
    await expect(verdict(page).locator(`[data-reason="${blocker}"]`)).toContainText('Since the article')
  })
}

test('a condition that does not hold gives "yes, with care" and what to do about it', async ({ page }) => {
  await openWidget(page)
  await answerAll(page, { ...ALL_CLEAR, Y3: 'no' })
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'yes-with-care')
  await expectReasons(page, ['Y3'])
  await expect(verdict(page).locator('[data-reason="Y3"]')).toContainText('port 6543')
})

test('the pending panel says early that a blocker decides the outcome', async ({ page }) => {
  await openWidget(page)
  await radio(page, 'N2', 'yes').check()
  await expect(page.getByTestId('progress')).toHaveText('1 of 6 answered')
  await expect(page.getByTestId('verdict-pending')).toContainText('the verdict will be “No”')
  await expect(verdict(page)).toHaveCount(0)
})

test('a shared link reopens the same answers and the same result', async ({ page }) => {
  const shared = '?Y1=no&Y2=yes&Y3=no&N1=no&N2=no&N3=no'
  await openWidget(page, shared)
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'yes-with-care')
  await expectReasons(page, ['Y1', 'Y3'])
  await expect(radio(page, 'Y1', 'no')).toBeChecked()
  await expect(radio(page, 'Y2', 'yes')).toBeChecked()
  await expect(page.getByTestId('progress')).toHaveText('6 of 6 answered')

  // A fresh tab, as someone opening the link would.
  const other = await page.context().newPage()
  await other.goto(`/decide/${shared}`)
  await expect(other.locator('[data-testid="verdict"]')).toHaveAttribute('data-verdict', 'yes-with-care')
  await other.close()
})

test('the browser Back button restores the previous answers', async ({ page }) => {
  await openWidget(page, '?Y1=yes&Y2=yes&Y3=yes&N1=no&N2=no&N3=no')
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'yes')

  await radio(page, 'N1', 'yes').check()
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'no')

  await page.goBack()
  await expect(radio(page, 'N1', 'no')).toBeChecked()
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'yes')

  await page.goForward()
  await expect(radio(page, 'N1', 'yes')).toBeChecked()
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'no')
})

test('Back undoes the latest answer and Start over clears them all', async ({ page }) => {
  await openWidget(page)
  await radio(page, 'Y1', 'yes').check()
  await radio(page, 'N2', 'no').check()
  await page.getByRole('button', { name: 'Back', exact: true }).click()
  await expect(radio(page, 'N2', 'no')).not.toBeChecked()
  await expect(radio(page, 'Y1', 'yes')).toBeChecked()
  await expect(page.getByTestId('progress')).toHaveText('1 of 6 answered')
  // Focus goes back to the question that needs an answer again.
  await expect(radio(page, 'N2', 'yes')).toBeFocused()

  await answerAll(page, ALL_CLEAR)
  await expect(verdict(page)).toBeVisible()
  await page.getByRole('button', { name: 'Start over' }).click()
  await expect(verdict(page)).toHaveCount(0)
  await expect(page.getByTestId('progress')).toHaveText('0 of 6 answered')
  await expect(page).toHaveURL(/\/decide\/$/)
  for (const id of QUESTION_ORDER) await expect(question(page, id).getByRole('radio', { checked: true })).toHaveCount(0)
  await expect(radio(page, 'Y1', 'yes')).toBeFocused()
  await expect(page.getByRole('button', { name: 'Start over' })).toBeDisabled()
})

test('the questions can be answered with the keyboard alone', async ({ page }) => {
  await openWidget(page)
  // Start just before the widget, so the test does not depend on how many links the site header has.
  await radio(page, 'Y1', 'yes').focus()
  await page.keyboard.press('Space')
  await expect(radio(page, 'Y1', 'yes')).toBeChecked()

  for (const id of ['Y2', 'Y3', 'N1', 'N2', 'N3'] as const) {
    // Tab leaves the group through its "learn more" link, then lands on the next group's first radio.
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await expect(radio(page, id, 'yes')).toBeFocused()
    if (id.startsWith('Y')) {
      await page.keyboard.press('Space')
    } else {
      // Arrow keys move within a radio group and select as they go.
      await page.keyboard.press('ArrowRight')
      await expect(radio(page, id, 'no')).toBeFocused()
    }
  }
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'yes')
  await expect(radio(page, 'N3', 'no')).toBeFocused()

  // Arrow back to "Yes" on the last question: a blocker, so the verdict changes.
  await page.keyboard.press('ArrowLeft')
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'no')
  await expectReasons(page, ['N3'])

  // Tab on to the controls: Back undoes the last answer and returns focus to that question.
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'Back', exact: true })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(radio(page, 'N3', 'yes')).toBeFocused()
  await expect(page.getByTestId('progress')).toHaveText('5 of 6 answered')
})

test('Copy link copies the address that holds the answers', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await openWidget(page, '?Y1=yes&Y2=yes&Y3=yes&N1=yes&N2=no&N3=no')
  await page.getByRole('button', { name: 'Copy link' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Link copied.' })).toBeVisible()
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(copied).toBe(page.url())
})

test('Print result prints the verdict and the answers without the controls', async ({ page }) => {
  await openWidget(page, '?Y1=yes&Y2=no&Y3=yes&N1=no&N2=no&N3=no')
  await page.evaluate(() => {
    window.print = () => document.documentElement.setAttribute('data-printed', 'true')
  })
  await page.getByRole('button', { name: 'Print result' }).click()
  await expect(page.locator('html')).toHaveAttribute('data-printed', 'true')

  await page.emulateMedia({ media: 'print' })
  await expect(verdict(page)).toBeVisible()
  await expect(verdict(page).getByText('Your answers')).toBeVisible()
  await expect(question(page, 'Y1')).toBeHidden()
  await expect(page.getByRole('button', { name: 'Start over' })).toBeHidden()
})

// Scoped to the page content: the site chrome (header, sidebar, <html lang>) is checked by site.spec.ts.
for (const colorScheme of ['light', 'dark'] as const) {
  test(`no serious axe violations, before and after a verdict, in the ${colorScheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme })
    await openWidget(page)
    await expect(page.locator('html')).toHaveClass(colorScheme === 'dark' ? /dark/ : /^(?!.*\bdark\b)/)
    await expectNoSeriousA11yViolations(page, { include: 'main' })
    // The longest verdict: every blocker, every "since the article" note.
    await answerAll(page, { ...ALL_CLEAR, N1: 'yes', N2: 'yes', N3: 'yes' })
    await expectReasons(page, ['N1', 'N2', 'N3'])
    await radio(page, 'Y1', 'yes').focus()
    await expectNoSeriousA11yViolations(page, { include: 'main' })
  })
}
