/**
 * Where the first Run on arrival spends its time, lab by lab: the same press as lab-arrival.ts,
 * with a timeline of what happened between the page's start and the summary (all in ms from the
 * navigation's start):
 * - the page: DOMContentLoaded and load; the press; the summary;
 * - every download the lab needs (the lab's chunks, the worker's entry and engine chunks, PGlite's
 *   WebAssembly and file-system bundle, the database snapshot), start and end;
 * - every message between the page and the lab worker (`ready`, `startup`, `expect-run`, `run`,
 *   `result`), read off the page's MessagePort.
 * Then the same for a repeat pressed at once, and for live repeats pressed at once once the database
 * is open (a repeat during start-up may show the build's recording). A tool for finding the slow
 * step, not a figure for the README (that is `npm run bench`'s job).
 *
 *   npx tsx scripts/bench/lab-profile.ts [--out out] [--labs a,b,c] [--json]
 */
import { resolve } from 'node:path'
import { chromium, type Request } from 'playwright-core'
import { CHROMIUM_ARGS, findChromium } from '../find-chromium.mjs'
import { INSTALL_TIMED_PRESS, labsOf, scrollToRun, timedPress } from './lab-arrival'
import { serve } from './util'

/** Records the lab worker's messages, both ways, with their time (page's performance clock). */
const RECORD_MESSAGES = `(() => {
  const log = (window.__labMessages = [])
  const post = MessagePort.prototype.postMessage
  MessagePort.prototype.postMessage = function (message, ...rest) {
    if (message && typeof message.type === 'string') log.push({ t: performance.now(), dir: 'to worker', type: message.type })
    return post.call(this, message, ...rest)
  }
  const descriptor = Object.getOwnPropertyDescriptor(MessagePort.prototype, 'onmessage')
  Object.defineProperty(MessagePort.prototype, 'onmessage', {
    configurable: true,
    get() { return descriptor.get.call(this) },
    set(handler) {
      descriptor.set.call(this, handler && function (event) {
        const data = event.data
        if (data && typeof data.type === 'string' && data.type !== 'pong') {
          log.push({ t: performance.now(), dir: 'from worker', type: data.type + (data.step ? ' ' + data.step.label : '') })
        }
        return handler.call(this, event)
      })
    },
  })
})()`

interface Event {
  t: number
  what: string
}

function kindOf(url: string): string | null {
  const name = url.split('/').pop() ?? ''
  if (/\.pgdata$/.test(name)) return 'snapshot'
  if (/pglite.*\.wasm$|\.wasm$/.test(name)) return 'pglite.wasm'
  if (/pglite.*\.data$|\.data$/.test(name)) return 'pglite.data'
  if (/\.js$/.test(name) && url.includes('/_next/static/')) return `chunk ${name}`
  return null
}

async function main() {
  const value = (name: string) => {
    const at = process.argv.indexOf(`--${name}`)
    return at === -1 ? undefined : process.argv[at + 1]
  }
  const out = resolve(value('out') ?? 'out')
  const only = value('labs')?.split(',')
  const found = findChromium()
  if (!found) throw new Error('no Chromium found')
  const labs = labsOf(out).filter((lab) => !only || only.includes(lab.lab))
  const site = await serve(out)
  const browser = await chromium.launch({ executablePath: found.executablePath, args: CHROMIUM_ARGS, headless: true })
  const all: Array<{ lab: string; events: Event[] }> = []
  try {
    for (const { lab, path } of labs) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
      const requests: Array<{ request: Request; kind: string }> = []
      context.on('request', (request) => {
        const kind = kindOf(request.url())
        if (kind) requests.push({ request, kind })
      })
      await context.addInitScript(RECORD_MESSAGES)
      await context.addInitScript(INSTALL_TIMED_PRESS)
      const page = await context.newPage()
      await page.goto(site.origin + path, { waitUntil: 'load' })
      await scrollToRun(page, lab)
      const pressed = async () => {
        const press = await timedPress(page, lab)
        return { pressed: press.pressedAt, shown: press.pressedAt + press.ms, recorded: press.recorded }
      }
      const first = await pressed()
      const repeat = await pressed()
      // Until a run is the live engine's (the database open), then repeats at once, all live.
      for (let last = repeat; last.recorded; last = await pressed()) await page.waitForTimeout(250)
      const live: Array<Awaited<ReturnType<typeof pressed>>> = []
      for (let index = 0; index < 3; index++) live.push(await pressed())
      const page_ = (await page.evaluate(`(() => {
        const nav = performance.getEntriesByType('navigation')[0]
        return { origin: performance.timeOrigin, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, messages: window.__labMessages }
      })()`)) as { origin: number; dcl: number; load: number; messages: Array<{ t: number; dir: string; type: string }> }
      const events: Event[] = [
        { t: page_.dcl, what: 'DOMContentLoaded' },
        { t: page_.load, what: 'load' },
        { t: first.pressed, what: 'FIRST RUN pressed' },
        { t: first.shown, what: `FIRST RUN summary shown (${Math.round(first.shown - first.pressed)} ms)` },
        { t: repeat.pressed, what: 'REPEAT pressed' },
        { t: repeat.shown, what: `REPEAT summary shown (${Math.round(repeat.shown - repeat.pressed)} ms)` },
        ...live.flatMap((press) => [
          { t: press.pressed, what: 'LIVE REPEAT pressed' },
          { t: press.shown, what: `LIVE REPEAT summary shown (${Math.round(press.shown - press.pressed)} ms)` },
        ]),
        ...page_.messages.map((m) => ({ t: m.t, what: `${m.dir}: ${m.type}` })),
      ]
      for (const { request, kind } of requests) {
        const timing = request.timing()
        if (timing.startTime <= 0) continue
        const start = timing.startTime - page_.origin
        const end = timing.responseEnd >= 0 ? start + timing.responseEnd : NaN
        events.push({ t: start, what: `${kind} requested` })
        if (Number.isFinite(end)) events.push({ t: end, what: `${kind} downloaded` })
      }
      events.sort((a, b) => a.t - b.t)
      all.push({ lab, events })
      if (!process.argv.includes('--json')) {
        process.stdout.write(`\n${lab} (${path})\n`)
        for (const event of events) process.stdout.write(`  ${String(Math.round(event.t)).padStart(6)}  ${event.what}\n`)
      }
      await context.close()
    }
  } finally {
    await browser.close()
    await site.close()
  }
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(all, null, 2)}\n`)
}

main().catch((error: Error) => {
  console.error(`lab profile failed: ${error.message}`)
  process.exit(1)
})
