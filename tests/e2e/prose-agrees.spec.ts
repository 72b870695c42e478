/**
 * Prose and lab agree: every "open the Timeline / Database / Console tab and see X" in a lesson is
 * checked here on the live lab, in the built site, as a reader would find it (the tab's visible
 * text), not in the engine's result object. Each test names the page and quotes the sentence.
 *
 * When a test fails, either the lab stopped showing what the lesson says (fix the lab), or the lesson
 * says something the lab does not show (fix the sentence, and the numbers in
 * tests/unit/lessons/*.test.ts with it).
 */
import type { Locator, Page } from '@playwright/test'
import { expect, openLab, run, test } from './fixtures'

test.setTimeout(120_000)

type Tab = 'Response' | 'Console' | 'Timeline' | 'Database' | 'WebSockets'

/** Runs `preset` (on `profile`) in the lab `id` on `path` and returns the lab's root. */
async function runLab(page: Page, path: string, id: string, options: { preset?: string; profile?: string } = {}) {
  const root = await openLab(page, id, { path })
  if (options.preset) await root.getByLabel('Scenario').selectOption(options.preset)
  if (options.profile) await root.getByLabel('Platform').selectOption(options.profile)
  await run(root)
  return root
}

/** Opens a results tab and returns its panel. */
async function openTab(root: Locator, tab: Tab): Promise<Locator> {
  await root.getByRole('tab', { name: new RegExp(`^${tab}`) }).click()
  // Named by its tab: a lab with several files has the editor's file tabs and panel too.
  return root.getByRole('tabpanel', { name: new RegExp(`^${tab}`) })
}

/** A figure of the Database tab's statistics, by its label ("Queries", "Still open at the end"). */
function databaseStat(panel: Locator, label: string): Locator {
  return panel.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]')
}

const COLD_STARTS = '/where-they-hurt/cold-starts-and-connection-pooling/'
const BACKGROUND_JOBS = '/where-they-hurt/background-jobs-and-scheduled-tasks/'
const LIMITS = '/where-they-hurt/serverless-database-limits/'
const REALTIME = '/where-they-hurt/real-time-updates/'
const LOCK_IN = '/where-they-hurt/vendor-lock-in/'
const QUEUES = '/where-they-hurt/background-jobs-and-scheduled-tasks/durable-queues/'
const PRISMA = '/where-they-hurt/prisma-client-and-pooling/'

/** The Timeline's event list line of `kind` that contains `text`. */
function timelineEvent(panel: Locator, kind: string, text: string | RegExp): Locator {
  return panel.getByTestId('timeline-events').locator(`li[data-kind="${kind}"]`).filter({ hasText: text })
}

test.describe('cold starts and connection pooling', () => {
  test('"Open the Console tab: each failed request logged remaining connection slots are reserved…"', async ({
    page,
  }) => {
    const root = await runLab(page, COLD_STARTS, 'pooling-pool-per-request')
    const panel = await openTab(root, 'Console')
    await expect(
      panel.getByText('remaining connection slots are reserved for roles with the SUPERUSER attribute (code 53300)'),
    ).toHaveCount(33)
  })

  test('"The Timeline tab draws both" (cold, then warm): a cold start, then a warm request', async ({ page }) => {
    const root = await runLab(page, COLD_STARTS, 'pooling-module-pool', { preset: 'Cold, then warm' })
    const panel = await openTab(root, 'Timeline')
    const chart = panel.getByTestId('platform-chart')
    await expect(chart.locator('[data-row]')).toHaveCount(2)
    await expect(panel.getByTestId('timeline-summary')).toContainText('2 requests')
    // "The first request … takes 288 ms: 250 ms to boot the runtime, 10 ms to evaluate two modules, 25 ms to
    // open the first connection and 3 ms for the query. The second request … takes 3 ms."
    await panel.getByText(/Timings as a table/).click()
    const rows = panel.getByRole('table').getByRole('row')
    await expect(rows.nth(1)).toContainText('260 ms') // cold start: 250 ms boot + 2 × 5 ms modules
    await expect(rows.nth(1)).toContainText('28 ms') // handler: 25 ms connect + 3 ms query
    await expect(rows.nth(2).getByRole('cell').nth(5)).toHaveText('0 ms') // no cold start
    await expect(rows.nth(2).getByRole('cell').nth(6)).toHaveText('3 ms')
  })

  test('"the timeline reports 5 leaked connections per instance: 10 still open"', async ({ page }) => {
    const root = await runLab(page, COLD_STARTS, 'pooling-module-pool', { preset: 'Burst, then quiet for 15 minutes' })
    const panel = await openTab(root, 'Timeline')
    await expect(panel.getByTestId('leak-label')).toHaveText(['5 leaked', '5 leaked'])
    const events = panel.getByTestId('timeline-events')
    await expect(events.getByText(/λ?\S+ was recycled and left 5 connections open \(leaked\)/)).toHaveCount(2)
    await expect(panel.getByTestId('connections-chart').getByText('10 open at the end')).toBeVisible()
  })

  test('"the connections close 5 seconds after the burst, and 0 are open at the end" (attachDatabasePool)', async ({
    page,
  }) => {
    const root = await runLab(page, COLD_STARTS, 'pooling-attach-database-pool', {
      preset: 'Burst, then quiet for 15 minutes',
    })
    const panel = await openTab(root, 'Timeline')
    await expect(panel.getByTestId('timeline-summary')).toContainText(', 0 open at the end')
  })
})

