/**
 * The Markdown side of the export (lib/markdown/, scripts/export-markdown.ts): a Markdown copy of every
 * page in the sidebar with its labs' files, llms.txt whose links all resolve, llms-full.txt, and the
 * "View as Markdown" / "Copy page as Markdown" actions above each page.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { findLabs } from '../../lib/content/mdx-scan'
import { readSite } from '../../lib/content/site-pages'
import { loadExample } from '../../lib/examples/load'
import { expect, expectNoSeriousA11yViolations, test } from './fixtures'

const OUT = 'out'
const LESSON = '/where-they-hurt/cold-starts-and-connection-pooling/'

async function sidebarRoutes(page: Page): Promise<string[]> {
  await page.goto('/')
  const targets = await page
    .locator('aside .nextra-menu-desktop')
    .locator('a[href^="/"], button[data-href]')
    .evaluateAll((elements) =>
      elements.map((element) => element.getAttribute('href') ?? element.getAttribute('data-href') ?? ''),
    )
  return [...new Set(targets.map((target) => (target.endsWith('/') ? target : `${target}/`)))].sort()
}

/** The Markdown without its code blocks and inline code, where `import` and `<Lab` are only examples. */
const proseOf = (markdown: string) => markdown.replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1$/gm, '').replace(/`[^`\n]*`/g, '')

/** Markdown escapes brackets in text (`[id]` becomes `\[id]`); compare titles as a reader sees them. */
const unescaped = (markdown: string) => markdown.replace(/\\([[\]])/g, '$1')

const markdownPath = (route: string) => join(OUT, route, 'index.md')

test('every page in the sidebar has its Markdown in out/, at <page>/index.md and <page>.md', async ({ page }) => {
  const routes = await sidebarRoutes(page)
  expect(routes.length).toBeGreaterThanOrEqual(17)
  for (const route of routes) {
    expect(existsSync(markdownPath(route)), `${markdownPath(route)}`).toBe(true)
    const markdown = readFileSync(markdownPath(route), 'utf8')
    expect(markdown, `${route} starts with its title`).toMatch(/^# \S/)
    expect(proseOf(markdown), `${route} has no MDX left in it`).not.toMatch(
      /^(import|export) |<(Lab|Callout|Tabs|Cards|DecisionTree)\b|\{\/\*/m,
    )
    if (route !== '/') expect(readFileSync(join(OUT, `${route.slice(1, -1)}.md`), 'utf8')).toBe(markdown)
  }
})

test("each page's Markdown holds every file of each of its labs, in fenced code blocks", async () => {
  const site = await readSite('.')
  let labs = 0
  for (const sitePage of site.pages.filter((candidate) => candidate.route !== '/404/')) {
    const markdown = readFileSync(markdownPath(sitePage.route), 'utf8')
    for (const { example: id } of findLabs(sitePage.source)) {
      if (!id) continue
      labs++
      const example = await loadExample(id)
      expect(unescaped(markdown), `${sitePage.route}: the lab ${id}`).toContain(
        `**Lab: ${example.meta.title}** (example \`${id}\`)`,
      )
      for (const [path, code] of Object.entries(example.files)) {
        // The file's label, then a fence, then its code as it is on disk.
        const at = markdown.indexOf(`\`${path}\``, markdown.indexOf(`(example \`${id}\`)`))
        expect(at, `${sitePage.route}: ${id}/${path}`).toBeGreaterThan(0)
        expect(markdown.slice(at), `${sitePage.route}: ${id}/${path}`).toMatch(/^`[^`]+`[^\n]*:\n\n```/)
        expect(markdown, `${sitePage.route}: ${id}/${path}`).toContain(code.trimEnd())
      }
      for (const preset of example.meta.presets) expect(unescaped(markdown)).toContain(`**${preset.name}**`)
    }
  }
  expect(labs, 'labs found in the pages').toBeGreaterThanOrEqual(31)
})

test('llms.txt links resolve to Markdown files, and llms-full.txt has the whole course', async ({ request }) => {
  const index = await request.get('/llms.txt')
  expect(index.status()).toBe(200)
  expect(index.headers()['content-type']).toMatch(/^text\/plain/)
  const text = await index.text()
  expect(text).toMatch(/^# Robust APIs with Next\.js\n\n> \S/)
  const links = [...text.matchAll(/\]\((\/[^)\s]*)\)/g)].map((match) => match[1])
  expect(links.length).toBeGreaterThanOrEqual(18)
  for (const link of links) {
    const response = await request.get(link)
    expect(response.status(), link).toBe(200)
    expect(response.headers()['content-type'], link).toMatch(link.endsWith('.md') ? /^text\/markdown/ : /^text\/plain/)
  }
  const full = await (await request.get('/llms-full.txt')).text()
  for (const link of links.filter((candidate) => candidate.endsWith('.md'))) {
    const title = readFileSync(join(OUT, link), 'utf8').split('\n')[0]
    expect(full, link).toContain(`\n${title}\n`)
  }
})

test('"View as Markdown" opens the page\'s Markdown', async ({ page }) => {
  await page.goto(LESSON)
  const view = page.getByRole('link', { name: 'View as Markdown' })
  await expect(view).toHaveAttribute('href', `${LESSON}index.md`)
  await expect(page.locator('head link[rel="alternate"][type="text/markdown"]')).toHaveAttribute(
    'href',
    `${LESSON}index.md`,
  )
  await view.focus()
  const [response] = await Promise.all([page.waitForResponse(`**${LESSON}index.md`), page.keyboard.press('Enter')])
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toMatch(/^text\/markdown/)
  await expect(page).toHaveURL(new RegExp(`${LESSON}index\\.md$`))
  await expect(page.locator('body')).toContainText('# Cold starts and connection pooling')
})

test('"Copy page as Markdown" copies the Markdown, from the keyboard, and says so', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto(LESSON)
  const copy = page.getByRole('button', { name: 'Copy page as Markdown' })
  await expect(copy).toBeVisible()
  await copy.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('status').filter({ hasText: 'Copied.' })).toBeVisible()
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(copied).toBe(readFileSync(markdownPath(LESSON), 'utf8'))
  await expectNoSeriousA11yViolations(page, { include: '[data-page-markdown]' })
})

test('"Copy page as Markdown" explains a failure and points to the link', async ({ page, context, problems }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  problems.allowConsoleError(/404|Failed to load resource/)
  await page.route(`**${LESSON}index.md`, (route) => route.fulfill({ status: 404, body: 'missing' }))
  await page.goto(LESSON)
  await page.getByRole('button', { name: 'Copy page as Markdown' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Could not copy' })).toHaveText(
    'Could not copy (the Markdown file answered 404). Use “View as Markdown” and copy it from there.',
  )
})

test('the 404 page has no Markdown actions', async ({ page, problems }) => {
  problems.allowConsoleError(/404|Failed to load resource/)
  await page.goto('/no-such-page/')
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/not found/i)
  await expect(page.locator('[data-page-markdown]')).toHaveCount(0)
})
