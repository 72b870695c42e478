/** Messages between the page and the lab worker. Everything is structured-clone friendly. */
import type { RunInput, RunOutcome } from '../types'

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
