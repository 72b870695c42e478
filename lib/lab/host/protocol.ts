/**
 * Messages between the page and the lab worker. Everything is structured-clone friendly.
 *
 * The page's first and only message on the worker's own channel is `connect`, which hands the
 * worker one end of a MessageChannel; everything else travels on that channel (create-worker.ts).
 * The worker keeps its end in a closure, so code running in the worker cannot post on it, and the
 * page drops anything that is not a well-formed FromWorker message (`isFromWorker`).
 */
import type { RunFailure, RunInput, RunOutcome } from '../types'

/** What the worker loads before its lockdown besides the engine: `prisma` on a page with a Prisma lab. */
export type WorkerPreload = 'prisma'

export type ConnectMessage = { type: 'connect'; preload?: WorkerPreload[] }

/** A step of the database's one-off start-up in the worker, for the reader waiting on a first run. */
export interface StartupStep {
  step: number
  steps: number
  /** What happens in this step, in a few lower-case words ("downloading Postgres"). */
  label: string
}

/** The database's start-up, in the order the worker reports it. */
export const STARTUP_STEPS = ['downloading Postgres', 'starting Postgres'] as const
export const FIRST_STARTUP_STEP: StartupStep = { step: 1, steps: STARTUP_STEPS.length, label: STARTUP_STEPS[0] }

/** What a run called off before it finished resolves with (`LabHost#cancel`), distinct from a `timeout`. */
export const CANCELLED_OUTCOME: RunFailure = {
  ok: false,
  error: {
    kind: 'cancelled',
    message: 'The run was cancelled: a newer run (in this lab or another one on the page) took its place.',
  },
  console: [],
}

export type ToWorker =
  | { type: 'ready' }
  /** The files a lab on the page will run: compile them and reset the database for them now. */
  | { type: 'expect-run'; input: RunInput }
  | { type: 'run'; id: number; input: RunInput }
  | { type: 'cancel'; id: number }
  | { type: 'ping'; seq: number }

export type FromWorker =
  | { type: 'ready'; ok: true }
  | { type: 'ready'; ok: false; message: string }
  | { type: 'result'; id: number; outcome: RunOutcome }
  | { type: 'crash'; id: number; message: string }
  | { type: 'pong'; seq: number }
  | { type: 'startup'; step: StartupStep }

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
    case 'startup':
      return (
        isRecord(data.step) &&
        isCount(data.step.step) &&
        isCount(data.step.steps) &&
        typeof data.step.label === 'string'
      )
    default:
      return false
  }
}
