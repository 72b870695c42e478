/**
 * The smaller things a learner missed (issue 16): hints before the solution, check details in the
 * reader's words, one message per error, old results marked once they no longer answer what is on
 * screen, a skip link, dark diagrams, and the playground's first suggestion showing a change.
 */
import { expect, expectNoSeriousA11yViolations, FIRST_RUN_MS, openLab, replaceCode, run, test } from './fixtures'

test.setTimeout(120_000)

const POOLING_LESSON = '/where-they-hurt/cold-starts-and-connection-pooling/'

test.beforeEach(async ({ page }) => {
  await page.goto('/playground/')
  await page.evaluate(() => localStorage.clear())
})

test.describe('hints before the solution', () => {
  test('are revealed one at a time with the keyboard, announced, and remembered after a reload', async ({ page }) => {
    let root = await openLab(page, 'pooling-burst-exercise', { path: POOLING_LESSON })
    const exercise = root.getByRole('group', { name: 'Exercise' })
    await expect(exercise.getByTestId('hints')).toHaveCount(0)

    const button = exercise.getByRole('button', { name: /^Show a hint \(1 of 3\)$/ })
    await button.focus()
    await page.keyboard.press('Enter')
    const hints = exercise.getByRole('list', { name: 'Hints' }).getByRole('listitem')
    await expect(hints).toHaveCount(1)
    await expect(hints.first()).toContainText('Hint 1 of 3: Open the Timeline')
    await expect(exercise.getByTestId('hint-announcement')).toHaveText(/^Hint 1 of 3: Open the Timeline/)
    // The focus stays on the button, now for the next hint; the hints come before the solution.
    await expect(exercise.getByRole('button', { name: /^Show another hint \(2 of 3\)$/ })).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(hints).toHaveCount(2)
    await expect(exercise.getByTestId('hint-announcement')).toHaveText(/^Hint 2 of 3: /)
    await expect(exercise.getByRole('button', { name: 'Show solution' })).toBeVisible()
    await expectNoSeriousA11yViolations(page, { include: '[data-lab="pooling-burst-exercise"]' })

    await page.reload()
    root = await openLab(page, 'pooling-burst-exercise', { path: POOLING_LESSON })
    const again = root.getByRole('group', { name: 'Exercise' })
    await expect(again.getByRole('list', { name: 'Hints' }).getByRole('listitem')).toHaveCount(2)
    // Restored hints are shown, not read out again.
    await expect(again.getByTestId('hint-announcement')).toHaveText('')
    await again.getByRole('button', { name: /^Show another hint \(3 of 3\)$/ }).click()
    await expect(again.getByRole('list', { name: 'Hints' }).getByRole('listitem')).toHaveCount(3)
    // The last hint: the button is gone, the focus is on that hint, and the way on is the solution.
    await expect(again.getByTestId('show-hint')).toHaveCount(0)
    await expect(again.getByRole('listitem').last()).toBeFocused()
    await expect(again).toContainText('That was the last hint.')
  })
})

test('check details name metrics in words, never by their field names', async ({ page }) => {
  const root = await openLab(page, 'pooling-burst-exercise', { path: POOLING_LESSON })
  await root.getByRole('button', { name: 'Check', exact: true }).click()
  const checks = root.getByTestId('check-results')
  await expect(checks).toBeVisible({ timeout: FIRST_RUN_MS })
  await expect(checks).toContainText('The most database connections open at once was')
  for (const name of ['peakConnections', 'databaseQueries', 'p95Ms', 'openAtEnd', 'maxConnections'])
    await expect(checks).not.toContainText(name)
})

test('a syntax error is printed once: the summary says what and where, the box below says the message', async ({
  page,
}) => {
  const root = await openLab(page, 'playground', { path: '/playground/' })
  await replaceCode(page, root, 'export default function handler(req, res) {\n  res.status(200).json({ ok: true }\n}\n')
  await run(root, /error/)
  const error = root.getByTestId('run-error')
  await expect(error).toBeVisible()
  const message = (await error.getByTestId('error-message').innerText()).trim()
  expect(message.length).toBeGreaterThan(0)
  // The location is in the box's title, not repeated at the start of the message.
  expect(message).not.toMatch(/^pages\/api\/todos\/index\.ts/)
  await expect(root.getByTestId('run-summary')).toContainText(
    /^Run failed: your code does not compile in pages\/api\/todos\/index\.ts:\d+:\d+\./,
  )
  // What a sighted reader sees: the message once in the whole lab, the location once outside the editor.
  const visible = await root.evaluate((lab) => {
    // Text for screen readers only (clipped to 1 px) is not seen: hide it while the text is read.
    const hidden = [...lab.querySelectorAll<HTMLElement>('*')].filter(
      (element) => getComputedStyle(element).clip === 'rect(0px, 0px, 0px, 0px)',
    )
    for (const element of hidden) element.style.display = 'none'
    const text = (lab as HTMLElement).innerText
    for (const element of hidden) element.style.display = ''
    return text
  })
  expect(visible.split(message).length - 1, visible).toBe(1)
  const location = (await root.getByTestId('error-location').innerText()).trim()
  const outsideEditor = visible.replace(await root.locator('.cm-content').first().innerText(), '')
  expect(outsideEditor.split(location).length - 1, outsideEditor).toBe(2) // the summary line and the box's title
})

