/**
 * What a reader who goes straight to a lab waits for, over every lab of the course, in headless
 * Chromium:
 * - first Run on arrival: a fresh browser context (no cache, no worker) opens the lab's page at the
 *   anchor of the heading just above the lab, and Run is pressed the moment the page has loaded
 *   (in the static lab if the interactive one is not there yet; the hand-off carries it over);
 * - repeat at once: Run pressed again the moment the summary shows, `REPEATS` times per lab. While
 *   the page's database still starts, a repeat of the unedited example shows the build's recording
 *   too (components/Lab/session/recordedRun.ts), confirmed by the live run of the same input;
 * - then the live engine: once the database has opened (a Run that is not the recording), `REPEATS`
 *   more repeats at once, all live. Their summary is the one the first Run's is compared with.
 * Each figure is the time from the press to the run's summary, timed inside the page
 * (performance.now()), so Playwright's polling adds nothing. Medians over all labs.
 *
 *   npx tsx scripts/bench/lab-arrival.ts [--out out] [--compare DIR]   one export, or two in one run
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'
import { CHROMIUM_ARGS, findChromium } from '../find-chromium.mjs'
import { log, median, serve } from './util'

export interface LabArrivalFigures {
  labs: number
  firstRunMedianMs: number
  repeatMedianMs: number
  /** The first repeat of each lab alone: after a recorded first Run it may wait for the database to open. */
  firstRepeatMedianMs: number
  /** Repeats at once answered by the live engine, the database open (after the repeats above). */
  liveRepeatMedianMs: number
  /** Labs whose first Run showed the build's recorded run (components/Lab/session/recordedRun.ts). */
  recordedFirstRuns: number
  /** Of all the repeats at once (`repeatsMs`), how many showed the build's recording. */
  recordedRepeats: number
  /** Labs whose first Run's summary is the live engine's (a recorded run must agree with the engine). */
  summariesAgree: number
  perLab: Array<{
    lab: string
    url: string
    firstRunMs: number
    repeatsMs: number[]
    /** Per repeat: whether it showed the recording. */
    repeatsRecorded: boolean[]
    liveRepeatsMs: number[]
    summary: string
    recorded: boolean
    /** The summary of a run known to be live (the database open, not the recording). */
    repeatSummary: string
  }>
  error?: string
}

const REPEATS = 3
/** How long a lab may take to open its database before the bench gives up on a live run. */
const LIVE_WITHIN_MS = 90_000

/** Every lab of the export: its page, and the anchor of the heading right above it (if any). */
export function labsOf(out: string): Array<{ lab: string; path: string }> {
  const labs: Array<{ lab: string; path: string }> = []
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = join(dir, name)
      if (statSync(file).isDirectory()) walk(file)
      else if (name === 'index.html') {
        const html = readFileSync(file, 'utf8')
        const page = `/${relative(out, dir)}/`.replace(/\/+/g, '/')
        let anchor = ''
        const pattern = /<h[23][^>]*\sid="([^"]+)"|data-lab="([^"]+)"/g
        for (const match of html.matchAll(pattern)) {
          if (match[1]) anchor = match[1]
          else if (match[2] && !labs.some((lab) => lab.lab === match[2])) {
            labs.push({ lab: match[2], path: anchor ? `${page}#${anchor}` : page })
          }
        }
      }
    }
  }
  walk(out)
  return labs.sort((a, b) => a.path.localeCompare(b.path))
}

/**
 * Presses the given button and resolves with the ms until the lab's summary shows a finished run.
 * A string: tsx (esbuild) would wrap named functions in a `__name` helper the page lacks. It is
 * installed on the page as `window.__labTimedPress` (INSTALL_TIMED_PRESS) and called from a plain
 * arrow function: Playwright's `evaluate` of a string does not call the function the string
 * describes, it returns undefined.
 */
