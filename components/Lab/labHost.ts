/**
 * One engine host (one Web Worker with its database) for the whole page, shared by every lab on it,
 * created on first need. Which run is current is the host's business (a new run cancels the one in
 * flight, lib/lab/host/host.ts) and each lab's session's (it drops answers to runs it no longer
 * waits for, session/state.ts); nothing here keeps run state.
 */
import type { LabHost } from '@/lib/lab/host'
import type { WorkerPreload } from '@/lib/lab/host/protocol'
import type { LabError, RunInput, RunOutcome } from '@/lib/lab/types'

/** The host as the UI uses it: the type of `createLabHost()`, not a copy of it. */
export type LabHostApi = LabHost

let hostPromise: Promise<LabHostApi> | undefined

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
    .then((host) => host.warmUp())
    .catch(() => {
      // A failed warm-up shows up, with its message, on the first Run.
    })
}

/** Runs `input`, cancelling any run in flight on the page. Never rejects: every failure is a RunOutcome. */
export async function runOnLabHost(input: RunInput): Promise<RunOutcome> {
  try {
    return await (await getLabHost()).start(input)
  } catch (error) {
    // The host rejects when its watchdog stopped runaway code (kind 'timeout') or the worker died;
    // the next start() gets a fresh worker, so the reader can simply run again.
    const kind = (error as { kind?: LabError['kind'] })?.kind ?? 'runtime'
    return { ok: false, error: { kind, message: error instanceof Error ? error.message : String(error) }, console: [] }
  }
}
