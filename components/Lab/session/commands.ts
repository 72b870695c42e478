/**
 * What a reader can do in a lab, as commands on its session: each dispatches the session's named
 * actions (state.ts) and does the one side effect that goes with it (the worker, localStorage, the
 * share link, progress). The interactive lab's views call only these.
 */
import { evaluateChecks } from '@/lib/examples/exercise-checks'
import { buildScenario } from '@/lib/examples/scenario'
import type { FileTree, RunInput, RunOutcome } from '@/lib/lab/types'
import { recordExercisePassed } from '@/lib/progress/client'
import type { PanelState } from '../panelState'
import { forgetShareTarget } from '../Share/link'
import { clearEdits, saveEdits } from '../storage'
import type { LabMeta } from '../types'
import { stableJson } from './recordedRun'
import { runInputFromPanel } from './runInput'
import { mineOf, type LabSession, type PendingAction, type RunKind } from './state'

const SAVE_DELAY_MS = 250

/** What the commands need from outside the session; the lab passes the real ones, tests fakes. */
export interface CommandDeps {
  runOnHost(input: RunInput): Promise<RunOutcome>
  /**
   * The build's recorded outcome of the lab's first Run when it may stand in for `input`'s (exactly that
   * input, the database still starting: recordedRun.ts), else null. Absent: every run is live.
   */
  recordedRun?(input: RunInput): Promise<RunOutcome | null>
}

export type LabCommands = ReturnType<typeof labCommands>

export function labCommands(example: string, meta: LabMeta, session: LabSession, deps: CommandDeps) {
  const { getState, dispatch } = session
  let runs = 0
  let saveTimer: ReturnType<typeof setTimeout> | undefined
  let pendingSave: (() => void) | null = null

  function persist(files: FileTree) {
    const save = () => {
      pendingSave = null
      dispatch({ type: 'storage-checked', works: saveEdits(example, meta.hash, getState().starter, files) })
    }
    pendingSave = save
    clearTimeout(saveTimer)
    saveTimer = setTimeout(save, SAVE_DELAY_MS)
  }

  /** A save still waiting for its debounce (an edit or Undo just before) would write old files back. */
  function dropPendingSave() {
    clearTimeout(saveTimer)
    pendingSave = null
  }

  /** The run's input from the session, or null (and the panel says why) when the panel holds something malformed. */
  function runInput(kind: RunKind): RunInput | null {
    const { files, panel } = getState()
    if (kind === 'check' && meta.exercise) {
      const preset = meta.exercise.preset ?? meta.defaultPreset
      return { files, scenario: buildScenario(meta, preset, { profile: panel.profile }) }
    }
    const built = runInputFromPanel(meta, files, panel)
    // Nothing malformed is ever sent: the panel says what is wrong and the run does not start.
    if (!built.ok) dispatch({ type: 'panel-invalid', body: built.body, headers: built.headers })
    return built.ok ? built.input : null
  }

  async function run(kind: RunKind) {
    const input = runInput(kind)
    if (!input) return
    const id = ++runs
    // Post to the worker first: the re-render for "running" would otherwise delay it by a frame.
    const pending = deps.runOnHost(input)
    dispatch({ type: 'run-started', id, kind })
    // The first Run, or a repeat of it pressed while the database still starts (recordedRun.ts).
    if (kind === 'run' && deps.recordedRun) {
      const recorded = await Promise.race([deps.recordedRun(input), pending.then(() => null)])
      if (recorded) return showRecorded(id, recorded, pending)
    }
    const outcome = await pending
    const verdicts =
      kind === 'check' && meta.exercise && outcome.ok ? evaluateChecks(meta.exercise.checks, outcome) : null
    dispatch({ type: 'run-finished', id, outcome, verdicts })
    if (verdicts?.every((verdict) => verdict.pass) && getState().mode.kind === 'mine') recordExercisePassed(example)
  }

  /**
   * The recorded outcome, now, while the live run of the same input goes on in the worker (it warms
   * the engine up for the next run). A live answer that differs wins: the lab never shows a recording
   * the engine contradicts (the build checks they agree; this is the last line). A repeat pressed
   * meanwhile cancels this live run and sends its own, which then confirms (or replaces) what it shows.
   */
  function showRecorded(id: number, recorded: RunOutcome, live: Promise<RunOutcome>) {
    performance.mark('lab-recorded-run', { detail: example })
    dispatch({ type: 'run-finished', id, outcome: recorded, verdicts: null })
    void live.then((outcome) => {
      if (!outcome.ok && outcome.error.kind === 'cancelled') return
      const same = stableJson(outcome) === stableJson(recorded)
      // Marks the bench and the browser tests read: the worker's own run of the same input agreed.
      if (same) performance.mark('lab-recorded-run-confirmed', { detail: example })
      if (same || runs !== id) return
      console.error(`Lab ${example}: the recorded first run differs from the engine's; showing the engine's.`)
      const next = ++runs
      dispatch({ type: 'run-started', id: next, kind: 'run' })
      dispatch({ type: 'run-finished', id: next, outcome, verdicts: null })
    })
  }

  function toggleSolution() {
    if (getState().mode.kind !== 'solution') forgetShareTarget(example)
    dispatch({ type: 'solution-toggled' })
  }

  return {
    run,
    toggleSolution,
    /** What the reader pressed in the static lab, done once now that the lab can act on it. */
    takePendingAction(action: PendingAction) {
      dispatch({ type: 'pending-action-taken' })
      if (action === 'toggle-solution') toggleSolution()
      else void run(action)
    },
    changePanel(panel: PanelState) {
      dispatch({ type: 'panel-changed', panel })
    },
    editFiles(files: FileTree) {
      const before = getState()
      dispatch({ type: 'files-edited', files })
      // Only a real edit is saved: the editor also reports files put into it (Reset, Back, Undo), unchanged.
      // The solution and a shared link's code are shown, not saved: a reload brings back the reader's own.
      if (getState() !== before && getState().mode.kind === 'mine') persist(getState().files)
    },
    openFile(file: string) {
      dispatch({ type: 'file-opened', file })
    },
    reset() {
      const previous = mineOf(getState())
      forgetShareTarget(example)
      dropPendingSave()
      dispatch({ type: 'reset', previous })
      dispatch({ type: 'storage-checked', works: clearEdits(example) })
    },
    undoReset() {
      dispatch({ type: 'reset-undone' })
      persist(getState().files)
    },
    useUpdatedExample() {
      dispatch({ type: 'updated-example-used' })
      clearEdits(example)
    },
    keepMyVersion() {
      persist(getState().files)
      dispatch({ type: 'own-version-kept' })
    },
    /** Leaves a share link's code: back to the reader's own files, or keeping the shared ones as theirs. */
    leaveSharedCode(keep: boolean) {
      if (getState().mode.kind !== 'shared') return
      forgetShareTarget(example)
      dispatch({ type: 'shared-code-left', keep })
      if (keep) persist(getState().files)
    },
    dismissShareProblem() {
      dispatch({ type: 'share-problem-dismissed' })
      forgetShareTarget(example)
    },
    /** Leaving the page must not lose the last keystrokes still waiting for the debounce. */
    flushSave() {
      pendingSave?.()
    },
  }
}