const TIMED_PRESS = `(lab) => new Promise((resolve, reject) => {
  // Found at the moment of the press: the static lab's button is replaced by the interactive lab's.
  const root = document.querySelector('[data-lab="' + lab + '"]')
  const button = root && [...root.querySelectorAll('button')].find((b) => b.getAttribute('data-action') === 'run')
  if (!button) return reject(new Error('no Run button in lab ' + lab))
  let sawRunning = false
  let observer, timer
  const recordedMarks = () => performance.getEntriesByName('lab-recorded-run').filter((m) => m.detail === lab).length
  const recordedBefore = recordedMarks()
  const started = performance.now()
  const check = () => {
    const state = root.getAttribute('data-state') || ''
    if (state === 'running' || state === 'loading') sawRunning = true
    const summaryNode = root.querySelector('[data-testid="run-summary"]')
    const summary = summaryNode ? summaryNode.textContent.trim() : ''
    if (sawRunning && (state === 'done' || state === 'error') && summary !== '') {
      observer.disconnect()
      clearTimeout(timer)
      const ms = performance.now() - started
      resolve({ ms, pressedAt: started, summary, state, recorded: recordedMarks() > recordedBefore })
    }
  }
  // Any change of data-state after the press is the run under way, even if 'running' and 'done'
  // arrive in one batch of mutations.
  observer = new MutationObserver((records) => {
    if (records.some((record) => record.target === root && record.attributeName === 'data-state')) sawRunning = true
    check()
  })
  observer.observe(root, { attributes: true, childList: true, subtree: true, characterData: true })
  timer = setTimeout(() => { observer.disconnect(); reject(new Error('the run did not finish within 90 s')) }, 90000)
  button.click()
})`

export const INSTALL_TIMED_PRESS = `window.__labTimedPress = ${TIMED_PRESS}`

export interface TimedPress {
  ms: number
  /** performance.now() in the page when the button was pressed. */
  pressedAt: number
  summary: string
  state: string
  /** The run showed the build's recording (its 'lab-recorded-run' mark), not a live answer. */
  recorded: boolean
}

/**
 * Brings the lab's Run button into view if it is not (a page opened at an anchor usually shows it
 * already). In one step inside the page: the static lab may be swapped for the interactive one at
 * any moment, and a Playwright locator action on the static button would fail on a detached node.
 */
export async function scrollToRun(page: Page, lab: string): Promise<void> {
  await page.evaluate((id) => {
    const button = document.querySelector(`[data-lab="${id}"] [data-action="run"]`) as
      | (HTMLElement & { scrollIntoViewIfNeeded?: () => void })
      | null
    button?.scrollIntoViewIfNeeded?.()
  }, lab)
}

export async function timedPress(page: Page, lab: string): Promise<TimedPress> {
  const press = await page.evaluate(
    (id) => (window as unknown as { __labTimedPress: (lab: string) => unknown }).__labTimedPress(id),
    lab,
  )
  if (!press) throw new Error('the timed press returned nothing (was INSTALL_TIMED_PRESS run on the page?)')
  return press as TimedPress
}

/**
 * A run known to be the live engine's: `last` if it was, otherwise Run pressed again (untimed) once
 * the shown recording's live run has answered, until one is not the recording (the database open).
 */
async function liveRun(page: Page, lab: string, last: TimedPress): Promise<TimedPress> {
  const deadline = Date.now() + LIVE_WITHIN_MS
  let press = last
  while (press.recorded) {
    if (Date.now() > deadline) throw new Error(`${lab}: no live run within ${LIVE_WITHIN_MS / 1000} s`)
    await page.waitForTimeout(250)
    press = await timedPress(page, lab)
  }
  return press
}