test.describe('background jobs', () => {
  test('"open the Timeline tab … a background-lost event for the pending setTimeout (1500 ms): three in all"', async ({
    page,
  }) => {
    const root = await runLab(page, BACKGROUND_JOBS, 'jobs-fire-and-forget')
    const panel = await openTab(root, 'Timeline')
    const lost = panel.getByTestId('timeline-events').locator('li[data-kind="background-lost"]')
    await expect(lost).toHaveCount(3)
    for (const item of await lost.all()) await expect(item).toContainText('background-lost: setTimeout (1500 ms)')
    await expect(
      panel
        .getByTestId('platform-chart')
        .locator('text')
        .filter({ hasText: /^frozen$/ })
        .first(),
    ).toBeVisible()
  })

  test('"The Console tab shows what happened next": two emails sent a minute late, none for Alan', async ({ page }) => {
    const root = await runLab(page, BACKGROUND_JOBS, 'jobs-fire-and-forget')
    const panel = await openTab(root, 'Console')
    await expect(panel).toContainText('welcome email sent to ada@example.com')
    await expect(panel).toContainText('welcome email sent to grace@example.com')
    await expect(panel).not.toContainText('welcome email sent to alan')
  })
})

test.describe('serverless database limits', () => {
  test('"The connection chart ends with 2 connections open, and the Database tab counts the same 2"', async ({
    page,
  }) => {
    const root = await runLab(page, LIMITS, 'limits-long-transaction')
    const timeline = await openTab(root, 'Timeline')
    await expect(timeline.getByTestId('connections-chart').getByText('2 open at the end')).toBeVisible()
    // The lock wait and the two maxDuration stops the lesson describes are drawn and listed.
    await expect(timeline.getByTestId('platform-chart').getByText('maxDuration')).toHaveCount(2)
    await expect(timeline.getByTestId('timeline-events').locator('li[data-kind="lock-wait"]')).toHaveCount(1)
    const database = await openTab(root, 'Database')
    await expect(databaseStat(database, 'Still open at the end')).toHaveText('2')
  })

  test('"90 of the spike\'s requests get answers before the quota runs out, and the other 110…": all drawn', async ({
    page,
  }) => {
    const root = await runLab(page, LIMITS, 'limits-quota-spike')
    const panel = await openTab(root, 'Timeline')
    await expect(panel.getByTestId('timeline-summary')).toContainText('110 failed (#151–#260)')
    await expect(panel.getByTestId('quota-chart').getByText('110 refused (53400)')).toBeVisible()
    const failedRows = panel.getByTestId('platform-chart').locator('[data-row][data-failed]:not([data-failed="0"])')
    expect(await failedRows.count()).toBeGreaterThan(0)
    let failed = 0
    for (const row of await failedRows.all()) failed += Number(await row.getAttribute('data-failed'))
    expect(failed).toBe(110)
  })
})

