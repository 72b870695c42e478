import { readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, expectNoSeriousA11yViolations, test } from './fixtures'

/** Every HTML page of the static export, as the URL a reader would open (404 excluded). */
function exportedPages(dir = 'out'): string[] {
  const pages: string[] = []
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry)
    if (entry === '_next' || entry === '404') continue // the 404 page has its own test
    if (statSync(full).isDirectory()) pages.push(...exportedPages(full))
    else if (entry === 'index.html') pages.push(`/${relative('out', dir)}/`.replace(/\/+/g, '/'))
  }
  return pages.sort()
}

const PAGES = exportedPages()

test('the export holds the landing page, the section pages, the search index and a 404 page', () => {
  expect(PAGES).toEqual(expect.arrayContaining(['/', '/why-api-routes-work/', '/where-they-hurt/', '/contribute/']))
  const chunks = readdirSync('out/_next/static/chunks')
  expect(
    chunks.some((name) => /^nextra-data-.*\.json$/.test(name)),
    'search index',
  ).toBe(true)
  expect(statSync('out/404.html').isFile()).toBe(true)
})

for (const path of PAGES) {
  test(`${path} loads with a heading, no console errors and no serious axe findings`, async ({ page }) => {
    const response = await page.goto(path)
    expect(response?.status()).toBe(200)
    await expect(page.locator('main h1, article h1').first()).toBeVisible()
    await expectNoSeriousA11yViolations(page)
  })
}

/** Sidebar entries: plain links, and folders, which Nextra renders as buttons that open their index page. */
async function sidebarTargets(page: Page): Promise<string[]> {
  const menu = page.locator('aside .nextra-menu-desktop')
  const targets = await menu
    .locator('a[href^="/"], button[data-href]')
    .evaluateAll((elements) =>
      elements.map((element) => element.getAttribute('href') ?? element.getAttribute('data-href') ?? ''),
    )
  return [...new Set(targets.map((target) => (target.endsWith('/') ? target : `${target}/`)))].sort()
}

test('every exported page is in the sidebar, and every sidebar entry opens its page', async ({ page }) => {
  await page.goto('/')
  expect(await sidebarTargets(page)).toEqual(PAGES)
})

test('sidebar navigation and the previous/next links move between pages', async ({ page }) => {
  await page.goto('/')
  await page.locator('aside .nextra-menu-desktop').getByText('Where they hurt', { exact: true }).click()
  await expect(page).toHaveURL(/\/where-they-hurt\/$/)
  await expect(page.locator('main h1, article h1').first()).toBeVisible()

  await page.goto('/')
  const next = page.locator('main a[title]').last()
  const nextTitle = (await next.getAttribute('title')) ?? ''
  expect(nextTitle).not.toBe('')
  const nextHref = (await next.getAttribute('href')) ?? ''
  expect(nextHref).not.toBe('/')
  await next.click()
  await expect(page).toHaveURL(new RegExp(`${nextHref}$`))
  await page.locator('main a[title]').first().click()
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/)
})

test('search finds a page by a word from its body', async ({ page }) => {
  await page.goto('/')
  const search = page.locator('input[placeholder="Search the course…"]:visible')
  // The index loads on first focus; typing before it arrives finds nothing, as it would for a reader.
  const index = page.waitForResponse((response) => /nextra-data-.*\.json$/.test(response.url()))
  await search.click()
  expect((await index).status()).toBe(200)
  await search.pressSequentially('Supavisor', { delay: 30 })
  const result = page
    .getByRole('option')
    .filter({ hasText: /Supavisor/ })
    .first()
  await expect(result).toBeVisible()
  await result.click()
  await expect(page).toHaveURL(/\/where-they-hurt\/#/)
})

test('the theme switch changes between light and dark, by keyboard, and remembers it', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' })
  await page.goto('/')
  const html = page.locator('html')
  await expect(html).not.toHaveClass(/dark/)
  const themeSwitch = page.getByRole('combobox', { name: 'Change theme' }).locator('visible=true')
  await expect(themeSwitch).toHaveValue('system')
  // The keyboard alone: a closed native select steps through its options with the arrow keys.
  await themeSwitch.focus()
  await page.keyboard.press('ArrowUp')
  await expect(html).toHaveClass(/dark/)
  await expect(themeSwitch.locator('..')).toContainText('Dark')
  await page.reload()
  await expect(html).toHaveClass(/dark/)
  await expect(themeSwitch).toHaveValue('dark')
})

