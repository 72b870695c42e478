/**
 * A lab's state, in one place: the LabSession. One session per lab, created when the lab's lazy
 * module (its meta and files) arrives, holding the files, the request panel, the action the reader
 * asked for before the lab could act on it, the run in flight and its outcome. Every view of the
 * lab (the editor, the panel, Run, the exercise, the results, the section's `data-state`) is drawn
 * from it, and it changes only through the named actions below (`reduce`). Side effects (the worker,
 * localStorage, the share link) live in ./commands.ts, which dispatches these actions.
 *
 * Pure and DOM-free, so it is tested in Node (state.test.ts).
 */
import type { CheckVerdict } from '@/lib/examples/exercise-checks'
import type { FileTree, LabError, RunOutcome } from '@/lib/lab/types'
import type { ErrorMarker } from '../CodeEditor'
import type { PanelState } from '../panelState'
import type { OpenedShare } from '../Share/open'
import type { LabState } from '../types'

/** What the reader pressed in the static lab (before the interactive lab loaded): done once the session exists. */
export const PENDING_ACTIONS = ['run', 'check', 'toggle-solution'] as const
export type PendingAction = (typeof PENDING_ACTIONS)[number]
export type RunKind = 'run' | 'check'

/** `mine` in the other modes: the reader's own files, which those modes never save over. */
export type Mode =
  | { kind: 'mine' }
  | { kind: 'solution'; mine: FileTree }
  | { kind: 'shared'; mine: FileTree; link: Extract<OpenedShare, { ok: true }> }

export type Notice = { kind: 'example-changed' } | { kind: 'reset'; previous: FileTree } | null

/**
 * Why the results on screen no longer answer what the lab shows: the code changed since they were
 * made, or the reader pressed Run and the request panel held something malformed, so nothing ran.
 * Old results stay (a reader may want to compare) but are marked, never passed off as current.
 */
export type Staleness = 'files-changed' | 'panel-invalid' | null

/** Where the page's database is in its one-off start-up (lib/lab/host), while a run waits for it. */
export interface StartupProgress {
  step: number
  steps: number
  label: string
}

export interface LabSessionState {
  /** The lesson's files, and the solution laid over them (null when the example has none). */
  starter: FileTree
  solution: FileTree | null
  /** The files as the reader sees them: the editor is a view of these. */
  files: FileTree
  mode: Mode
  notice: Notice
  shareProblem: string | null
  /** False once localStorage refused to keep the reader's edits. */
  storageWorks: boolean
  panel: PanelState
  panelErrors: { body?: string; headers?: string }
  pendingAction: PendingAction | null
  /** The run in flight, by id: an answer for any other id is stale and dropped. */
  running: { id: number; kind: RunKind } | null
  /** The page's database start-up step, until it is open (then null); shown while a run waits for it. */
  startup: StartupProgress | null
  outcome: RunOutcome | null
  verdicts: CheckVerdict[] | null
  /** Set when `outcome` and `verdicts` no longer match the files or the panel; cleared by the next run. */
  stale: Staleness
  errorMarker: ErrorMarker | undefined
  openFile: string
}

export type LabAction =
  | { type: 'pending-action-taken' }
  | { type: 'panel-changed'; panel: PanelState }
  | { type: 'panel-invalid'; body?: string; headers?: string }
  | { type: 'files-edited'; files: FileTree }
  | { type: 'file-opened'; file: string }
  | { type: 'reset'; previous: FileTree }
  | { type: 'reset-undone' }
  | { type: 'updated-example-used' }
  | { type: 'own-version-kept' }
  | { type: 'solution-toggled' }
  | { type: 'share-opened'; opened: OpenedShare }
  | { type: 'shared-code-left'; keep: boolean }
  | { type: 'share-problem-dismissed' }
  | { type: 'storage-checked'; works: boolean }
  | { type: 'run-started'; id: number; kind: RunKind }
  | { type: 'startup-progress'; progress: StartupProgress | null }
  | { type: 'run-finished'; id: number; outcome: RunOutcome; verdicts: CheckVerdict[] | null }

export interface SessionInit {
  starter: FileTree
  solution: FileTree | null
  /** The reader's saved edits for this example, if any, and whether they were made on other starter files. */
  saved: { files: FileTree; exampleChanged: boolean } | null
  panel: PanelState
  pendingAction: PendingAction | null
  activeFile: string
}

export function initialSessionState(init: SessionInit): LabSessionState {
  // Files the lesson no longer has are dropped: the engine would otherwise run ghosts.
  const kept = init.saved ? Object.entries(init.saved.files).filter(([path]) => path in init.starter) : []
  return {
    starter: init.starter,
    solution: init.solution,
    files: { ...init.starter, ...Object.fromEntries(kept) },
    mode: { kind: 'mine' },
    notice: init.saved?.exampleChanged ? { kind: 'example-changed' } : null,
    shareProblem: null,
    storageWorks: true,
    panel: init.panel,
    panelErrors: {},
    pendingAction: init.pendingAction,
    running: null,
    startup: null,
    outcome: null,
    verdicts: null,
    stale: null,
    errorMarker: undefined,
    openFile: init.activeFile,
  }
}