test.describe('real-time updates', () => {
  test('"The Timeline tab shows twenty short requests"; "each makes 23 queries" in the Database tab', async ({
    page,
  }) => {
    const root = await runLab(page, REALTIME, 'realtime-polling-vs-sse', { preset: 'Poll every second for 20 s' })
    const timeline = await openTab(root, 'Timeline')
    // Twenty polling GETs; the other rows are the three POSTs that create the todos.
    await expect(timeline.getByTestId('platform-chart').locator('[data-row^="#"][data-row*="GET"]')).toHaveCount(20)
    const database = await openTab(root, 'Database')
    await expect(databaseStat(database, 'Queries')).toHaveText('23')
  })

  test('"The Timeline shows one bar, about 20 seconds long"; the stream also makes 23 queries', async ({ page }) => {
    const root = await runLab(page, REALTIME, 'realtime-polling-vs-sse', { preset: 'Stream for 20 s' })
    const timeline = await openTab(root, 'Timeline')
    await expect(timeline.getByTestId('platform-chart').locator('[data-row*="GET"]')).toHaveCount(1)
    await expect(timeline.getByTestId('timeline-events').locator('li[data-kind="stream"]')).toContainText(
      '1.265 s, 5.268 s, 9.268 s, 16.268 s',
    )
    const database = await openTab(root, 'Database')
    await expect(databaseStat(database, 'Queries')).toHaveText('23')
  })
})

test.describe('durable queues', () => {
  test('Three orders: "the consumer gets all three messages in one batch, on its own instance, orders-λ1 … deleted once the batch succeeds"; the Console lists each batch with every receive count', async ({
    page,
  }) => {
    const root = await runLab(page, QUEUES, 'queue-sqs-orders', { preset: 'Three orders' })
    // "The run summary counts what the queue did ("3 messages sent, 3 delivered")"
    await expect(root.getByTestId('run-summary')).toContainText('queue: 3 messages sent, 3 delivered')
    const timeline = await openTab(root, 'Timeline')
    const chart = timeline.getByTestId('platform-chart')
    await expect(chart.locator('[data-lane="orders-λ1"] [data-batch="1"][data-outcome="success"]')).toHaveCount(1)
    await expect(chart.locator('[data-message-row] [data-end="deleted"]')).toHaveCount(3)
    await expect(timelineEvent(timeline, 'queue-deliver', '3 messages delivered in batch 1 to orders-λ1')).toBeVisible()
    const console = await openTab(root, 'Console')
    // "the Console marks their lines [simulated SQS]"
    await expect(
      console.getByText(
        /\[simulated SQS\] orders batch 1 → orders-λ1: 3 messages \(\w+ receive 1, \w+ receive 1, \w+ receive 1\)/,
      ),
    ).toBeVisible()
  })

  test('An address the provider refuses: delivered again at about 32 s (receive count 2) and 63 s (3), moved to orders-dlq at about 94 s', async ({
    page,
  }) => {
    const root = await runLab(page, QUEUES, 'queue-sqs-orders', { preset: 'An address the provider refuses' })
    const timeline = await openTab(root, 'Timeline')
    const chart = timeline.getByTestId('platform-chart')
    // Drawn: the second order's row, delivered three times and dead-lettered; the other two deleted.
    const refused = chart.locator('[data-message-row="orders 2"]')
    await expect(refused.locator('[data-end="dead-letter"][data-receives="3"]')).toHaveCount(1)
    await expect(chart.locator('text', { hasText: 'orders-dlq' }).first()).toBeVisible()
    await expect(chart.locator('[data-message-row] [data-end="deleted"]')).toHaveCount(2)
    // The partial batch failures on the consumer's lane.
    await expect(chart.locator('[data-lane="orders-λ1"] [data-outcome="partial"]')).toHaveCount(3)
    await expect(timelineEvent(timeline, 'queue-redelivered', 'receive count 2')).toContainText('32.3 s')
    await expect(timelineEvent(timeline, 'queue-redelivered', 'receive count 3')).toContainText('1 min 3 s')
    await expect(timelineEvent(timeline, 'dead-letter', 'moved to orders-dlq after 3 receives')).toContainText(
      '1 min 34 s',
    )
    await expect(timelineEvent(timeline, 'queue-batch-failed', 'batch 1 on orders-λ1: 1 of 3 messages')).toBeVisible()
    await expect(timeline.getByTestId('timeline-summary')).toContainText(
      'Queue orders: 3 messages sent, 2 deleted after success, 2 redeliveries (receive count up to 3), 1 moved to the dead-letter queue orders-dlq.',
    )
  })

  test('Six orders in one batch: "Task timed out after 10.00 seconds"; "After three receives the six messages go to orders-dlq, about three minutes in"', async ({
    page,
  }) => {
    const root = await runLab(page, QUEUES, 'queue-sqs-timeout', { preset: 'Six orders in one batch' })
    const timeline = await openTab(root, 'Timeline')
    const chart = timeline.getByTestId('platform-chart')
    await expect(chart.locator('[data-message-row]')).toHaveCount(6)
    await expect(chart.locator('[data-message-row] [data-end="dead-letter"][data-receives="3"]')).toHaveCount(6)
    await expect(chart.locator('[data-outcome="timeout"]')).toHaveCount(3)
    await expect(timelineEvent(timeline, 'dead-letter', 'moved to orders-dlq')).toContainText('× 6')
    await expect(timelineEvent(timeline, 'dead-letter', 'moved to orders-dlq')).toContainText('3 min 8 s')
    const console = await openTab(root, 'Console')
    await expect(console.getByText('Task timed out after 10.00 seconds').first()).toBeVisible()
  })

  test('BullMQ: "fails at about 0.7 s, waits 1 s, fails again, waits 2 s, and succeeds on its third attempt at about 4.4 s"; the Console shows each failed attempt', async ({
    page,
  }) => {
    const root = await runLab(page, QUEUES, 'queue-bullmq-worker', { preset: 'A sign-up during a short outage' })
    const timeline = await openTab(root, 'Timeline')
    const job = timeline.getByTestId('platform-chart').locator('[data-message-row="emails 1"]')
    await expect(job.locator('[data-end="deleted"][data-receives="3"]')).toHaveCount(1)
    await expect(timelineEvent(timeline, 'queue-redelivered', 'attempt 2')).toContainText('1.75 s')
    await expect(timelineEvent(timeline, 'queue-redelivered', 'attempt 3')).toContainText('4.05 s')
    await expect(timelineEvent(timeline, 'queue-complete', 'job completed')).toContainText('4.38 s')
    const console = await openTab(root, 'Console')
    // "the Console marks their lines … [BullMQ stand-in, no Redis]"
    await expect(
      console.getByText(
        /\[BullMQ stand-in, no Redis\] emails: job welcome-1 failed attempt 1 of 4 .*retry in 1,000 ms/,
      ),
    ).toBeVisible()
    await expect(
      console.getByText(
        /\[BullMQ stand-in, no Redis\] emails: job welcome-1 failed attempt 2 of 4 .*retry in 2,000 ms/,
      ),
    ).toBeVisible()
  })
})

