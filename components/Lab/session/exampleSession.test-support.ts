/**
 * For the session's unit tests: a lab session over a real example's starter files, as the lab creates
 * one when its module arrives (nothing saved, no solution shown, the example's default request panel).
 */
import { loadExample } from '@/lib/examples/load'
import type { RunInput, RunOutcome } from '@/lib/lab/types'
import { initialPanelState } from '../panelState'
import type { LabMeta } from '../types'
import { labCommands, type CommandDeps } from './commands'
import { createLabSession, type PendingAction } from './state'

export async function exampleSession(
  example: string,
  { hasSolution = false, pendingAction = null }: { hasSolution?: boolean; pendingAction?: PendingAction | null } = {},
) {
  const { meta, files } = await loadExample(example)
  const labMeta = { ...meta, hash: 'h', hasSolution, editorHeight: 300 } as LabMeta
  const session = createLabSession({
    starter: files,
    solution: null,
    saved: null,
    panel: initialPanelState(labMeta),
    pendingAction,
    activeFile: labMeta.activeFile,
  })
  return { labMeta, files, session }
}

/** A run the fake host holds until the test answers it. */
export interface HeldRun {
  input: RunInput
  answer: (outcome: RunOutcome) => void
}

/**
 * The playground's session with its commands over a fake host: each run waits in `runs` until the test
 * answers it. `recordedRun` as the lab passes it (recordedRun.ts); absent, every run is live.
 */
export async function playgroundLab({
  pendingAction = null,
  recordedRun,
}: { pendingAction?: PendingAction | null; recordedRun?: CommandDeps['recordedRun'] } = {}) {
  const { labMeta, files, session } = await exampleSession('playground', { pendingAction })
  const runs: HeldRun[] = []
  const commands = labCommands('playground', labMeta, session, {
    runOnHost: (input) => new Promise((answer) => runs.push({ input, answer })),
    recordedRun,
  })
  return { session, commands, runs, files }
}

/** Runs `act` with console.error silenced: for a test that expects the lab to report an error there. */
export async function withConsoleErrorSilenced(act: () => Promise<void>): Promise<void> {
  const error = console.error
  console.error = () => undefined
  try {
    await act()
  } finally {
    console.error = error
  }
}