export async function labArrival(
  origin: string,
  labs: Array<{ lab: string; path: string }>,
  browser: Browser,
): Promise<LabArrivalFigures> {
  const figures: LabArrivalFigures = {
    labs: labs.length,
    firstRunMedianMs: NaN,
    repeatMedianMs: NaN,
    firstRepeatMedianMs: NaN,
    liveRepeatMedianMs: NaN,
    recordedFirstRuns: 0,
    recordedRepeats: 0,
    summariesAgree: 0,
    perLab: [],
  }
  try {
    for (const [index, { lab, path }] of labs.entries()) {
      log(`lab arrival: ${lab} (${index + 1}/${labs.length})`)
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
      await context.addInitScript(INSTALL_TIMED_PRESS)
      try {
        const page = await context.newPage()
        await page.goto(origin + path, { waitUntil: 'load' })
        await scrollToRun(page, lab)
        const first = await timedPress(page, lab)
        const repeats: TimedPress[] = []
        for (let repeat = 0; repeat < REPEATS; repeat++) repeats.push(await timedPress(page, lab))
        const live = await liveRun(page, lab, repeats.at(-1)!)
        const liveRepeatsMs: number[] = []
        for (let repeat = 0; repeat < REPEATS; repeat++) {
          const press = await timedPress(page, lab)
          if (press.recorded) throw new Error(`${lab}: a run after the live one showed the recording`)
          liveRepeatsMs.push(Math.round(press.ms))
        }
        figures.perLab.push({
          lab,
          url: path,
          firstRunMs: Math.round(first.ms),
          repeatsMs: repeats.map((press) => Math.round(press.ms)),
          repeatsRecorded: repeats.map((press) => press.recorded),
          liveRepeatsMs,
          summary: first.summary,
          recorded: first.recorded,
          repeatSummary: live.summary,
        })
      } finally {
        await context.close()
      }
    }
  } catch (error) {
    figures.error = (error as Error).message
  }
  figures.firstRunMedianMs = median(figures.perLab.map((row) => row.firstRunMs))
  figures.repeatMedianMs = median(figures.perLab.flatMap((row) => row.repeatsMs))
  figures.firstRepeatMedianMs = median(figures.perLab.map((row) => row.repeatsMs[0]))
  figures.liveRepeatMedianMs = median(figures.perLab.flatMap((row) => row.liveRepeatsMs))
  figures.recordedFirstRuns = figures.perLab.filter((row) => row.recorded).length
  figures.recordedRepeats = figures.perLab.flatMap((row) => row.repeatsRecorded).filter(Boolean).length
  figures.summariesAgree = figures.perLab.filter((row) => row.summary === row.repeatSummary).length
  return figures
}

/** `npm run bench` calls this on its export; the CLI below measures one or two exports in one run. */
export async function labArrivalOf(out: string, origin: string, chromePath: string): Promise<LabArrivalFigures> {
  const browser = await chromium.launch({ executablePath: chromePath, args: CHROMIUM_ARGS, headless: true })
  try {
    return await labArrival(origin, labsOf(out), browser)
  } finally {
    await browser.close()
  }
}

async function cli() {
  const value = (name: string) => {
    const at = process.argv.indexOf(`--${name}`)
    return at === -1 ? undefined : process.argv[at + 1]
  }
  const outs = [resolve(value('out') ?? 'out'), ...(value('compare') ? [resolve(value('compare')!)] : [])]
  const found = findChromium()
  if (!found) throw new Error('no Chromium found (see README: Browser tests and Chromium)')
  const results: Record<string, LabArrivalFigures> = {}
  for (const out of outs) {
    const site = await serve(out)
    try {
      results[out] = await labArrivalOf(out, site.origin, found.executablePath)
    } finally {
      await site.close()
    }
  }
  for (const [out, figures] of Object.entries(results)) {
    process.stdout.write(
      `${out}: ${figures.labs} labs, first Run on arrival ${Math.round(figures.firstRunMedianMs)} ms (median), ` +
        `repeat at once ${Math.round(figures.repeatMedianMs)} ms (median; the first repeat ${Math.round(figures.firstRepeatMedianMs)} ms; ` +
        `${figures.recordedRepeats} of ${figures.perLab.length * REPEATS} repeats recorded), ` +
        `live repeat at once ${Math.round(figures.liveRepeatMedianMs)} ms (median, the database open), ` +
        `${figures.recordedFirstRuns} first Runs recorded, ${figures.summariesAgree} first summaries equal to the live engine's` +
        `${figures.error ? `; incomplete: ${figures.error}` : ''}\n`,
    )
  }
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  cli().catch((error: Error) => {
    console.error(`lab arrival bench failed: ${error.message}`)
    process.exit(1)
  })
}
