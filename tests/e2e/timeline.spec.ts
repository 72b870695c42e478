/**
 * The lab's Timeline as a reader meets it: readable at 390 px (drawn at the panel's width, not
 * scaled down), failed requests different in shape as well as colour, a text alternative a screen
 * reader gets, and no serious axe findings in light or dark.
 */
import type { Page } from '@playwright/test'
import { expect, expectNoSeriousA11yViolations, test } from './fixtures'

test.setTimeout(120_000)

const PAGE = '/where-they-hurt/cold-starts-and-connection-pooling/'

async function openTimeline(page: Page, lab: string, preset?: string) {
  await page.goto(PAGE)
  const root = page.locator(`[data-lab="${lab}"]`)
  await root.scrollIntoViewIfNeeded()
  await expect(root.locator('.cm-content').first()).toBeVisible({ timeout: 60_000 })
  if (preset) await root.getByLabel('Scenario').selectOption(preset)
  await root.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(root).toHaveAttribute('data-state', 'done', { timeout: 60_000 })
  await root.getByRole('tab', { name: 'Timeline' }).click()
  const timeline = root.getByTestId('timeline')
  await expect(timeline.getByTestId('platform-chart')).toBeVisible()
  return { root, timeline }
}

test('at 390 px the drawing reflows: no scaling, labels at least 11 px tall', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  const { timeline } = await openTimeline(page, 'pooling-module-pool', 'Burst, then quiet for 15 minutes')
  for (const chart of await timeline.locator('svg[role="img"]').all()) {
    const { rendered, drawn } = await chart.evaluate((svg: SVGSVGElement) => ({
      rendered: svg.getBoundingClientRect().width,
      drawn: svg.viewBox.baseVal.width,
    }))
    expect(Math.abs(rendered - drawn), 'an SVG drawn at its on-screen width').toBeLessThan(2)
    expect(rendered).toBeLessThanOrEqual(390)
  }
  const heights = await timeline
    .getByTestId('platform-chart')
    .locator('text')
    .evaluateAll((texts) => texts.map((text) => parseFloat(getComputedStyle(text).fontSize)))
  expect(Math.min(...heights)).toBeGreaterThanOrEqual(11)
  await expect(timeline.getByTestId('leak-label')).toHaveText(['5 leaked', '5 leaked'])
})

test('failed requests are hatched and crossed, not only red; the summary names them', async ({ page }) => {
  const { timeline } = await openTimeline(page, 'pooling-pool-per-request')
  const fills = await timeline
    .locator('[data-outcome="failed"] rect')
    .evaluateAll((rects) => rects.map((rect) => getComputedStyle(rect).fill))
  expect(
    fills.filter((fill) => fill.startsWith('url(')),
    'failed bars with a pattern fill',
  ).toHaveLength(33)
  await expect(timeline.getByTestId('timeline-summary')).toContainText('33 failed (#18–#50)')
  await expect(timeline.getByTestId('timeline-summary')).toContainText('33 attempts refused')
})

test('the Timeline has a text alternative, and axe finds nothing serious in light or dark', async ({ page }) => {
  const { root, timeline } = await openTimeline(page, 'pooling-module-pool', 'Burst, then quiet for 15 minutes')
  for (const chart of await timeline.locator('svg[role="img"]').all())
    await expect(chart).toHaveAttribute('aria-label', /.{30,}/)
  await expect(timeline.getByRole('list', { name: 'Events' }).getByRole('listitem')).not.toHaveCount(0)
  // The tab panel takes focus, so a keyboard user reaches the summary and the events after the tabs.
  await root.getByRole('tab', { name: 'Timeline' }).focus()
  await page.keyboard.press('Tab')
  await expect(root.getByRole('tabpanel', { name: 'Timeline' })).toBeFocused()
  await expectNoSeriousA11yViolations(page, { include: '[data-testid="timeline"]' })
  await page.evaluate(
    () => document.documentElement.classList.replace('light', 'dark') || document.documentElement.classList.add('dark'),
  )
  await expectNoSeriousA11yViolations(page, { include: '[data-testid="timeline"]' })
})
