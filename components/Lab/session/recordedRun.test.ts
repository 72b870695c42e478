import { describe, expect, it } from 'vitest'
import { CANCELLED_OUTCOME } from '@/lib/lab/host/protocol'
import type { RunInput, RunOutcome } from '@/lib/lab/types'
import { firstRunInput, notExactInJson } from '@/scripts/record-lab-runs'
import { labCommands } from './commands'
import { recordedOutcomeFor, recordedRunsFor, stableJson, type RecordedRun } from './recordedRun'
import { exampleSession, playgroundLab, withConsoleErrorSilenced } from './exampleSession.test-support'
import { labStateOf } from './state'

const RECORDED: RunOutcome = { ok: false, error: { kind: 'plan', message: 'the recorded outcome' }, console: [] }
const LIVE_SAME: RunOutcome = JSON.parse(JSON.stringify(RECORDED))
const LIVE_OTHER: RunOutcome = { ok: false, error: { kind: 'plan', message: 'what the engine says' }, console: [] }

const playground = (recordedRun: (input: RunInput) => Promise<RunOutcome | null>) => playgroundLab({ recordedRun })

/**
 * The playground with its real recorded input and a fake recording of it, over a database whose
 * start-up the test drives (`database.open()`), as `recordedRunsFor` serves the lab.
 */
async function playgroundStarting() {
  const input = await firstRunInput('playground')
  const database = { starting: true, open: () => (database.starting = false) }
  const lab = await playground(
    recordedRunsFor('playground', {
      starting: async () => database.starting,
      fetchRun: async () => ({ input, outcome: RECORDED }),
    }),
  )
  return { ...lab, database }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))
const confirmations = () => performance.getEntriesByName('lab-recorded-run-confirmed').length

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

  it('is shown at once for the first Run while the live run goes on; a Run once the database is open is live', async () => {
    const { session, commands, runs, database } = await playgroundStarting()
    await commands.run('run')
    expect(runs).toHaveLength(1)
    expect(labStateOf(session.getState())).toBe('error')
    expect(session.getState().outcome).toBe(RECORDED)
    database.open()
    runs[0].answer(LIVE_SAME)
    await settle()
    expect(session.getState().outcome).toBe(RECORDED)
    const second = commands.run('run')
    await settle()
    expect(labStateOf(session.getState())).toBe('running')
    runs[1].answer(LIVE_OTHER)
    await second
    expect(session.getState().outcome).toBe(LIVE_OTHER)
  })

  it('stands in for a repeat pressed while the database still starts; that repeat’s live run confirms it', async () => {
    const { session, commands, runs } = await playgroundStarting()
    await commands.run('run')
    const confirmed = confirmations()
    await commands.run('run')
    // The host cancelled the first live run for the repeat's (host.start); the repeat shows the recording too.
    runs[0].answer(CANCELLED_OUTCOME)
    expect(runs).toHaveLength(2)
    expect(stableJson(runs[1].input)).toBe(stableJson(runs[0].input))
    expect(labStateOf(session.getState())).toBe('error')
    expect(session.getState().outcome).toBe(RECORDED)
    runs[1].answer(LIVE_SAME)
    await settle()
    expect(session.getState().outcome).toBe(RECORDED)
    expect(confirmations()).toBe(confirmed + 1)
  })

  it('gives way, on a repeat too, to a live answer that differs', async () => {
    const { session, commands, runs } = await playgroundStarting()
    await commands.run('run')
    await commands.run('run')
    runs[0].answer(CANCELLED_OUTCOME)
    expect(session.getState().outcome).toBe(RECORDED)
    await withConsoleErrorSilenced(async () => {
      runs[1].answer(LIVE_OTHER)
      await settle()
    })
    expect(session.getState().outcome).toBe(LIVE_OTHER)
    expect(labStateOf(session.getState())).toBe('error')
  })

  it('is not used for an edited repeat', async () => {
    const { session, commands, runs } = await playgroundStarting()
    await commands.run('run')
    commands.editFiles({ ...session.getState().files, 'db/seed.sql': '' })
    const edited = commands.run('run')
    await settle()
    expect(labStateOf(session.getState())).toBe('running')
    runs[1].answer(LIVE_OTHER)
    await edited
    expect(session.getState().outcome).toBe(LIVE_OTHER)
  })

  it('gives way to the live answer if that ever differs', async () => {
    const { session, commands, runs } = await playground(async () => RECORDED)
    await commands.run('run')
    expect(session.getState().outcome).toBe(RECORDED)
    await withConsoleErrorSilenced(async () => {
      runs[0].answer(LIVE_OTHER)
      await settle()
    })
    expect(session.getState().outcome).toBe(LIVE_OTHER)
  })

  it('is never used for Check', async () => {
    const { labMeta, session } = await exampleSession('simplicity-delete-exercise', { hasSolution: true })
    const runs: RunOutcome[] = []
    const commands = labCommands('simplicity-delete-exercise', labMeta, session, {
      runOnHost: async () => (runs.push(LIVE_OTHER), LIVE_OTHER),
      recordedRun: async () => RECORDED,
    })
    await commands.run('check')
    expect(session.getState().outcome).toBe(LIVE_OTHER)
  })
})

describe('fetching the recording', () => {
  async function lab(starting: boolean[]) {
    const input = await firstRunInput('playground')
    const fetched: string[] = []
    const answer = recordedRunsFor('playground', {
      // Each call reads the next state of the database; the last one stays.
      starting: async () => (starting.length > 1 ? starting.shift()! : starting[0]),
      fetchRun: async (example) => (fetched.push(example), { input, outcome: RECORDED }),
    })
    await settle()
    return { input, fetched, answer }
  }

  it('is fetched once, when the session is made while the database starts, and serves every Run then', async () => {
    const { input, fetched, answer } = await lab([true])
    expect(fetched).toEqual(['playground'])
    expect(await answer(input)).toBe(RECORDED)
    expect(await answer(input)).toBe(RECORDED)
    expect(fetched).toEqual(['playground'])
  })

  it('is not fetched once the database is open: no Run could use it', async () => {
    const { input, fetched, answer } = await lab([false])
    expect(await answer(input)).toBeNull()
    expect(fetched).toEqual([])
  })

  it('is fetched on a Run when the database starts again (its worker restarted after a crash)', async () => {
    const { input, fetched, answer } = await lab([false, true])
    expect(fetched).toEqual([])
    expect(await answer(input)).toBe(RECORDED)
    expect(fetched).toEqual(['playground'])
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
