/**
 * Time from clicking Run to the run summary, in headless Chromium (Playwright), on /playground/:
 * the first run on a fresh page (the worker and database may still be starting) and repeat runs,
 * for one request and for the "Burst of 50" preset (a repeat starts a reading pause after the previous
 * summary). Timed inside the page (performance.now() from
 * the click to the summary text), so Playwright's polling does not add to the figure.
 */
import { chromium, type Page } from 'playwright-core'
import { CHROMIUM_ARGS } from '../find-chromium.mjs'
import { log, median } from './util'

export interface LabTimingFigures {
  page: string
  single: { firstRunMs: number; repeatMedianMs: number; firstRuns: number[]; repeats: number[] }
  burst50: { firstRunMs: number; repeatMedianMs: number; firstRuns: number[]; repeats: number[] }
  summaries: { single: string; burst50: string }
  error?: string
}

const LAB = '[data-lab="playground"]'

/**
 * A reader looks at a result before running again, and the lab uses that time to reset the database for
 * the next run (lib/lab/README.md). Repeats clicked within milliseconds of the summary would time the
 * reset as well, which no reader waits for.
 */
export const READING_PAUSE_MS = 1000
const PRESETS = { single: 'One request', burst50: 'Burst of 50' } as const

async function openFresh(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await page.evaluate('localStorage.clear()')
  await page.reload()
  const root = page.locator(LAB)
  await root.scrollIntoViewIfNeeded()
  // Interactive: the editor is mounted and the lab has left its loading state.
  await root.locator('.cm-content').first().waitFor({ state: 'visible', timeout: 90_000 })
  await page.waitForFunction(
    `/^(idle|done|error)$/.test(document.querySelector(${JSON.stringify(LAB)})?.getAttribute('data-state') ?? '')`,
    undefined,
    { timeout: 90_000 },
  )
}

async function choosePreset(page: Page, preset: string): Promise<void> {
  await page.locator(LAB).getByLabel('Scenario').selectOption(preset)
}

/**
 * Clicks Run and resolves with the milliseconds until the summary shows the run's result. The page
 * script is a string: tsx (esbuild) would wrap named functions in a `__name` helper the page lacks.
 */
const TIMED_RUN = `(selector) => new Promise((resolve, reject) => {
  const root = document.querySelector(selector)
  const button = root.querySelector('[data-action="run"]')
  if (!button) return reject(new Error('no Run button'))
  let sawRunning = false
  let observer, timer
  const started = performance.now()
  const check = () => {
    const state = root.getAttribute('data-state') || ''
    if (state === 'running') sawRunning = true
    const summaryNode = root.querySelector('[data-testid="run-summary"]')
    const summary = summaryNode ? summaryNode.textContent : ''
    if (sawRunning && (state === 'done' || state === 'error') && summary.trim() !== '') {
      observer.disconnect()
      clearTimeout(timer)
      resolve({ ms: performance.now() - started, summary, state })
    }
  }
  observer = new MutationObserver(check)
  observer.observe(root, { attributes: true, childList: true, subtree: true, characterData: true })
  timer = setTimeout(() => { observer.disconnect(); reject(new Error('the run did not finish within 90 s')) }, 90000)
  button.click()
  check()
})`

async function timedRun(page: Page): Promise<{ ms: number; summary: string; state: string }> {
  return page.evaluate(`(${TIMED_RUN})(${JSON.stringify(LAB)})`) as Promise<{ ms: number; summary: string; state: string }>
}

export async function labTiming(
  origin: string,
  options: { runs: number; repeats: number; chromePath: string },
): Promise<LabTimingFigures> {
  const url = `${origin}/playground/`
  const browser = await chromium.launch({ executablePath: options.chromePath, args: CHROMIUM_ARGS, headless: true })
  const figures: LabTimingFigures = {
    page: '/playground/',
    single: { firstRunMs: NaN, repeatMedianMs: NaN, firstRuns: [], repeats: [] },
    burst50: { firstRunMs: NaN, repeatMedianMs: NaN, firstRuns: [], repeats: [] },
    summaries: { single: '', burst50: '' },
  }
  try {
    for (let runIndex = 0; runIndex < options.runs; runIndex++) {
      for (const kind of ['single', 'burst50'] as const) {
        log(`lab timing: ${PRESETS[kind]}, fresh page ${runIndex + 1}/${options.runs}`)
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
        const page = await context.newPage()
        try {
          await openFresh(page, url)
          await choosePreset(page, PRESETS[kind])
          const first = await timedRun(page)
          if (first.state !== 'done') throw new Error(`the ${PRESETS[kind]} run ended in "${first.state}": ${first.summary}`)
          figures[kind].firstRuns.push(Math.round(first.ms))
          figures.summaries[kind] = first.summary
          // Repeats on the first fresh page only: the worker and database are warm by then.
          if (runIndex === 0) {
            for (let repeat = 0; repeat < options.repeats; repeat++) {
              await page.waitForTimeout(READING_PAUSE_MS)
              figures[kind].repeats.push(Math.round((await timedRun(page)).ms))
            }
          }
        } finally {
          await context.close()
        }
      }
    }
  } catch (error) {
    figures.error = (error as Error).message
  } finally {
    await browser.close()
  }
  for (const kind of ['single', 'burst50'] as const) {
    figures[kind].firstRunMs = median(figures[kind].firstRuns)
    figures[kind].repeatMedianMs = median(figures[kind].repeats)
  }
  return figures
}