test('hydrating a lesson does not restyle the whole page to switch transitions off', async ({ page }) => {
  // next-themes' disableTransitionOnChange adds a `*{transition:none!important}` rule while it applies the
  // theme; theme.config.tsx turns it off because each add and remove restyles every element of the lesson.
  await page.addInitScript(() => {
    const added: string[] = []
    ;(window as unknown as { transitionRules: string[] }).transitionRules = added
    new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes)
          if (node instanceof HTMLStyleElement && /transition:\s*none/.test(node.textContent ?? ''))
            added.push(node.textContent ?? '')
    }).observe(document, { childList: true, subtree: true })
  })
  await page.goto('/why-api-routes-work/simplicity/')
  await page.waitForFunction(() => document.querySelector('next-route-announcer') !== null)
  const html = page.locator('html')
  await expect(html).toHaveClass(/light|dark/)
  expect(await page.evaluate(() => (window as unknown as { transitionRules: string[] }).transitionRules)).toEqual([])
})

test('hydrating a lesson gives the main thread back between slices of work', async ({ page }) => {
  // lib/site/hydrate-in-transition.ts: React hydrates in ~5 ms slices instead of one long task. A
  // message loop counts how often the page could have answered a reader while hydration ran. Measured
  // on 2026-12-08 at 4× throttling: hydrating in one long task (the wrapper off) gave 1 turn in 8 of 8
  // runs; in slices, 13–38 turns here and 8 in CI's full browser stage, where the machine is loaded
  // and each turn waits longer for the CPU. 4 sits between the two.
  // The loop runs until Next has measured hydration, however long the page takes to get there: a cap
  // on the number of turns ran out before hydration began on a loaded machine (CI counted 6).
  await page.addInitScript(() => {
    const turns: number[] = []
    ;(window as unknown as { mainThreadTurns: number[] }).mainThreadTurns = turns
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      turns.push(performance.now())
      if (performance.getEntriesByName('Next.js-hydration').length === 0) channel.port2.postMessage(null)
    }
    channel.port2.postMessage(null)
  })
  // A throttled CPU, like Lighthouse's phone, so that hydration takes far longer than one slice.
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  await page.goto('/why-api-routes-work/simplicity/')
  await page.waitForFunction(() => performance.getEntriesByName('Next.js-hydration').length > 0)
  const turnsDuringHydration = await page.evaluate(() => {
    const [hydration] = performance.getEntriesByName('Next.js-hydration')
    const turns = (window as unknown as { mainThreadTurns: number[] }).mainThreadTurns
    return turns.filter((at) => at > hydration.startTime && at < hydration.startTime + hydration.duration).length
  })
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
  expect(turnsDuringHydration).toBeGreaterThanOrEqual(4)
})

test('a lesson says when it was last updated, as a date and a machine-readable time', async ({ page }) => {
  await page.goto('/why-api-routes-work/simplicity/')
  const time = page.locator('main time[datetime]')
  await expect(time).toHaveText(
    /^\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$/,
  )
  const [datetime, text] = await time.evaluate((element) => [element.getAttribute('datetime')!, element.textContent!])
  const day = new Date(datetime)
  expect(text).toBe(
    `${day.getUTCDate()} ${day.toLocaleString('en', { month: 'long', timeZone: 'UTC' })} ${day.getUTCFullYear()}`,
  )
  await expect(page.getByText('Last updated on')).toBeVisible()
})

test('an unknown address shows the 404 page', async ({ page, problems }) => {
  problems.allowConsoleError(/404|Failed to load resource/)
  const response = await page.goto('/no-such-lesson/')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/not found/i)
  await expect(page.getByRole('link', { name: /introduction|start/i }).first()).toBeVisible()
})

test.describe('on a 375 px phone', () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true })

  test('the menu opens and leads to a section', async ({ page }) => {
    await page.goto('/')
    const menu = page.getByRole('button', { name: /menu/i }).first()
    await menu.click()
    const link = page.locator('aside .nextra-menu-mobile').getByText('Why API routes work', { exact: true })
    await expect(link).toBeVisible()
    await link.click()
    await expect(page).toHaveURL(/\/why-api-routes-work\/$/)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow, 'horizontal scroll at 375 px').toBeLessThanOrEqual(1)
  })
})

test('the head carries a title template, description, Open Graph and Twitter tags', async ({ page }) => {
  await page.goto('/where-they-hurt/')
  await expect(page).toHaveTitle(/ – Robust APIs with Next\.js$/)
  for (const selector of [
    'meta[name="description"]',
    'meta[property="og:title"]',
    'meta[property="og:image"]',
    'meta[name="twitter:card"]',
  ]) {
    await expect(page.locator(selector).first()).toHaveAttribute('content', /.+/)
  }
  const ogImage = await page.request.get('/og.png')
  expect(ogImage.status()).toBe(200)
  const favicon = await page.request.get('/favicon.svg')
  expect(favicon.status()).toBe(200)
})

