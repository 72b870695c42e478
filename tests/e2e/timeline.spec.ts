/**
 * The lab's Timeline as a reader meets it: readable at 390 px (drawn at the panel's width, not
 * scaled down), failed requests different in shape as well as colour, a text alternative a screen
 * reader gets, and no serious axe findings in light or dark.
 */
import type { Locator, Page } from '@playwright/test'
import { expect, expectNoSeriousA11yViolations, openLab, run, test } from './fixtures'

test.setTimeout(120_000)

const PAGE = '/where-they-hurt/cold-starts-and-connection-pooling/'
const QUEUES = '/where-they-hurt/background-jobs-and-scheduled-tasks/durable-queues/'
const REALTIME = '/where-they-hurt/real-time-updates/'

async function openTimeline(page: Page, lab: string, preset?: string, path = PAGE) {
  const root = await openLab(page, lab, { path })
  if (preset) await root.getByLabel('Scenario').selectOption(preset)
  await run(root)
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

/** Every SVG drawn at its on-screen width (not scaled), within the viewport, with text at least 11 px. */
async function expectReadable(timeline: Locator, width: number) {
  for (const chart of await timeline.locator('svg[role="img"]').all()) {
    const { rendered, drawn } = await chart.evaluate((svg: SVGSVGElement) => ({
      rendered: svg.getBoundingClientRect().width,
      drawn: svg.viewBox.baseVal.width,
    }))
    expect(Math.abs(rendered - drawn), 'an SVG drawn at its on-screen width').toBeLessThan(2)
    expect(rendered).toBeLessThanOrEqual(width)
  }
  const heights = await timeline
    .locator('svg text')
    .evaluateAll((texts) => texts.map((text) => parseFloat(getComputedStyle(text).fontSize)))
  expect(Math.min(...heights)).toBeGreaterThanOrEqual(11)
}

test('queues at 390 px: message rows with receive counts and the dead-letter queue, readable, no serious axe findings in light or dark', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 })
  const { timeline } = await openTimeline(page, 'queue-sqs-orders', 'An address the provider refuses', QUEUES)
  await expectReadable(timeline, 390)
  const chart = timeline.getByTestId('platform-chart')
  // Redelivered: a ring with the receive count (2, then 3), not only a colour.
  await expect(chart.locator('[data-message-row="orders 2"] text').filter({ hasText: /^[23]$/ })).toHaveCount(2)
  await expect(chart.locator('[data-message-row="orders 2"] [data-end="dead-letter"]')).toHaveCount(1)
  // The failed deliveries are hatched, as failed requests are.
  const fills = await chart
    .locator('[data-message-row="orders 2"] rect')
    .evaluateAll((rects) => rects.map((rect) => getComputedStyle(rect).fill))
  expect(
    fills.filter((fill) => fill.startsWith('url(')),
    'failed deliveries with a pattern fill',
  ).toHaveLength(3)
  const key = timeline.getByRole('list', { name: 'Key' })
  for (const label of [
    'delivered again (receive count)',
    'dead-letter queue',
    'hidden (visibility timeout or backoff)',
  ])
    await expect(key).toContainText(label)
  await expect(chart).toHaveAttribute('aria-label', /3 message rows/)
  await expectNoSeriousA11yViolations(page, { include: '[data-testid="timeline"]' })
  await page.evaluate(
    () => document.documentElement.classList.replace('light', 'dark') || document.documentElement.classList.add('dark'),
  )
  await expectNoSeriousA11yViolations(page, { include: '[data-testid="timeline"]' })
})

test('WebSockets at 390 px: connections on their instances, closes at the duration limit crossed and dashed, readable, no serious axe findings', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 })
  const { timeline } = await openTimeline(page, 'realtime-websocket-chat', 'Stay connected for 2 minutes', REALTIME)
  await expectReadable(timeline, 390)
  const limited = timeline.getByTestId('platform-chart').locator('[data-closed-by="duration-limit"]')
  await expect(limited).toHaveCount(3)
  // A close at the limit differs by shape: a cross and maxDuration's dashed line, where a client's close is a bar.
  for (const socket of await limited.all()) {
    await expect(socket.locator('path')).not.toHaveCount(0)
    await expect(socket.locator('line')).toHaveCount(1)
  }
  await expect(timeline.getByRole('list', { name: 'Key' })).toContainText('closed at the duration limit')
  await expect(timeline.getByTestId('timeline-summary')).toContainText('3 closed at the duration limit')
  await expectNoSeriousA11yViolations(page, { include: '[data-testid="timeline"]' })
  await page.evaluate(
    () => document.documentElement.classList.replace('light', 'dark') || document.documentElement.classList.add('dark'),
  )
  await expectNoSeriousA11yViolations(page, { include: '[data-testid="timeline"]' })
})

test('the Scenario and Platform selects fit the lab at 390 px instead of being clipped', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  for (const [path, lab, longest, platform] of [
    ['/where-they-hurt/prisma-client-and-pooling/', 'prisma-module-client', 'Burst of 50 on Lambda, pooled URL', false],
    [REALTIME, 'realtime-websocket-chat', 'In-memory broadcast, 6 clients', true],
  ] as const) {
    await page.goto(path)
    const root = page.locator(`[data-lab="${lab}"]`)
    await root.scrollIntoViewIfNeeded()
    await expect(root.locator('.cm-content').first()).toBeVisible({ timeout: 60_000 })
    const panel = root.getByRole('group', { name: 'Request' })
    const edge = await panel.evaluate((element) => element.getBoundingClientRect().right)
    await root.getByLabel('Scenario').selectOption(longest)
    for (const select of [root.getByLabel('Scenario'), ...(platform ? [root.getByLabel('Platform')] : [])]) {
      const right = await select.evaluate((element) => element.getBoundingClientRect().right)
      expect(right, `${lab}: a select inside the request panel`).toBeLessThanOrEqual(edge)
      expect(right).toBeLessThanOrEqual(390)
    }
  }
})
