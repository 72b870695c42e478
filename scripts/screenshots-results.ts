/**
 * Reference screenshots of the lab's Timeline for the busiest scenarios, at 1280 px (light and
 * dark) and 390 px, into docs/screenshots/results/. Each image is the Timeline panel only (PNG),
 * so a reviewer can see at a glance whether the drawing tells the scenario's story.
 *
 * Usage: `npm run build` once, then `npm run screenshots:results` (serves out/ on E2E_PORT or 4390;
 * `-- --only queue-timeout-redeliveries,websocket-chat-in-memory` for some). Look at every image
 * after a change to the Timeline, and commit them.
 */
import { mkdirSync } from 'node:fs'
import { spawn } from 'node:child_process'
import { chromium, type Page } from '@playwright/test'
import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from './find-chromium.mjs'

const OUT_DIR = 'docs/screenshots/results'
/** `--only a,b`: just these scenarios (by name), e.g. after changing how one kind of lab is drawn. */
const onlyIndex = process.argv.indexOf('--only')
const ONLY = onlyIndex > 0 ? process.argv[onlyIndex + 1]?.split(',') : undefined
const PORT = Number(process.env.E2E_PORT ?? 4390)
const BASE = `http://127.0.0.1:${PORT}`

const SCENARIOS = [
  {
    name: 'burst-on-lambda',
    path: '/where-they-hurt/cold-starts-and-connection-pooling/',
    lab: 'pooling-module-pool',
    preset: 'Burst of 50 on Lambda',
  },
  {
    name: 'burst-then-quiet',
    path: '/where-they-hurt/cold-starts-and-connection-pooling/',
    lab: 'pooling-module-pool',
    preset: 'Burst, then quiet for 15 minutes',
  },
  {
    name: 'burst-per-request-pools',
    path: '/where-they-hurt/cold-starts-and-connection-pooling/',
    lab: 'pooling-pool-per-request',
  },
  { name: 'quota-spike', path: '/where-they-hurt/serverless-database-limits/', lab: 'limits-quota-spike' },
  { name: 'long-transaction', path: '/where-they-hurt/serverless-database-limits/', lab: 'limits-long-transaction' },
  {
    name: 'sign-ups-lost-work',
    path: '/where-they-hurt/background-jobs-and-scheduled-tasks/',
    lab: 'jobs-fire-and-forget',
  },
  {
    name: 'queue-partial-batch-dead-letter',
    path: '/where-they-hurt/background-jobs-and-scheduled-tasks/durable-queues/',
    lab: 'queue-sqs-orders',
    preset: 'An address the provider refuses',
  },
  {
    name: 'queue-timeout-redeliveries',
    path: '/where-they-hurt/background-jobs-and-scheduled-tasks/durable-queues/',
    lab: 'queue-sqs-timeout',
    preset: 'Six orders in one batch',
  },
  {
    name: 'bullmq-retries',
    path: '/where-they-hurt/background-jobs-and-scheduled-tasks/durable-queues/',
    lab: 'queue-bullmq-worker',
    preset: 'A sign-up during a short outage',
  },
  {
    name: 'websocket-chat-in-memory',
    path: '/where-they-hurt/real-time-updates/',
    lab: 'realtime-websocket-chat',
    preset: 'In-memory broadcast, 6 clients',
  },
  {
    name: 'websocket-chat-listen-notify',
    path: '/where-they-hurt/real-time-updates/',
    lab: 'realtime-websocket-chat',
    preset: 'LISTEN/NOTIFY, 6 clients',
  },
  {
    name: 'websocket-duration-limit',
    path: '/where-they-hurt/real-time-updates/',
    lab: 'realtime-websocket-chat',
    preset: 'Stay connected for 2 minutes',
  },
  {
    name: 'prisma-module-client-burst',
    path: '/where-they-hurt/prisma-client-and-pooling/',
    lab: 'prisma-module-client',
    preset: 'Burst of 50',
  },
] as const

const VARIANTS = [
  { suffix: '1280-light', width: 1280, colorScheme: 'light' },
  { suffix: '1280-dark', width: 1280, colorScheme: 'dark' },
  { suffix: '390-light', width: 390, colorScheme: 'light' },
] as const

async function waitForServer() {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(`${BASE}/`)).ok) return
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`The static server on ${BASE} did not start. Is out/ built (npm run build)?`)
}

async function shoot(page: Page, scenario: (typeof SCENARIOS)[number], file: string) {
  await page.goto(`${BASE}${scenario.path}`)
  const root = page.locator(`[data-lab="${scenario.lab}"]`)
  await root.scrollIntoViewIfNeeded()
  await root.locator('.cm-content').first().waitFor({ timeout: 60_000 })
  if ('preset' in scenario) await root.getByLabel('Scenario').selectOption(scenario.preset)
  await root.getByRole('button', { name: 'Run', exact: true }).click()
  await page.waitForSelector(`[data-lab="${scenario.lab}"][data-state="done"]`, { timeout: 60_000 })
  await root.getByRole('tab', { name: /^Timeline/ }).click()
  const timeline = root.getByTestId('timeline')
  await timeline.getByTestId('platform-chart').waitFor()
  // The site's sticky header (and its backdrop blur) stays at the top of the viewport while an element
  // taller than the viewport is captured, blurring the element's first lines. Capture the page as a
  // whole, where nothing is sticky, clipped to the Timeline; and take the header out as well.
  await page.addStyleTag({
    content: '.nextra-nav-container, .nextra-banner-container { display: none !important; }',
  })
  const box = await timeline.evaluate((element) => {
    const rect = element.getBoundingClientRect()
    return { x: rect.left + window.scrollX, y: rect.top + window.scrollY, width: rect.width, height: rect.height }
  })
  await page.screenshot({
    path: file,
    fullPage: true,
    animations: 'disabled',
    clip: { x: Math.max(0, box.x - 8), y: Math.max(0, box.y - 8), width: box.width + 16, height: box.height + 16 },
  })
}

async function main() {
  const found = findChromium()
  if (!found) throw new Error(INSTALL_HINT)
  mkdirSync(OUT_DIR, { recursive: true })
  const server = spawn(process.execPath, ['scripts/serve.mjs', 'out', '--port', String(PORT)], { stdio: 'ignore' })
  try {
    await waitForServer()
    const browser = await chromium.launch({ executablePath: found.executablePath, args: CHROMIUM_ARGS })
    for (const variant of VARIANTS) {
      const context = await browser.newContext({
        viewport: { width: variant.width, height: 900 },
        colorScheme: variant.colorScheme,
        serviceWorkers: 'block',
      })
      const page = await context.newPage()
      for (const scenario of SCENARIOS.filter((candidate) => !ONLY || ONLY.includes(candidate.name))) {
        const file = `${OUT_DIR}/${scenario.name}-${variant.suffix}.png`
        await shoot(page, scenario, file)
        console.log(file)
      }
      await context.close()
    }
    await browser.close()
  } finally {
    server.kill()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
