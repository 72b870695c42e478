/**
 * Messages between the page and the lab worker. Everything is structured-clone friendly.
 *
 * The page's first and only message on the worker's own channel is `connect`, which hands the
 * worker one end of a MessageChannel; everything else travels on that channel (create-worker.ts).
 * The worker keeps its end in a closure, so code running in the worker cannot post on it, and the
 * page drops anything that is not a well-formed FromWorker message (`isFromWorker`).
 */
import type { RunInput, RunOutcome } from '../types'

/** What the worker loads before its lockdown besides the engine: `prisma` on a page with a Prisma lab. */
export type WorkerPreload = 'prisma'

export type ConnectMessage = { type: 'connect'; preload?: WorkerPreload[] }

export type ToWorker =
  | { type: 'ready' }
  /** The files a lab on the page will run: compile them and reset the database for them now. */
  | { type: 'prepare'; input: RunInput }
  | { type: 'run'; id: number; input: RunInput }
  | { type: 'cancel'; id: number }
  | { type: 'ping'; seq: number }

export type FromWorker =
  | { type: 'ready'; ok: true }
  | { type: 'ready'; ok: false; message: string }
  | { type: 'result'; id: number; outcome: RunOutcome }
  | { type: 'crash'; id: number; message: string }
  | { type: 'pong'; seq: number }

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0

/** A RunOutcome as the engine builds it: a result with its summary and requests, or a failure with its error. */
function isOutcome(value: unknown): value is RunOutcome {
  if (!isRecord(value) || !Array.isArray(value.console)) return false
  if (value.ok === true) return isRecord(value.summary) && Array.isArray(value.requests)
  return value.ok === false && isRecord(value.error) && typeof value.error.message === 'string'
}

/** True only for a message of the shape FromWorker describes; the host ignores anything else. */
export function isFromWorker(data: unknown): data is FromWorker {
  if (!isRecord(data)) return false
  switch (data.type) {
    case 'ready':
      return data.ok === true || (data.ok === false && typeof data.message === 'string')
    case 'result':
      return isCount(data.id) && isOutcome(data.outcome)
    case 'crash':
      return isCount(data.id) && typeof data.message === 'string'
    case 'pong':
      return isCount(data.seq)
    default:
      return false
  }
}
