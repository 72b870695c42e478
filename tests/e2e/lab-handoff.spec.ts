/**
 * The idle lab is static HTML (components/Lab/LabIdle.tsx) until the interactive lab has loaded. What
 * a reader does in it meanwhile must carry over: values typed, the scenario chosen, Run pressed, the
 * focus and the caret. The lab's chunks are held back here so the reader is always first.
 */
import { expect, FIRST_RUN_MS, holdLazyChunksFromTheStart, test } from './fixtures'

test.setTimeout(120_000)

test.beforeEach(async ({ page }) => {
  await page.goto('/playground/')
  await page.evaluate(() => localStorage.clear())
})

test('a scenario chosen, a body typed and Run pressed before the lab loads make one run with them', async ({
  page,
}) => {
  const release = await holdLazyChunksFromTheStart(page)
  await page.reload()
  const root = page.locator('[data-lab="playground"]')
  await root.getByLabel('Scenario').selectOption('Create a todo')
  await root.getByLabel('Body (JSON)').fill('{ "title": "Typed before the lab loaded" }')
  await root.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(root).toHaveAttribute('data-state', 'loading')
  await expect(root.locator('.cm-content')).toHaveCount(0)

  release()
  await expect(root).toHaveAttribute('data-state', 'done', { timeout: FIRST_RUN_MS })
  await expect(root.getByTestId('response-status')).toHaveText(/^201\b/)
  await expect(root.getByRole('tabpanel').filter({ hasText: 'Typed before the lab loaded' })).toHaveCount(1)
  await expect(root.getByLabel('Method')).toHaveValue('POST')
  await expect(root.getByLabel('Body (JSON)')).toHaveValue('{ "title": "Typed before the lab loaded" }')
})

test('Run held down while the lab loads still runs when released: the static view stays until the press ends', async ({
  page,
}) => {
  const release = await holdLazyChunksFromTheStart(page)
  await page.reload()
  const root = page.locator('[data-lab="playground"]')
  const run = root.getByRole('button', { name: 'Run', exact: true })
  await run.scrollIntoViewIfNeeded()
  const box = (await run.boundingBox())!
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.mouse.down()
  // The lab's code arrives while the button is held. Swapping views now would take the pressed button
  // away, and the browser sends the click of a press that ends on another element to neither.
  release()
  await page.waitForLoadState('networkidle')
  await expect(root.locator('.cm-content')).toHaveCount(0)
  await page.mouse.up()
  await expect(root).toHaveAttribute('data-state', 'done', { timeout: FIRST_RUN_MS })
  await expect(root.getByTestId('response-status')).toHaveText(/^200\b/)
})

test('the field being typed in keeps the focus and the caret when the interactive lab takes over', async ({ page }) => {
  const release = await holdLazyChunksFromTheStart(page)
  await page.reload()
  const root = page.locator('[data-lab="playground"]')
  const path = root.getByLabel('Path')
  await path.click()
  await page.keyboard.press('End')
  await page.keyboard.type('/1')
  release()
  await expect(root.locator('.cm-content').first()).toBeVisible({ timeout: FIRST_RUN_MS })
  await expect(path).toBeFocused()
  await page.keyboard.type('7')
  await expect(path).toHaveValue('/api/todos/17')
})

test('Check pressed before the exercise lab loads runs the checks once it has', async ({ page }) => {
  const path = '/why-api-routes-work/isr-and-caching/'
  const release = await holdLazyChunksFromTheStart(page, path)
  await page.goto(path)
  const root = page.locator('[data-lab="caching-revalidate-exercise"]')
  await root.scrollIntoViewIfNeeded()
  await root.getByRole('button', { name: 'Check', exact: true }).click()
  await expect(root.getByTestId('check-results')).toHaveCount(0)
  release()
  await expect(root.getByTestId('check-results')).toBeVisible({ timeout: FIRST_RUN_MS })
})

test('a lab reached by client-side navigation runs', async ({ page }) => {
  await page.goto('/where-they-hurt/')
  await page.evaluate(() => ((window as unknown as { clientSide: boolean }).clientSide = true))
  await page.locator('aside .nextra-menu-desktop').getByText('Cold starts and connection pooling').click()
  const root = page.locator('[data-lab]').first()
  await root.scrollIntoViewIfNeeded()
  await root.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(root).toHaveAttribute('data-state', /done|error/, { timeout: FIRST_RUN_MS })
  await expect(root.getByTestId('run-summary')).toHaveText(/\d+ requests?/)
  expect(await page.evaluate(() => (window as unknown as { clientSide?: boolean }).clientSide)).toBe(true)
})

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false })

  test('the idle lab is all there: code, request panel, Run, and the exercise', async ({ page }) => {
    await page.goto('/why-api-routes-work/isr-and-caching/')
    const root = page.locator('[data-lab="caching-revalidate-exercise"]')
    await expect(root).toHaveAttribute('data-state', 'idle')
    await expect(root.locator('pre.shiki')).toBeVisible()
    await expect(root.getByLabel('Path')).toHaveValue(/^\//)
    await expect(root.getByRole('button', { name: 'Run', exact: true })).toBeVisible()
    await expect(root.getByRole('button', { name: 'Check', exact: true })).toBeVisible()
    await expect(root.getByTestId('run-summary')).toHaveCount(1)
  })
})