test('"Edit this page" opens the page\'s own file in the repository', async ({ page }) => {
  await page.goto('/where-they-hurt/')
  const edit = page.getByRole('link', { name: /edit this page/i })
  await expect(edit).toHaveAttribute('href', /\/edit\/main\/pages\/where-they-hurt\.mdx$/)
})

// Static prose, lists, tables and code lines are in the page's HTML only (lib/mdx/recma-server-only.mjs):
// after a client-side navigation the page takes them from the target's static HTML.
const LESSON = '/where-they-hurt/cold-starts-and-connection-pooling/'

/** Inner HTML of every server-only element on the page, by id. */
const serverOnlyMarkup = (page: Page): Promise<Record<string, string>> =>
  page
    .locator('[data-so]')
    .evaluateAll((elements) =>
      Object.fromEntries(elements.map((element) => [element.getAttribute('data-so'), element.innerHTML])),
    )

test('a lesson opened by client-side navigation shows the same content as when loaded directly', async ({ page }) => {
  await page.goto(LESSON)
  const direct = await serverOnlyMarkup(page)
  expect(Object.keys(direct).length, 'server-only elements on the lesson').toBeGreaterThan(10)
  expect(Object.values(direct).filter((html) => html.trim() === '')).toEqual([])

  await page.goto('/where-they-hurt/')
  await page.evaluate(() => ((window as unknown as { clientSide: boolean }).clientSide = true))
  await page.locator('aside .nextra-menu-desktop').getByText('Cold starts and connection pooling').click()
  await expect(page).toHaveURL(new RegExp(`${LESSON}$`))
  await expect(page.getByText('sorry, too many clients already').first()).toBeVisible()
  await expect(page.locator('pre code').first()).toContainText('DATABASE_URL')
  await expect.poll(() => serverOnlyMarkup(page)).toEqual(direct)
  expect(
    await page.evaluate(() => (window as unknown as { clientSide?: boolean }).clientSide),
    'no full page load',
  ).toBe(true)
})

test('a link inside static lesson text navigates client-side', async ({ page }) => {
  await page.goto('/where-they-hurt/vendor-lock-in/')
  await page.evaluate(() => ((window as unknown as { clientSide: boolean }).clientSide = true))
  const link = page.locator('[data-so] a[href="/where-they-hurt/cold-starts-and-connection-pooling/"]').first()
  await link.click()
  await expect(page).toHaveURL(new RegExp(`${LESSON}$`))
  await expect(page.getByText('sorry, too many clients already').first()).toBeVisible()
  expect(
    await page.evaluate(() => (window as unknown as { clientSide?: boolean }).clientSide),
    'no full page load',
  ).toBe(true)
})

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false })

  test('a lesson reads in full: prose, lists and highlighted code', async ({ page }) => {
    await page.goto(LESSON)
    await expect(page.locator('main h1, article h1').first()).toHaveText('Cold starts and connection pooling')
    await expect(page.getByText('sorry, too many clients already').first()).toBeVisible()
    await expect(page.locator('main li').filter({ hasText: 'Supavisor' }).first()).toBeVisible()
    // Code fences' tokens carry their colour as a class (lib/mdx/code-tokens.mjs): a keyword is the theme's red.
    const keyword = page.locator('pre code span.s1').first()
    await expect(keyword).toBeVisible()
    await expect(keyword).toHaveCSS('color', 'rgb(160, 17, 31)')
  })
})

test('tabs in a lesson switch by click and by arrow keys, with one panel shown at a time', async ({ page }) => {
  await page.goto(LESSON)
  const tablist = page.getByRole('tablist').filter({ hasText: 'Prisma 7 (current)' })
  const [current, older] = [tablist.getByRole('tab').nth(0), tablist.getByRole('tab').nth(1)]
  const olderPanel = page.locator('[role="tabpanel"]', { hasText: 'connection_limit=1' })
  const currentPanel = page.locator('[role="tabpanel"]', { hasText: 'PrismaPg' })
  await expect(current).toHaveAttribute('aria-selected', 'true')
  await expect(currentPanel).toBeVisible()
  await expect(olderPanel).toBeHidden()
  await older.click()
  await expect(older).toHaveAttribute('aria-selected', 'true')
  await expect(olderPanel).toBeVisible()
  await expect(currentPanel).toBeHidden()
  await expect(older).toHaveAttribute('aria-controls', (await olderPanel.getAttribute('id'))!)
  await page.keyboard.press('ArrowLeft')
  await expect(current).toHaveAttribute('aria-selected', 'true')
  await expect(current).toBeFocused()
  await expect(olderPanel).toBeHidden()
})
