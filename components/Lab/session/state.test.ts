import { describe, expect, it } from 'vitest'
import { CANCELLED_OUTCOME } from '@/lib/lab/host/protocol'
import type { RunOutcome } from '@/lib/lab/types'
import { createLabSession, initialSessionState, labStateOf, reduce, startupWaitOf, type SessionInit } from './state'

const STARTER = { 'app/route.ts': 'starter', 'db/schema.sql': 'schema' }
const SOLUTION = { ...STARTER, 'app/route.ts': 'solution' }
const PANEL = { preset: 'One request', profile: undefined, method: 'GET', path: '/', headersText: '', bodyText: '' }
const INIT: SessionInit = {
  starter: STARTER,
  solution: SOLUTION,
  saved: null,
  panel: PANEL,
  pendingAction: null,
  activeFile: 'app/route.ts',
}
const FAILED: RunOutcome = {
  ok: false,
  error: { kind: 'compile', message: 'x', file: 'app/route.ts', line: 2 },
  console: [],
}

describe('LabSession', () => {
  it('starts from the starter with the saved edits of files the lesson still has', () => {
    const state = initialSessionState({
      ...INIT,
      saved: { files: { 'app/route.ts': 'mine', 'gone.ts': 'ghost' }, exampleChanged: true },
    })
    expect(state.files).toEqual({ ...STARTER, 'app/route.ts': 'mine' })
    expect(state.notice).toEqual({ kind: 'example-changed' })
  })

  it('keeps what the reader pressed in the static lab as data until it is taken', () => {
    const state = initialSessionState({ ...INIT, pendingAction: 'check' })
    expect(state.pendingAction).toBe('check')
    expect(reduce(state, { type: 'pending-action-taken' }).pendingAction).toBeNull()
  })

  it('derives data-state from the run in flight and its outcome, with cancelled apart from error', () => {
    let state = initialSessionState(INIT)
    expect(labStateOf(state)).toBe('idle')
    state = reduce(state, { type: 'run-started', id: 1, kind: 'run' })
    expect(labStateOf(state)).toBe('running')
    state = reduce(state, { type: 'run-finished', id: 1, outcome: CANCELLED_OUTCOME, verdicts: null })
    expect(labStateOf(state)).toBe('cancelled')
    state = reduce(state, { type: 'run-started', id: 2, kind: 'run' })
    state = reduce(state, { type: 'run-finished', id: 2, outcome: FAILED, verdicts: null })
    expect(labStateOf(state)).toBe('error')
    expect(state.errorMarker).toEqual({ file: 'app/route.ts', line: 2, column: undefined })
  })

  it('drops the answer to a run that a newer run of the same lab replaced', () => {
    let state = initialSessionState(INIT)
    state = reduce(state, { type: 'run-started', id: 1, kind: 'run' })
    state = reduce(state, { type: 'run-started', id: 2, kind: 'run' })
    const after = reduce(state, { type: 'run-finished', id: 1, outcome: CANCELLED_OUTCOME, verdicts: null })
    expect(after).toBe(state)
    expect(labStateOf(after)).toBe('running')
  })

  it('shows start-up progress only while a run waits for it', () => {
    let state = initialSessionState(INIT)
    const progress = { step: 1, steps: 2, label: 'downloading Postgres' }
    state = reduce(state, { type: 'startup-progress', progress })
    expect(startupWaitOf(state)).toBeNull()
    state = reduce(state, { type: 'run-started', id: 1, kind: 'run' })
    expect(startupWaitOf(state)).toEqual(progress)
    state = reduce(state, { type: 'startup-progress', progress: null })
    expect(startupWaitOf(state)).toBeNull()
    state = reduce(state, { type: 'run-finished', id: 1, outcome: FAILED, verdicts: null })
    expect(startupWaitOf(state)).toBeNull()
  })

  it('toggles the solution and back to the reader’s own files, which Reset can restore', () => {
    let state = reduce(initialSessionState(INIT), {
      type: 'files-edited',
      files: { ...STARTER, 'app/route.ts': 'mine' },
    })
    state = reduce(state, { type: 'solution-toggled' })
    expect(state.files).toEqual(SOLUTION)
    expect(state.mode).toEqual({ kind: 'solution', mine: { ...STARTER, 'app/route.ts': 'mine' } })
    state = reduce(state, { type: 'solution-toggled' })
    expect(state.files['app/route.ts']).toBe('mine')
    state = reduce(state, { type: 'reset', previous: state.files })
    expect(state.files).toEqual(STARTER)
    state = reduce(state, { type: 'reset-undone' })
    expect(state.files['app/route.ts']).toBe('mine')
  })

  it('is one store per lab: listeners hear each change once, and no change is no news', () => {
    const session = createLabSession(INIT)
    let heard = 0
    const stop = session.subscribe(() => heard++)
    session.dispatch({ type: 'files-edited', files: { ...STARTER } })
    expect(heard).toBe(0)
    session.dispatch({ type: 'files-edited', files: { ...STARTER, 'app/route.ts': 'typed' } })
    expect(heard).toBe(1)
    stop()
    session.dispatch({ type: 'solution-toggled' })
    expect(heard).toBe(1)
    expect(session.getState().mode.kind).toBe('solution')
  })
})

describe('stale results', () => {
  const DONE: RunOutcome = { ...CANCELLED_OUTCOME }
  function afterRun() {
    let state = initialSessionState(INIT)
    state = reduce(state, { type: 'run-started', id: 1, kind: 'run' })
    return reduce(state, { type: 'run-finished', id: 1, outcome: DONE, verdicts: null })
  }

  it('marks the results stale when the code changes, and the next run clears the mark', () => {
    const before = afterRun()
    expect(before.stale).toBeNull()
    const edited = reduce(before, { type: 'files-edited', files: { ...STARTER, 'app/route.ts': 'mine' } })
    expect(edited.stale).toBe('files-changed')
    expect(reduce(edited, { type: 'run-started', id: 2, kind: 'run' }).stale).toBeNull()
    expect(reduce(before, { type: 'solution-toggled' }).stale).toBe('files-changed')
  })

  it('marks them stale when Run found the panel malformed and sent nothing', () => {
    expect(reduce(afterRun(), { type: 'panel-invalid', body: 'not JSON' }).stale).toBe('panel-invalid')
  })

  it('has nothing to mark before the first run', () => {
    const state = initialSessionState(INIT)
    expect(reduce(state, { type: 'panel-invalid', body: 'not JSON' }).stale).toBeNull()
    expect(reduce(state, { type: 'files-edited', files: { ...STARTER, 'app/route.ts': 'mine' } }).stale).toBeNull()
  })
})