test.describe('WebSockets on a serverless function', () => {
  test('"The WebSockets tab answers: six connections on three instances, two each … Clients 3 and 4, on λ2, receive nothing"; the Timeline draws them per instance', async ({
    page,
  }) => {
    const root = await runLab(page, REALTIME, 'realtime-websocket-chat', { preset: 'In-memory broadcast, 6 clients' })
    const sockets = await openTab(root, 'WebSockets')
    await expect(sockets).toContainText(
      '6 of 6 connections opened on 3 instances · 2 messages sent, 4 deliveries to clients',
    )
    const clients = sockets.getByRole('table', { name: 'Messages delivered per client' })
    for (const client of [3, 4])
      await expect(clients.getByRole('row', { name: new RegExp(`^${client} λ2`) })).toContainText('0')
    const timeline = await openTab(root, 'Timeline')
    const chart = timeline.getByTestId('platform-chart')
    for (const [instance, count] of [
      ['λ1', 2],
      ['λ2', 2],
      ['λ3', 2],
    ] as const)
      await expect(chart.locator(`[data-socket][data-instance="${instance}"]`)).toHaveCount(count)
    // Received marks: one per message on the sender's instance, none on λ2.
    await expect(chart.locator('[data-instance="λ2"] circle')).toHaveCount(0)
    await expect(chart.locator('[data-instance="λ1"] circle')).toHaveCount(2)
    await expect(timeline.getByTestId('timeline-summary')).toContainText(
      'WebSockets: 6 connections on 3 instances (clients λ1: 1, 2; λ2: 3, 4; λ3: 5, 6); 2 messages sent, 4 deliveries to clients.',
    )
    // "The Response tab shows the same bug over plain HTTP: GET /api/chat/online at 5 s answers {"online":0}"
    await root.getByRole('combobox', { name: 'Request' }).selectOption({ label: '#1 GET /api/chat/online → 200' })
    const response = await openTab(root, 'Response')
    await expect(response.getByLabel('Response body')).toContainText('"online": 0')
  })

  test('LISTEN/NOTIFY: "All six clients now receive both messages, 68 ms after they were sent. The Database tab shows … a peak of 5 connections"', async ({
    page,
  }) => {
    const root = await runLab(page, REALTIME, 'realtime-websocket-chat', { preset: 'LISTEN/NOTIFY, 6 clients' })
    const sockets = await openTab(root, 'WebSockets')
    await expect(sockets).toContainText('2 messages sent, 12 deliveries to clients')
    const timeline = await openTab(root, 'Timeline')
    const chart = timeline.getByTestId('platform-chart')
    await expect(chart.locator('[data-socket] circle')).toHaveCount(12)
    await expect(timeline.getByTestId('timeline-summary')).toContainText(
      'LISTEN/NOTIFY: 6 notifications received on chat.',
    )
    await expect(timelineEvent(timeline, 'ws-deliver', 'on λ2')).toContainText('2.07 s')
    const database = await openTab(root, 'Database')
    await expect(databaseStat(database, 'Peak connections')).toHaveText(/^5\b/)
  })

  test('"Each connection is closed 60 s after it opened (at 60.3, 80 and 100 s) … the client sees code 1006"', async ({
    page,
  }) => {
    const root = await runLab(page, REALTIME, 'realtime-websocket-chat', { preset: 'Stay connected for 2 minutes' })
    const timeline = await openTab(root, 'Timeline')
    const chart = timeline.getByTestId('platform-chart')
    await expect(chart.locator('[data-socket][data-closed-by="duration-limit"]')).toHaveCount(3)
    await expect(chart.locator('[data-socket] text', { hasText: /^1006$/ })).toHaveCount(3)
    const stops = timeline.getByTestId('timeline-events').locator('li[data-kind="max-duration"]')
    await expect(stops).toHaveCount(3)
    for (const [index, at] of ['1 min', '1 min 20 s', '1 min 40 s'].entries()) {
      await expect(stops.nth(index)).toContainText(at)
      await expect(stops.nth(index)).toContainText('the client saw 1006')
    }
  })
})

