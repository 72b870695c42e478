import { describe, expect, it } from 'vitest'
import { CANCELLED_OUTCOME } from '@/lib/lab/host/protocol'
import type { RunOutcome } from '@/lib/lab/types'
import { playgroundLab } from './exampleSession.test-support'
import { labStateOf } from './state'

const OK: RunOutcome = { ok: false, error: { kind: 'plan', message: 'stand-in outcome' }, console: [] }

const playground = () => playgroundLab({ pendingAction: 'run' })

describe('LabSession commands', () => {
  it('does the action pressed in the static lab once, with the session’s files and panel', async () => {
    const { session, commands, runs, files } = await playground()
    commands.takePendingAction(session.getState().pendingAction!)
    expect(session.getState().pendingAction).toBeNull()
    expect(runs).toHaveLength(1)
    expect(runs[0].input.files).toEqual(files)
    expect(labStateOf(session.getState())).toBe('running')
    runs[0].answer(OK)
    await Promise.resolve()
    await Promise.resolve()
    expect(session.getState().outcome).toBe(OK)
  })

  it('never sends a malformed body: the panel says why and no run starts', async () => {
    const { session, commands, runs } = await playground()
    commands.changePanel({ ...session.getState().panel, bodyText: '{ nope' })
    await commands.run('run')
    expect(runs).toHaveLength(0)
    expect(session.getState().panelErrors.body).toMatch(/not valid JSON/)
    expect(labStateOf(session.getState())).toBe('idle')
  })

  it('shows the newest run only: the one it replaced comes back cancelled and is dropped', async () => {
    const { session, commands, runs } = await playground()
    const first = commands.run('run')
    const second = commands.run('run')
    runs[0].answer(CANCELLED_OUTCOME)
    await first
    expect(labStateOf(session.getState())).toBe('running')
    runs[1].answer(OK)
    await second
    expect(session.getState().outcome).toBe(OK)
  })

  it('shows a run that another lab replaced as cancelled', async () => {
    const { session, commands, runs } = await playground()
    const pending = commands.run('run')
    runs[0].answer(CANCELLED_OUTCOME)
    await pending
    expect(labStateOf(session.getState())).toBe('cancelled')
  })
})
