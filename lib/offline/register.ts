/**
 * The page side of offline use: registers the service worker (sw.ts), takes its updates at a safe point,
 * and answers the offline control (components/Offline/). Loaded after hydration (lib/site/reader-services.ts),
 * never in a page's first-load JS.
 *
 * It must never break the site: every step is guarded, and without a service worker (unsupported, failed
 * to register, removed by the reader) the pages load from the network exactly as they do without this file.
 *
 * Updates: a new deploy's worker installs and waits. The open page keeps its version (the old worker still
 * serves it), shows a notice with "Reload", and its next navigation is a full page load that the new worker
 * serves: the reader never runs new chunks under an old page or the reverse.
 */
import Router from 'next/router'
import type { OfflineRequest, OfflineStatus } from './protocol'
import { LAB_CACHE } from './protocol'
import { showUpdateNotice } from './updateNotice'

const SW_URL = '/sw.js'
/** Set when the reader removed the offline copy: the worker is not registered again until they ask. */
const OPT_OUT_KEY = 'course-offline:off'
/** How often an open page asks the server for a newer worker (besides every full page load). */
const UPDATE_CHECK_MS = 10 * 60 * 1000

export type OfflineState =
  | { kind: 'unsupported' }
  | { kind: 'off' }
  | { kind: 'starting' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; status: OfflineStatus }

let registration: ServiceWorkerRegistration | null = null
let state: OfflineState = { kind: 'starting' }
const listeners = new Set<() => void>()
let updateArmed = false
let lastUpdateCheck = 0

const supported = () => typeof navigator !== 'undefined' && 'serviceWorker' in navigator && window.isSecureContext

function optedOut(): boolean {
  try {
    return window.localStorage.getItem(OPT_OUT_KEY) === '1'
  } catch {
    return false
  }
}

function setOptOut(off: boolean) {
  try {
    if (off) window.localStorage.setItem(OPT_OUT_KEY, '1')
    else window.localStorage.removeItem(OPT_OUT_KEY)
  } catch {
    // Without storage the choice lasts for this page only.
  }
}

function setState(next: OfflineState) {
  state = next
  for (const listener of listeners) listener()
}

export const getOfflineState = () => state
export function subscribeOffline(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

function ask(worker: ServiceWorker, request: OfflineRequest, timeoutMs = 10_000): Promise<OfflineStatus> {
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel()
    const timer = setTimeout(() => reject(new Error('the service worker did not answer')), timeoutMs)
    channel.port1.onmessage = (event) => {
      clearTimeout(timer)
      resolve(event.data as OfflineStatus)
    }
    worker.postMessage(request, [channel.port2])
  })
}

/** Asks the active worker what it stores; the control shows the answer. */
export async function refreshOfflineStatus(): Promise<void> {
  if (!supported()) return setState({ kind: 'unsupported' })
  if (optedOut() && !registration) return setState({ kind: 'off' })
  try {
    const ready = registration ?? (await navigator.serviceWorker.getRegistration('/')) ?? null
    const active = ready?.active
    if (!active) return setState({ kind: 'starting' })
    setState({ kind: 'ready', status: await ask(active, { type: 'OFFLINE_STATUS' }) })
  } catch (error) {
    setState({ kind: 'failed', message: (error as Error).message })
  }
}

/** Downloads the lab engine now (the reader asked); resolves when it is stored or failed. */
export async function storeLabsOffline(): Promise<void> {
  const active = registration?.active
  if (!active) return
  const poll = setInterval(() => void refreshOfflineStatus(), 700)
  try {
    setState({ kind: 'ready', status: await ask(active, { type: 'CACHE_LAB' }, 10 * 60_000) })
  } finally {
    clearInterval(poll)
  }
}

/** Removes the offline copy: the worker and every cache it made; the site goes back to the network. */
export async function removeOfflineCopy(): Promise<void> {
  setOptOut(true)
  const registrations = await navigator.serviceWorker.getRegistrations()
  await Promise.all(registrations.map((each) => each.unregister()))
  registration = null
  const names = await caches.keys()
  await Promise.all(
    names.filter((name) => name === LAB_CACHE || name.startsWith('serwist-')).map((name) => caches.delete(name)),
  )
  setState({ kind: 'off' })
}