test.describe('Prisma Client and connection pooling', () => {
  test('a client per request: "17 responses with 200 and 33 with 500, a peak of 17 of 20 connections"; "The Console tab shows" P2037', async ({
    page,
  }) => {
    const root = await runLab(page, PRISMA, 'prisma-client-per-request', { preset: 'Burst of 50' })
    const timeline = await openTab(root, 'Timeline')
    const summary = timeline.getByTestId('timeline-summary')
    await expect(summary).toContainText('17 × 200, 33 × 500')
    await expect(summary).toContainText('Connections: peak 17 of max_connections 20, 33 attempts refused')
    // Each client's pool checked out the one connection it opened: 17 checkouts, no reuse.
    await expect(summary).toContainText('17 pool checkouts, at most 17 at once')
    const console = await openTab(root, 'Console')
    await expect(console.getByText(/Too many database connections opened: .* \(code P2037\)/)).toHaveCount(33)
  })

  test('one client per instance: "all 50 answer 200 with a peak of 10 of 20 connections, because Fluid starts 2 instances"; the pool reuses them', async ({
    page,
  }) => {
    const root = await runLab(page, PRISMA, 'prisma-module-client', { preset: 'Burst of 50' })
    const timeline = await openTab(root, 'Timeline')
    const summary = timeline.getByTestId('timeline-summary')
    await expect(summary).toContainText('50 requests over 323 ms on 2 instances: 50 × 200.')
    await expect(summary).toContainText(
      'Connections: peak 10 of max_connections 20, 10 open at the end; 50 pool checkouts, at most 10 at once.',
    )
    await expect(timeline.getByTestId('connections-chart').getByTestId('in-use')).toBeVisible()
  })

  test('the exercise as written: "the burst gets 54 × 200 and 46 × 500"', async ({ page }) => {
    const root = await runLab(page, PRISMA, 'prisma-pool-size-exercise')
    const timeline = await openTab(root, 'Timeline')
    await expect(timeline.getByTestId('timeline-summary')).toContainText('54 × 200, 46 × 500')
  })
})

