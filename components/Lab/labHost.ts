/**
 * One engine host (one Web Worker with its database) for the whole page, shared by every lab on it,
 * created on first need. A new run, from any lab, cancels the run in flight: the worker does one
 * thing at a time and the newest request is the one the reader is waiting for.
 */
import type { WorkerPreload } from '@/lib/lab/host/protocol'
import type { LabError, RunInput, RunOutcome } from '@/lib/lab/types'

/** The part of `createLabHost()` (lib/lab/host) the UI uses. */
export interface LabHostApi {
  start(input: RunInput): Promise<RunOutcome>
  cancel(): void
  ready(): Promise<unknown>
  prepare(input: RunInput): void
}

export const CANCELLED = 'cancelled' as const

let hostPromise: Promise<LabHostApi> | undefined
let inFlight: object | null = null

export function getLabHost(): Promise<LabHostApi> {
  hostPromise ??= import('@/lib/lab/host').then((module) => module.createLabHost({ preload: pagePreloads() }))
  return hostPromise
}

/**
 * Runtimes this page's labs need beyond the engine, marked by their static markup (LabHeader): the
 * worker must load them before it locks down, and no other page downloads them.
 */
function pagePreloads(): WorkerPreload[] {
  return document.querySelector('[data-lab-preload~="prisma"]') ? ['prisma'] : []
}

/** Starts the worker and the database early (when a lab nears the viewport), so Run feels instant. */
export function warmUpLabHost(): void {
  getLabHost()
    .then((host) => host.ready())
    .catch(() => {
      // A failed warm-up shows up, with its message, on the first Run.
    })
}

/**
 * The files and scenario a lab has just loaded: the worker compiles them and resets its database
 * for them while the reader reads, so the first Run skips both. Only before the page's first run.
 */
export function prepareLabHost(input: () => RunInput): void {
  getLabHost()
    .then((host) => host.prepare(input()))
    .catch(() => {
      // Only a head start: the run does the same work itself.
    })
}

export async function runOnLabHost(input: RunInput): Promise<RunOutcome | typeof CANCELLED> {
  const host = await getLabHost()
  if (inFlight) host.cancel()
  const token = {}
  inFlight = token
  try {
    const outcome = await host.start(input)
    return inFlight === token ? outcome : CANCELLED
  } catch (error) {
    if (inFlight !== token) return CANCELLED
    // The host rejects when its watchdog stopped runaway code (kind 'timeout') or the worker died;
    // the next start() gets a fresh worker, so the reader can simply run again.
    const kind = (error as { kind?: LabError['kind'] })?.kind ?? 'runtime'
    return { ok: false, error: { kind, message: error instanceof Error ? error.message : String(error) }, console: [] }
  } finally {
    if (inFlight === token) inFlight = null
  }
}
