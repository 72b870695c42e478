/**
 * The engine fixture of a test file: one engine (one PGlite) per file, started before its tests and
 * closed after them. Creating a database costs seconds; resetting it between runs, milliseconds.
 */
import { afterAll, beforeAll } from 'vitest'
import type { Engine } from '../engine'
import type { RunOutcome, RunResult } from '../types'
import { createTestEngine } from './node-database'

export function engineForTestFile(): Engine {
  const engine = createTestEngine()
  beforeAll(() => engine.ready())
  afterAll(() => engine.close())
  return engine
}

/** The run's result, or a thrown error naming why the run failed. */
export function ok(outcome: RunOutcome): RunResult {
  if (!outcome.ok) throw new Error(`run failed: ${outcome.error.kind}: ${outcome.error.message}`)
  return outcome
}
