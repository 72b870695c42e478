/**
 * Code that fits (components/Lab/CodeFit/): at 1280 px, no file of any example overflows the editor
 * with soft wrap on, nor in the focus view; the wrap choice is remembered, survives storage that
 * refuses it, and the focus view is keyboard-operable and gives the page back as it was.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { Locator } from '@playwright/test'
import { expect, expectNoSeriousA11yViolations, openLab, test } from './fixtures'

test.setTimeout(120_000)
test.use({ viewport: { width: 1280, height: 800 } })

/** The first page of the static export that embeds each example. */
function firstPageByExample(dir = 'out', found = new Map<string, string>()): Map<string, string> {
  for (const entry of readdirSync(dir).sort()) {
    const full = join(dir, entry)
    if (entry === '_next') continue
    if (statSync(full).isDirectory()) firstPageByExample(full, found)
    else if (entry === 'index.html') {
      for (const [, id] of readFileSync(full, 'utf8').matchAll(/data-lab="([^"]+)"/g)) {
        if (!found.has(id)) found.set(id, `/${relative('out', dir)}/`.replace(/\/+/g, '/'))
      }
    }
  }
  return found
}

/**
 * How far the open file's longest line overflows its editor, in px (0: it fits). CodeMirror draws
 * only the lines near the viewport, so the editor is scrolled top to bottom and the widest is kept.
 * A read-only file is a static <pre> in the panel itself (Sandpack), so the panel is measured too.
 */
async function overflowOfOpenFile(lab: Locator): Promise<number> {
  const panel = lab.getByRole('tabpanel').first()
  await expect(panel.locator('.cm-content, pre').first()).toBeVisible()
  return panel.evaluate(async (panel) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
    const scroller = panel.querySelector<HTMLElement>('.cm-scroller') ?? panel
    let worst = 0
    for (let top = 0; top < 100_000; top += Math.max(scroller.clientHeight, 1)) {
      scroller.scrollTop = top
      await frame()
      worst = Math.max(worst, scroller.scrollWidth - scroller.clientWidth, panel.scrollWidth - panel.clientWidth)
      if (top + scroller.clientHeight >= scroller.scrollHeight) break
    }
    scroller.scrollTop = 0
    return worst
  })
}

/** `{ file: px }` for every file tab whose code overflows. */
async function overflowingFiles(lab: Locator): Promise<Record<string, number>> {
  const tabs = lab.getByRole('tablist', { name: 'Files' }).getByRole('tab')
  const found: Record<string, number> = {}
  for (let i = 0; i < (await tabs.count()); i++) {
    const tab = tabs.nth(i)
    await tab.click()
    await expect(tab).toHaveAttribute('aria-selected', 'true')
    const px = await overflowOfOpenFile(lab)
    if (px > 1) found[(await tab.getAttribute('title')) ?? String(i)] = px
  }
  return found
}

for (const [id, path] of firstPageByExample()) {
  test(`${id}: no file overflows the editor at 1280 px, with soft wrap on or in the focus view`, async ({ page }) => {
    const lab = await openLab(page, id, { path: path })
    const wrap = lab.getByRole('button', { name: 'Wrap lines' })
    await wrap.click()
    await expect(wrap).toHaveAttribute('aria-pressed', 'true')
    await expect(lab.locator('.cm-lineWrapping').first()).toBeVisible()
    expect(await overflowingFiles(lab), 'files that overflow with soft wrap on').toEqual({})

    await wrap.click()
    await expect(wrap).toHaveAttribute('aria-pressed', 'false')
    const focus = lab.getByRole('button', { name: 'Focus view' })
    await focus.click()
    await expect(lab).toHaveAttribute('data-focused', '')
    expect(await overflowingFiles(lab), 'files that overflow in the focus view').toEqual({})
  })
}

test.describe('the controls', () => {
  const PAGE = '/where-they-hurt/serverless-database-limits/'
  const ID = 'limits-long-transaction'

  test('the wrap choice is remembered across a reload and shared by every lab of the page', async ({ page }) => {
    let lab = await openLab(page, ID, { path: PAGE })
    await lab.getByRole('button', { name: 'Wrap lines' }).click()
    await page.reload()
    lab = await openLab(page, ID, { path: PAGE })
    await expect(lab.getByRole('button', { name: 'Wrap lines' })).toHaveAttribute('aria-pressed', 'true')
    await expect(lab.locator('.cm-lineWrapping').first()).toBeVisible()
    const other = await openLab(page, 'limits-close-month-exercise', { path: PAGE })
    await expect(other.getByRole('button', { name: 'Wrap lines' })).toHaveAttribute('aria-pressed', 'true')
  })

  test('storage that refuses writes: the toggle still works and says the choice will not be kept', async ({ page }) => {
    await page.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      }
    })
    const lab = await openLab(page, ID, { path: PAGE })
    const wrap = lab.getByRole('button', { name: 'Wrap lines' })
    await wrap.click()
    await expect(wrap).toHaveAttribute('aria-pressed', 'true')
    await expect(lab.locator('.cm-lineWrapping').first()).toBeVisible()
    await expect(wrap).toHaveAttribute('title', /not keeping the choice/)
  })

  test('the focus view opens and closes from the keyboard, keeps Tab inside the lab, and gives the page back', async ({
    page,
  }) => {
    const lab = await openLab(page, ID, { path: PAGE })
    const focus = lab.getByRole('button', { name: 'Focus view' })
    await focus.focus()
    await page.keyboard.press('Enter')
    await expect(focus).toHaveAttribute('aria-pressed', 'true')
    const box = await lab.boundingBox()
    expect(box).toMatchObject({ x: 0, y: 0, width: 1280, height: 800 })
    // The rest of the page is inert: Tab never leaves the lab.
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab')
      expect(await page.evaluate((id) => !!document.activeElement?.closest(`[data-lab="${id}"]`), ID)).toBe(true)
    }
    await expectNoSeriousA11yViolations(page, { include: `[data-lab="${ID}"]` })
    await focus.focus()
    await page.keyboard.press('Escape')
    await expect(focus).toHaveAttribute('aria-pressed', 'false')
    await expect(lab).not.toHaveAttribute('data-focused')
    await expect(focus).toBeFocused()
    expect(await page.evaluate(() => document.querySelectorAll('[inert]').length)).toBe(0)
    expect((await lab.boundingBox())!.width).toBeLessThan(800)
  })
})