test.describe('old results never pass for current', () => {
  test('a Run with an invalid JSON body keeps the last results but marks them, and the next run clears the mark', async ({
    page,
  }) => {
    const root = await openLab(page, 'playground', { path: '/playground/' })
    await root.getByLabel('Scenario').selectOption('Create a todo')
    await run(root)
    await expect(root.getByTestId('response-status')).toHaveText(/^201\b/)
    await expect(root.getByTestId('stale-results')).toHaveCount(0)

    await root.getByLabel('Body (JSON)').fill('{ title: "no quotes" ')
    await root.getByRole('button', { name: 'Run', exact: true }).click()
    await expect(root.getByTestId('body-error')).toContainText('not valid JSON')
    const notice = root.getByTestId('stale-results')
    await expect(notice).toHaveText(/Nothing was sent: the request panel has an error.*from the previous run/)
    await expect(root.locator('[data-results-stale="true"]')).toContainText('201')

    await root.getByLabel('Body (JSON)').fill('{ "title": "Quoted now" }')
    await run(root)
    await expect(notice).toHaveCount(0)
    await expect(root.locator('[data-results-stale="false"]')).toBeVisible()
  })

  test('an edit to the code marks the results and the checks as from the earlier code', async ({ page }) => {
    const root = await openLab(page, 'pooling-burst-exercise', { path: POOLING_LESSON })
    await root.getByRole('button', { name: 'Check', exact: true }).click()
    await expect(root.getByTestId('check-results')).toBeVisible({ timeout: FIRST_RUN_MS })
    await expect(root.getByTestId('checks-stale')).toHaveCount(0)
    await root.locator('.cm-content').first().click()
    await page.keyboard.press('ControlOrMeta+End')
    await page.keyboard.insertText('\n// a change\n')
    await expect(root.getByTestId('stale-results')).toHaveText(/The code changed since this run/)
    await expect(root.getByTestId('checks-stale')).toContainText('press Check to check again')
    await expectNoSeriousA11yViolations(page, { include: '[data-lab="pooling-burst-exercise"]' })
  })
})

test.describe('skip link', () => {
  for (const path of ['/', POOLING_LESSON, '/playground/']) {
    test(`"Skip to content" is the first Tab stop on ${path} and lands past the navigation`, async ({ page }) => {
      await page.goto(path)
      await page.keyboard.press('Tab')
      const link = page.getByRole('link', { name: 'Skip to content' })
      await expect(link).toBeFocused()
      await expect(link).toBeInViewport()
      await page.keyboard.press('Enter')
      await expect(page).toHaveURL(/#reach-skip-nav$/)
      await page.keyboard.press('Tab')
      const landed = await page.evaluate(() => {
        const target = document.getElementById('reach-skip-nav')!
        const active = document.activeElement!
        return {
          after: Boolean(target.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING),
          inNavigation: Boolean(active.closest('nav, aside, .nextra-nav-container')),
        }
      })
      expect(landed).toEqual({ after: true, inNavigation: false })
    })
  }
})

test('diagrams follow the dark theme, and the pooler diagram shows 53300 whole', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.goto(POOLING_LESSON)
  await expect(page.locator('html')).toHaveClass(/dark/)
  const diagram = page.locator('img[src="/diagrams/cold-starts-and-connection-pooling-pooler.svg"]')
  await expect(diagram).toHaveCSS('filter', /invert/)
  await page.emulateMedia({ colorScheme: 'light' })
  await expect(page.locator('html')).not.toHaveClass(/dark/)
  await expect(diagram).toHaveCSS('filter', 'none')

  // The label stands on its own, clear of the Postgres box it used to run under.
  await page.goto('/diagrams/cold-starts-and-connection-pooling-pooler.svg')
  const box = await page.evaluate(() => {
    const label = [...document.querySelectorAll('text')].find((text) => text.textContent === '53300')!
    const postgres = [...document.querySelectorAll('rect')].find((rect) => rect.getAttribute('x') === '232')!
    return { labelRight: label.getBBox().x + label.getBBox().width, boxLeft: postgres.getBBox().x }
  })
  expect(box.labelRight).toBeLessThan(box.boxLeft)
})

test('search keeps the contributor guide out of learner results', async ({ page }) => {
  await page.goto('/')
  const search = page.locator('input[placeholder="Search the course…"]:visible')
  const index = page.waitForResponse((response) => /nextra-data-.*\.json$/.test(response.url()))
  await search.click()
  const data = (await (await index).json()) as Record<string, { title?: string; data?: object }>
  expect(Object.keys(data).filter((route) => /^\/(contribute|404)\/?$/.test(route) && data[route].data)).toEqual([])
  expect(Object.keys(data)).toContain('/where-they-hurt/cold-starts-and-connection-pooling')
  // A word only the contributor guide uses finds nothing; a lesson's word still finds its lesson.
  await search.pressSequentially('expectServerErrors', { delay: 20 })
  await expect(page.getByText('No results found.', { exact: false }).first()).toBeVisible()
  await expect(page.getByRole('option')).toHaveCount(0)
})

test("the playground's first suggestion shows a change on the profile it names", async ({ page }) => {
  const root = await openLab(page, 'playground', { path: '/playground/' })
  await root.getByLabel('Scenario').selectOption('Burst of 50')
  await expect(root.getByLabel('Platform')).toHaveValue('fluid')
  await run(root)
  await expect(root.getByTestId('run-summary')).toContainText('200 ×50')
  await expect(root.getByTestId('run-summary')).toContainText('peak 10/20')

  await root
    .getByRole('tablist', { name: 'Files' })
    .getByRole('tab', { name: /db\.ts/ })
    .click()
  await expect(root.locator('.cm-content').first()).toContainText('idleTimeoutMillis')
  const code = await root.locator('.cm-content').first().innerText()
  expect(code).toContain('max: 5,')
  await replaceCode(page, root, code.replace('max: 5,', 'max: 30,'))
  await run(root)
  await expect(root.getByTestId('run-summary')).toContainText('500 ×33')
  await expect(root.getByTestId('run-summary')).toContainText('peak 17/20')
})