/** The reader's own files, also while the solution or a shared link's code is shown. */
export function mineOf(state: LabSessionState): FileTree {
  return state.mode.kind === 'mine' ? state.files : state.mode.mine
}

export function sameFiles(a: FileTree, b: FileTree): boolean {
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key])
}

/** Results exist that a change would make stale (an earlier reason, e.g. the panel's, is kept). */
function staleAfterChange(state: LabSessionState, reason: Exclude<Staleness, null>): Staleness {
  return state.outcome || state.verdicts ? (state.stale ?? reason) : null
}

/** New files in the editor, typed or put there (Reset, the solution): any error marker belonged to the old text. */
function withFiles(state: LabSessionState, files: FileTree): LabSessionState {
  return { ...state, files, errorMarker: undefined, stale: staleAfterChange(state, 'files-changed') }
}

function markerFor(error: LabError, files: FileTree): ErrorMarker | undefined {
  if (!error.file || error.line === undefined || !(error.file in files)) return undefined
  return { file: error.file, line: error.line, column: error.column }
}

export function reduce(state: LabSessionState, action: LabAction): LabSessionState {
  switch (action.type) {
    case 'pending-action-taken':
      return { ...state, pendingAction: null }
    case 'panel-changed':
      return { ...state, panel: action.panel }
    case 'panel-invalid':
      return {
        ...state,
        panelErrors: { body: action.body, headers: action.headers },
        stale: state.outcome || state.verdicts ? 'panel-invalid' : null,
      }
    case 'files-edited':
      return sameFiles(state.files, action.files) ? state : withFiles(state, action.files)
    case 'file-opened':
      return state.openFile === action.file ? state : { ...state, openFile: action.file }
    case 'reset':
      return {
        ...withFiles(state, state.starter),
        mode: { kind: 'mine' },
        notice: sameFiles(action.previous, state.starter) ? null : { kind: 'reset', previous: action.previous },
      }
    case 'reset-undone':
      return state.notice?.kind === 'reset' ? { ...withFiles(state, state.notice.previous), notice: null } : state
    case 'updated-example-used':
      return { ...withFiles(state, state.starter), notice: { kind: 'reset', previous: state.files } }
    case 'own-version-kept':
      return { ...state, notice: null }
    case 'solution-toggled':
      if (!state.solution) return state
      if (state.mode.kind === 'solution') return { ...withFiles(state, state.mode.mine), mode: { kind: 'mine' } }
      return { ...withFiles(state, state.solution), mode: { kind: 'solution', mine: mineOf(state) } }
    case 'share-opened': {
      // The reader's own files (with any edit made meanwhile) are what "Back" restores.
      const mine = mineOf(state)
      const { opened } = action
      if (opened.ok)
        return { ...withFiles(state, opened.files), mode: { kind: 'shared', mine, link: opened }, shareProblem: null }
      if (state.mode.kind === 'mine') return { ...state, shareProblem: opened.message }
      return { ...withFiles(state, mine), mode: { kind: 'mine' }, shareProblem: opened.message }
    }
    case 'shared-code-left':
      if (state.mode.kind !== 'shared') return state
      return action.keep
        ? { ...state, mode: { kind: 'mine' } }
        : { ...withFiles(state, state.mode.mine), mode: { kind: 'mine' } }
    case 'share-problem-dismissed':
      return { ...state, shareProblem: null }
    case 'storage-checked':
      return state.storageWorks === action.works ? state : { ...state, storageWorks: action.works }
    case 'run-started':
      return { ...state, running: { id: action.id, kind: action.kind }, panelErrors: {}, stale: null }
    case 'startup-progress':
      return { ...state, startup: action.progress }
    case 'run-finished': {
      if (state.running?.id !== action.id) return state // A newer run owns the state now.
      const { outcome } = action
      return {
        ...state,
        running: null,
        outcome,
        verdicts: action.verdicts ?? state.verdicts,
        errorMarker: outcome.ok ? undefined : markerFor(outcome.error, state.files),
      }
    }
  }
}

/** What the run in flight waits for, if it waits for the database's start-up (the page's first run). */
export function startupWaitOf(state: LabSessionState): StartupProgress | null {
  return state.running ? state.startup : null
}

/** The section's `data-state`, derived: what tests and styles read. */
export function labStateOf(state: LabSessionState): LabState {
  if (state.running) return 'running'
  if (!state.outcome) return 'idle'
  if (state.outcome.ok) return 'done'
  return state.outcome.error.kind === 'cancelled' ? 'cancelled' : 'error'
}

/** A small store around `reduce`: one per lab, read by React through useSyncExternalStore. */
export interface LabSession {
  getState(): LabSessionState
  dispatch(action: LabAction): void
  subscribe(listener: () => void): () => void
}

export function createLabSession(init: SessionInit): LabSession {
  let state = initialSessionState(init)
  const listeners = new Set<() => void>()
  return {
    getState: () => state,
    dispatch(action) {
      const next = reduce(state, action)
      if (next === state) return
      state = next
      for (const listener of listeners) listener()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
