/**
 * The WebSocket labs on the real-time lesson, as a reader sees them: the chat's WebSockets tab
 * shows the connections per instance and what each client received (in memory: each message reaches
 * 2 of 6; over LISTEN/NOTIFY: all six), the duration limit closes every connection, and the
 * dashboard exercise passes with its solution. Numbers match tests/unit/lessons/real-time-websockets.test.ts.
 */
import type { Locator } from '@playwright/test'
import { expect, expectNoSeriousA11yViolations, FIRST_RUN_MS, openLab, run, test } from './fixtures'

test.setTimeout(150_000)

async function runPreset(root: Locator, preset: string) {
  await root.getByLabel('Scenario').selectOption(preset)
  await run(root)
  await root.getByRole('tab', { name: 'WebSockets' }).click()
  return root.getByTestId('websockets-tab')
}

test('the chat lab: in memory each message reaches 2 of 6 clients, over LISTEN/NOTIFY all 6; the limit closes connections', async ({
  page,
}) => {
  await page.goto('/where-they-hurt/real-time-updates/')
  const root = await openLab(page, 'realtime-websocket-chat')

  let tab = await runPreset(root, 'In-memory broadcast, 6 clients')
  await expect(tab).toContainText('6 of 6 connections opened on 3 instances · 2 messages sent, 4 deliveries to clients')
  const perInstance = tab.getByRole('table', { name: 'Connections per instance' })
  await expect(perInstance.getByRole('row')).toHaveCount(4)
  await expect(perInstance.getByRole('row', { name: /λ2/ })).toContainText('3, 4')
  const clients = tab.getByRole('table', { name: 'Messages delivered per client' })
  await expect(clients.getByRole('row', { name: /^3 λ2/ })).toContainText('0')
  await expectNoSeriousA11yViolations(page, { include: '[data-lab="realtime-websocket-chat"]' })

  tab = await runPreset(root, 'LISTEN/NOTIFY, 6 clients')
  await expect(tab).toContainText(
    '6 of 6 connections opened on 3 instances · 2 messages sent, 12 deliveries to clients',
  )
  await expect(clients.getByRole('row', { name: /^3 λ2/ })).toContainText('2: “Hello from client 1” at 2.07 s')

  tab = await runPreset(root, 'Stay connected for 2 minutes')
  await expect(tab).toContainText('3 closed at the duration limit')
  await expect(clients.getByRole('row', { name: /^1 λ1/ })).toContainText('1 min, by the duration limit (code 1006)')

  // Off Vercel the upgrade is refused: the tab says so, and the Response shows 500.
  await root.getByLabel('Platform').selectOption('lambda')
  tab = await runPreset(root, 'In-memory broadcast, 6 clients')
  await expect(tab).toContainText('0 of 6 connections opened · 6 refused')
})

test('the dashboard exercise: the starter fails its WebSocket checks, the solution passes them', async ({ page }) => {
  await page.goto('/where-they-hurt/real-time-updates/')
  await page.evaluate(() => localStorage.clear())
  await page.reload()
  const root = await openLab(page, 'realtime-websocket-exercise')
  await root.getByRole('button', { name: 'Check' }).click()
  await expect(root).toHaveAttribute('data-state', 'done', { timeout: FIRST_RUN_MS })
  const results = root.getByTestId('check-results')
  await expect(results.locator('[data-pass="false"]')).toHaveCount(2)
  await expect(results).toContainText('4 of 4 client(s) never received “Coffee beans”')

  await root.getByRole('button', { name: 'Show solution' }).click()
  await root.getByRole('button', { name: 'Check' }).click()
  await expect(results.locator('[data-pass="false"]')).toHaveCount(0, { timeout: FIRST_RUN_MS })
  await expect(results.locator('[data-pass="true"]')).toHaveCount(4)
})