test.describe('vendor lock-in', () => {
  test('"Run Burst of 10 orders on each platform and open the Database tab": 0 of 10 audit rows on lambda and fluid, 10 on server', async ({
    page,
  }) => {
    for (const [profile, rows] of [
      ['lambda', 1],
      ['fluid', 1],
      ['server', 11],
    ] as const) {
      const root = await runLab(page, LOCK_IN, 'lockin-fire-and-forget', { profile })
      const database = await openTab(root, 'Database')
      await expect(database.locator('caption', { hasText: /^audit/ })).toContainText(`(${rows} row`)
    }
  })

  test('"Now look at the Database tab": no connection open on fluid, 10 on lambda', async ({ page }) => {
    for (const [profile, open] of [
      ['fluid', '0'],
      ['lambda', '10'],
    ] as const) {
      const root = await runLab(page, LOCK_IN, 'lockin-platform-adapter', { profile })
      const database = await openTab(root, 'Database')
      await expect(databaseStat(database, 'Still open at the end')).toHaveText(open)
    }
  })
})

test.describe('why API routes work', () => {
  test('simplicity: "Open the Database tab: the run made only 3 queries"', async ({ page }) => {
    const root = await runLab(page, '/why-api-routes-work/simplicity/', 'simplicity-todos-pages')
    await expect(databaseStat(await openTab(root, 'Database'), 'Queries')).toHaveText('3')
  })

  test('ISR: "1 MISS, 54 HITs and 5 STALEs", drawn on the cache lane', async ({ page }) => {
    const root = await runLab(page, '/why-api-routes-work/isr-and-caching/', 'caching-revalidate', {
      preset: 'Cached: one a minute for an hour',
    })
    const panel = await openTab(root, 'Timeline')
    await expect(panel.getByTestId('timeline-summary')).toContainText('Cache: MISS × 1, HIT × 54, STALE × 5')
  })

  test('secrets: "the Database tab shows only 2 queries for the whole run"', async ({ page }) => {
    const root = await runLab(page, '/why-api-routes-work/secrets-and-environment-variables/', 'secrets-proxy-auth')
    await expect(databaseStat(await openTab(root, 'Database'), 'Queries')).toHaveText('2')
  })

  test('secrets: "The Database tab counts the error" (42601)', async ({ page }) => {
    const root = await runLab(
      page,
      '/why-api-routes-work/secrets-and-environment-variables/',
      'secrets-sql-injection-exercise',
    )
    await expect(databaseStat(await openTab(root, 'Database'), 'Errors')).toContainText('42601 ×1')
  })

  test('scaling: "Look at the Database tab on lambda too … 5 open at the end of the hour"', async ({ page }) => {
    const root = await runLab(page, '/why-api-routes-work/serverless-scaling/', 'scaling-burst-and-trickle', {
      preset: 'Sparse: one every 15 minutes',
      profile: 'lambda',
    })
    await expect(databaseStat(await openTab(root, 'Database'), 'Still open at the end')).toHaveText('5')
    const timeline = await openTab(root, 'Timeline')
    await expect(timeline.getByTestId('leak-label')).toHaveCount(4)
  })

  test('one codebase: "No query runs; the Database tab shows 0"', async ({ page }) => {
    const root = await runLab(page, '/why-api-routes-work/one-codebase/', 'codebase-contract')
    await expect(databaseStat(await openTab(root, 'Database'), 'Queries')).toHaveText('0')
  })
})

test.describe('playground', () => {
  test('"POST a todo with an empty title … the Database tab shows that no query was made"', async ({ page }) => {
    const root = await openLab(page, 'playground', { path: '/playground/' })
    await root.getByLabel('Scenario').selectOption('Create a todo')
    await root.getByLabel('Body (JSON)').fill('{ "title": "" }')
    await run(root)
    await expect(root.getByTestId('response-status')).toHaveText(/^400\b/)
    await expect(databaseStat(await openTab(root, 'Database'), 'Queries')).toHaveText('0')
  })
})
