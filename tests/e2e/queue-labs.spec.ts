/**
 * The queue labs as a reader runs them on the durable-queues lesson: what the simulated SQS and the
 * BullMQ stand-in did shows in the run summary and the Console, labelled as simulated; an infra
 * mistake is reported at its file; the idempotency exercise fails on the starter and passes on the
 * solution.
 */
import { expect, expectNoSeriousA11yViolations, FIRST_RUN_MS, openLab, replaceCode, run, test } from './fixtures'
import { loadExample } from '../../lib/examples/load'

const PAGE = '/where-they-hurt/background-jobs-and-scheduled-tasks/durable-queues/'
test.setTimeout(120_000)

test.beforeEach(async ({ page }) => {
  await page.goto(PAGE)
  await page.evaluate(() => localStorage.clear())
  await page.reload()
})

test('a consumer that times out: the summary counts the redeliveries, the Console shows them and the dead-letter queue', async ({
  page,
}) => {
  const root = await openLab(page, 'queue-sqs-timeout')
  await run(root, /done|error/)
  await expect(root.getByTestId('run-summary')).toContainText(
    'queue: 6 messages sent, 6 delivered, 12 redelivered, 6 to a dead-letter queue',
  )
  await root.getByRole('tab', { name: /Console/ }).click()
  await expect(root.getByRole('heading', { name: 'Simulated SQS (the lab’s, not AWS)' })).toBeVisible()
  await expect(root.getByText('Task timed out after 10.00 seconds').first()).toBeVisible()
  await expect(root.getByText(/\[simulated SQS\] orders batch 2 → orders-λ2: 6 messages .*6 redelivered/)).toBeVisible()
  await expect(
    root.getByText(/\[simulated SQS\] orders: 6 messages received 3 times.*moved to orders-dlq/),
  ).toBeVisible()
  await expectNoSeriousA11yViolations(page, { include: '[data-lab="queue-sqs-timeout"]' })
})

test('a Timeout above the visibility timeout fails the run at infra/queues.json, and the next Run works', async ({
  page,
}) => {
  const root = await openLab(page, 'queue-sqs-timeout')
  await root.getByRole('tab', { name: 'queues.json' }).click()
  const { files } = await loadExample('queue-sqs-timeout')
  await replaceCode(page, root, files['infra/queues.json'].replace('"Timeout": 10', '"Timeout": 90'))
  await run(root, /done|error/)
  await expect(root.getByTestId('run-error')).toContainText("exceeds the queue's VisibilityTimeout (60 s)")
  await expect(root.getByTestId('run-error')).toContainText('infra/queues.json')
})

test('BullMQ: the worker process retries with backoff on the stand-in for Redis', async ({ page }) => {
  const root = await openLab(page, 'queue-bullmq-worker')
  await run(root, /done|error/)
  await expect(root.getByTestId('response-status')).toHaveText(/^201\b/)
  await expect(root.getByTestId('run-summary')).toContainText('queue: 1 message sent, 1 delivered, 2 redelivered')
  await root.getByRole('tab', { name: /Console/ }).click()
  await expect(
    root.getByText(/\[BullMQ stand-in, no Redis\] emails: job welcome-1 failed attempt 1 of 4.*retry in 1,000 ms/),
  ).toBeVisible()
  await expect(
    root.getByText(/\[BullMQ stand-in, no Redis\] emails: job welcome-1 completed on attempt 3 of 4/),
  ).toBeVisible()
})

test('the idempotency exercise: Check fails on the starter and passes with the solution', async ({ page }) => {
  const root = await openLab(page, 'queue-idempotent-exercise')
  await root.getByRole('button', { name: 'Check' }).click()
  await expect(root).toHaveAttribute('data-state', 'done', { timeout: FIRST_RUN_MS })
  await expect(root.getByTestId('check-results').locator('[data-pass="false"]')).toHaveCount(1)
  await root.getByRole('button', { name: 'Show solution' }).click()
  await expect(root.locator('.cm-content').first()).toContainText('processed_messages')
  await root.getByRole('button', { name: 'Check' }).click()
  await expect(root.getByTestId('check-results').locator('[data-pass="false"]')).toHaveCount(0, {
    timeout: FIRST_RUN_MS,
  })
  await expect(root.getByTestId('check-results').locator('[data-pass="true"]')).toHaveCount(2)
})
