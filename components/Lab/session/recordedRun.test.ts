import { describe, expect, it } from 'vitest'
import type { RunInput, RunOutcome } from '@/lib/lab/types'
import { firstRunInput, notExactInJson } from '@/scripts/record-lab-runs'
import { labCommands } from './commands'
import { recordedOutcomeFor, stableJson, type RecordedRun } from './recordedRun'
import { exampleSession } from './exampleSession.test-support'
import { labStateOf } from './state'

const RECORDED: RunOutcome = { ok: false, error: { kind: 'plan', message: 'the recorded outcome' }, console: [] }
const LIVE_SAME: RunOutcome = JSON.parse(JSON.stringify(RECORDED))
const LIVE_OTHER: RunOutcome = { ok: false, error: { kind: 'plan', message: 'what the engine says' }, console: [] }

async function playground(recordedFirstRun: (input: RunInput) => Promise<RunOutcome | null>) {
  const { labMeta, session } = await exampleSession('playground')
  const runs: Array<{ input: RunInput; answer: (outcome: RunOutcome) => void }> = []
  const commands = labCommands('playground', labMeta, session, {
    runOnHost: (input) => new Promise((answer) => runs.push({ input, answer })),
    recordedFirstRun,
  })
  return { session, commands, runs }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('the recorded first run', () => {
  it('is recorded for exactly the input the lab sends on its first Run', async () => {
    const { session, commands, runs } = await playground(async () => null)
    void commands.run('run')
    expect(stableJson(runs[0].input)).toBe(stableJson(await firstRunInput('playground')))
    runs[0].answer(LIVE_SAME)
    await settle()
    expect(session.getState().outcome).toBe(LIVE_SAME)
  })

  it('stands in only for its own input, and only while the database starts', async () => {
    const input = await firstRunInput('playground')
    const recording = Promise.resolve<RecordedRun>({ input, outcome: RECORDED })
    expect(await recordedOutcomeFor(recording, input, async () => true)).toBe(RECORDED)
    expect(await recordedOutcomeFor(recording, structuredClone(input), async () => true)).toBe(RECORDED)
    expect(await recordedOutcomeFor(recording, input, async () => false)).toBeNull()
    const edited = { ...input, files: { ...input.files, 'db/seed.sql': '' } }
    expect(await recordedOutcomeFor(recording, edited, async () => true)).toBeNull()
    const otherRequest = { ...input, scenario: { ...input.scenario, requests: [] } }
    expect(await recordedOutcomeFor(recording, otherRequest, async () => true)).toBeNull()
    expect(await recordedOutcomeFor(Promise.resolve(null), input, async () => true)).toBeNull()
  })

  it('is shown at once for the first Run while the live run goes on; the second Run is live', async () => {
    const { session, commands, runs } = await playground(async () => RECORDED)
    await commands.run('run')
    expect(runs).toHaveLength(1)
    expect(labStateOf(session.getState())).toBe('error')
    expect(session.getState().outcome).toBe(RECORDED)
    runs[0].answer(LIVE_SAME)
    await settle()
    expect(session.getState().outcome).toBe(RECORDED)
    const second = commands.run('run')
    expect(labStateOf(session.getState())).toBe('running')
    runs[1].answer(LIVE_OTHER)
    await second
    expect(session.getState().outcome).toBe(LIVE_OTHER)
  })

  it('gives way to the live answer if that ever differs', async () => {
    const { session, commands, runs } = await playground(async () => RECORDED)
    await commands.run('run')
    expect(session.getState().outcome).toBe(RECORDED)
    const error = console.error
    console.error = () => undefined
    try {
      runs[0].answer(LIVE_OTHER)
      await settle()
    } finally {
      console.error = error
    }
    expect(session.getState().outcome).toBe(LIVE_OTHER)
  })

  it('is never used for Check', async () => {
    const { labMeta, session } = await exampleSession('simplicity-delete-exercise', { hasSolution: true })
    const runs: RunOutcome[] = []
    const commands = labCommands('simplicity-delete-exercise', labMeta, session, {
      runOnHost: async () => (runs.push(LIVE_OTHER), LIVE_OTHER),
      recordedFirstRun: async () => RECORDED,
    })
    await commands.run('check')
    expect(session.getState().outcome).toBe(LIVE_OTHER)
  })
})

describe('what a recording may hold', () => {
  it('only what JSON gives back exactly', () => {
    expect(notExactInJson({ a: [1, 'x', null, { b: true }], c: undefined })).toBeNull()
    expect(notExactInJson({ a: { limit: Infinity } })).toBe('outcome.a.limit')
    expect(notExactInJson({ a: [1, undefined] })).toBe('outcome.a[1]')
    expect(notExactInJson({ body: new Uint8Array([1]) })).toBe('outcome.body')
    expect(notExactInJson({ at: new Date(0) })).toBe('outcome.at')
    expect(notExactInJson({ n: Number.NaN })).toBe('outcome.n')
  })
})