/** Turns offline use back on after a removal. */
export async function keepOffline(): Promise<void> {
  setOptOut(false)
  await register()
}

function whenActive(worker: ServiceWorker): Promise<void> {
  return new Promise((resolve) => {
    if (worker.state === 'activated') return resolve()
    worker.addEventListener('statechange', () => {
      if (worker.state === 'activated') resolve()
    })
  })
}

/** The safe point: the waiting worker takes over, then the page loads in full from it. */
async function takeUpdateAndGo(url: string) {
  const waiting = registration?.waiting
  if (waiting) {
    waiting.postMessage({ type: 'SKIP_WAITING' } satisfies OfflineRequest)
    await Promise.race([whenActive(waiting), new Promise((resolve) => setTimeout(resolve, 3000))])
  }
  window.location.assign(url)
}

/** Same-site page links: a full load instead of a client-side navigation, so old and new never mix. */
function onLinkClickWhileUpdating(event: MouseEvent) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return
  const link = (event.target as Element | null)?.closest?.('a[href]')
  if (!(link instanceof HTMLAnchorElement) || link.target || link.hasAttribute('download')) return
  const url = new URL(link.href)
  if (url.origin !== window.location.origin) return
  if (url.pathname === window.location.pathname && url.search === window.location.search) return
  // Capture phase on window: runs before React's and next/link's handlers, which never see the click.
  event.preventDefault()
  event.stopPropagation()
  void takeUpdateAndGo(url.href)
}

/** From now on, the next navigation is the safe point to take the new version. */
function armUpdate(reason: 'waiting' | 'taken-elsewhere') {
  if (updateArmed) return
  updateArmed = true
  window.addEventListener('click', onLinkClickWhileUpdating, true)
  // Navigations the router starts itself (search results, back and forward): load them in full as well.
  Router.events.on('routeChangeStart', (url: string) => void takeUpdateAndGo(url))
  showUpdateNotice(reason, () => void takeUpdateAndGo(window.location.href))
}

function watchForUpdates(current: ServiceWorkerRegistration) {
  const consider = () => {
    // A worker waiting while another one controls this page is a new deploy's.
    if (current.waiting && navigator.serviceWorker.controller) armUpdate('waiting')
  }
  consider()
  current.addEventListener('updatefound', () => {
    const installing = current.installing
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed') consider()
      if (installing.state === 'activated') void refreshOfflineStatus()
    })
  })
  let hadController = Boolean(navigator.serviceWorker.controller)
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // The first worker claiming this page is not an update; any later change came from another tab.
    if (hadController && !updateArmed) armUpdate('taken-elsewhere')
    hadController = true
    void refreshOfflineStatus()
  })
  const check = () => {
    if (Date.now() - lastUpdateCheck < UPDATE_CHECK_MS) return
    lastUpdateCheck = Date.now()
    current.update().catch(() => {}) // Offline, or the server is down: try again later.
  }
  Router.events.on('routeChangeComplete', check)
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check()
  })
}

async function register() {
  if (!supported()) return setState({ kind: 'unsupported' })
  try {
    registration = await navigator.serviceWorker.register(SW_URL, { scope: '/' })
    lastUpdateCheck = Date.now() // Registering checked for a new worker already.
    watchForUpdates(registration)
    const worker = registration.active ?? registration.waiting ?? registration.installing
    if (worker && worker !== registration.active) await whenActive(worker)
    await refreshOfflineStatus()
  } catch (error) {
    // The site keeps working from the network; the offline control explains.
    setState({ kind: 'failed', message: (error as Error).message })
  }
}

/** Called once per page load, after hydration, when the browser is idle. */
export function startOffline() {
  if (!supported()) return setState({ kind: 'unsupported' })
  if (optedOut()) return setState({ kind: 'off' })
  void register()
}
