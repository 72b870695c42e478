/**
 * The interactive lab, loaded on demand by ./index.tsx: loads the example's files, restores the
 * reader's edits, runs scenarios in the engine's worker, and shows results, errors and exercises.
 */
import { lazy, memo, Suspense, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { evaluateChecks, type CheckVerdict } from '@/lib/examples/exercise-checks'
import { buildScenario, parseBodyText } from '@/lib/examples/scenario'
import type { FileTree, LabError, RunOutcome } from '@/lib/lab/types'
import type { ErrorMarker } from './CodeEditor'
import { ExercisePanel } from './ExercisePanel'
import styles from './Lab.module.css'
import { LabDownload } from './Download'
import { CANCELLED, prepareLabHost, runOnLabHost } from './labHost'
import { parseHeadersText, toPanelRequest, type PanelState } from './panelState'
import { RequestPanel } from './RequestPanel'
import { Results } from './Results'
import { errorLocation, RunErrorDetails } from './RunError'
import { RunBar } from './RunBar'
import {
  CopyLinkButton,
  forgetShareTarget,
  openSharedFiles,
  readShareTarget,
  SharedLinkNotice,
  ShareProblemNotice,
  type OpenedShare,
} from './Share'
import { StaticCode } from './StaticCode'
import { recordExercisePassed, useExercisePassed } from '@/lib/progress/client'
import { clearEdits, loadEdits, saveEdits } from './storage'
import type { LabProps, LabState } from './types'

const CodeEditor = lazy(() => import('./CodeEditor'))
/** The request panel's props do not change during a run; it need not re-render for "running" and "done". */
const StableRequestPanel = memo(RequestPanel)

export interface LabInteractiveProps extends LabProps {
  panel: PanelState
  onPanelChange: (next: PanelState) => void
  onStateChange: (state: LabState) => void
  /** The reader pressed Run before this part had loaded: run as soon as the files are here. */
  runWhenReady: boolean
}

type Notice = { kind: 'example-changed' } | { kind: 'reset'; previous: FileTree } | null

/** `mine` in the other modes: the reader's own files, which those modes never save over. */
type Mode =
  | { kind: 'mine' }
  | { kind: 'solution'; mine: FileTree }
  | { kind: 'shared'; mine: FileTree; link: Extract<OpenedShare, { ok: true }> }

const SAVE_DELAY_MS = 250

export function LabInteractive(props: LabInteractiveProps) {
  const { example, meta, highlighted, loadFiles, panel, onPanelChange, onStateChange, runWhenReady } = props
  const [starter, setStarter] = useState<FileTree | null>(null)
  const [solution, setSolution] = useState<FileTree | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [files, setFiles] = useState<FileTree>({})
  const [editorRevision, setEditorRevision] = useState(0)
  const [mode, setMode] = useState<Mode>({ kind: 'mine' })
  const [notice, setNotice] = useState<Notice>(null)
  const [shareProblem, setShareProblem] = useState<string | null>(null)
  const [storageWorks, setStorageWorks] = useState(true)
  const [outcome, setOutcome] = useState<RunOutcome | null>(null)
  const [running, setRunning] = useState(false)
  const [bodyError, setBodyError] = useState<string>()
  const [headersError, setHeadersError] = useState<string>()
  const [verdicts, setVerdicts] = useState<CheckVerdict[] | null>(null)
  const passed = useExercisePassed(example)
  const [errorMarker, setErrorMarker] = useState<ErrorMarker>()
  const [openFile, setOpenFile] = useState(meta.activeFile)
  const latest = useRef({ files, panel, mode })
  latest.current = { files, panel, mode }
  const saveTimer = useRef<ReturnType<typeof setTimeout>>(undefined)
  const pendingSave = useRef<(() => void) | null>(null)

  // Files arrive in their own chunk; the worker and its database were started with this chunk (index.tsx).
  useEffect(() => {
    let cancelled = false
    onStateChange('loading')
    loadFiles()
      .then((module) => {
        if (cancelled) return
        const loaded = module.default
        const saved = loadEdits(example)
        const restored = saved ? { ...loaded.files, ...pick(saved.files, loaded.files) } : loaded.files
        setStarter(loaded.files)
        setSolution(loaded.solution ? { ...loaded.files, ...loaded.solution } : null)
        setFiles(restored)
        if (saved && saved.hash !== meta.hash) setNotice({ kind: 'example-changed' })
        onStateChange('idle')
        // The worker compiles these files and resets its database for them before the first Run.
        prepareLabHost(() => ({ files: restored, scenario: buildScenario(meta, latest.current.panel.preset) }))
      })
      .catch((error: Error) => {
        if (cancelled) return
        setLoadError(`The lab could not load its files (${error.message}). Reload the page to try again.`)
        onStateChange('error')
      })
    return () => {
      cancelled = true
    }
  }, [example, loadFiles, meta, onStateChange])

  // A share link to this lab, on load or pasted into this tab later: its code is shown, not saved, and
  // neither run nor prepared until the reader presses Run.
  useEffect(() => {
    if (!starter) return
    let cancelled = false
    const open = () => {
      const link = readShareTarget()
      if (link?.example !== example) return
      const lab = { example, hash: meta.hash, readOnlyFiles: meta.readOnlyFiles, starter }
      void openSharedFiles(link.payload, lab).then((opened) => {
        if (cancelled) return
        // The reader's own files (with any edit made meanwhile) are what "Back" restores.
        const current = latest.current
        const mine = current.mode.kind === 'mine' ? current.files : current.mode.mine
        setShareProblem(opened.ok ? null : opened.message)
        if (!opened.ok && current.mode.kind === 'mine') return
        setMode(opened.ok ? { kind: 'shared', mine, link: opened } : { kind: 'mine' })
        setFiles(opened.ok ? opened.files : mine)
        setErrorMarker(undefined)
        setEditorRevision((revision) => revision + 1)
      })
    }
    open()
    window.addEventListener('hashchange', open)
    return () => {
      cancelled = true
      window.removeEventListener('hashchange', open)
    }
  }, [example, meta.hash, meta.readOnlyFiles, starter])

  const persist = useCallback(
    (next: FileTree) => {
      if (!starter) return
      const save = () => {
        pendingSave.current = null
        setStorageWorks(saveEdits(example, meta.hash, starter, next))
      }
      pendingSave.current = save
      clearTimeout(saveTimer.current)
      saveTimer.current = setTimeout(save, SAVE_DELAY_MS)
    },
    [example, meta.hash, starter],
  )

  // Leaving the page must not lose the last keystrokes still waiting for the debounce.
  useEffect(() => {
    const flush = () => pendingSave.current?.()
    window.addEventListener('pagehide', flush)
    document.addEventListener('visibilitychange', flush)
    return () => {
      flush()
      window.removeEventListener('pagehide', flush)
      document.removeEventListener('visibilitychange', flush)
    }
  }, [])

  const onFilesChange = useCallback(
    (next: FileTree) => {
      setFiles(next)
      setErrorMarker(undefined)
      // The solution is shown, not saved: a reload brings back the reader's own version.
      if (latest.current.mode.kind === 'mine') persist(next)
    },
    [persist],
  )

  function replaceFiles(next: FileTree) {
    setFiles(next)
    setErrorMarker(undefined)
    setEditorRevision((revision) => revision + 1)
  }

  const run = useCallback(
    async (kind: 'run' | 'check') => {
      const current = latest.current
      let scenario
      if (kind === 'check' && meta.exercise) {
        scenario = buildScenario(meta, meta.exercise.preset ?? meta.defaultPreset, { profile: current.panel.profile })
      } else {
        const body = parseBodyText(current.panel.bodyText)
        const headers = parseHeadersText(current.panel.headersText)
        setBodyError(body.ok ? undefined : body.message)
        setHeadersError(headers.ok ? undefined : headers.message)
        // Nothing malformed is ever sent: the panel says what is wrong and the run does not start.
        if (!body.ok || !headers.ok) return
        scenario = buildScenario(meta, current.panel.preset, {
          panel: toPanelRequest(current.panel, headers.headers),
          body: body.body,
          profile: current.panel.profile,
        })
      }
      // Post to the worker first: the re-render for "running" would otherwise delay it by a frame.
      const pending = runOnLabHost({ files: current.files, scenario })
      setRunning(true)
      onStateChange('running')
      const result = await pending
      if (result === CANCELLED) return // A newer run owns the state now.
      setRunning(false)
      setOutcome(result)
      if (result.ok) {
        setErrorMarker(undefined)
        if (kind === 'check' && meta.exercise) {
          const next = evaluateChecks(meta.exercise.checks, result)
          setVerdicts(next)
          if (next.every((verdict) => verdict.pass) && latest.current.mode.kind === 'mine') {
            recordExercisePassed(example)
          }
        }
        onStateChange('done')
      } else {
        setErrorMarker(markerFor(result.error, current.files))
        onStateChange('error')
      }
    },
    [example, meta, onStateChange],
  )

  const ready = starter !== null
  // Run or Check pressed while the files were still loading: do it as soon as they are here.
  // Not when a share link opens this lab: that Run was pressed on the original code, shown until now.
  const [pending, setPending] = useState<'run' | 'check' | null>(
    runWhenReady && readShareTarget()?.example !== example ? 'run' : null,
  )
  useEffect(() => {
    if (ready && pending) {
      setPending(null)
      void run(pending)
    }
  }, [ready, pending, run])
  const request = (kind: 'run' | 'check') => (ready ? void run(kind) : setPending(kind))

  function onKeyDownCapture(event: KeyboardEvent) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      event.stopPropagation()
      request('run')
    }
  }

  function reset() {
    if (!starter) return
    const previous = latest.current.mode.kind !== 'mine' ? latest.current.mode.mine : latest.current.files
    forgetShareTarget(example)
    // A save still waiting for its debounce (an edit or Undo just before) would write the old files back.
    clearTimeout(saveTimer.current)
    pendingSave.current = null
    setMode({ kind: 'mine' })
    replaceFiles(starter)
    setStorageWorks(clearEdits(example))
    setNotice(sameFiles(previous, starter) ? null : { kind: 'reset', previous })
  }

  /** Leaves a share link's code: back to the reader's own files, or keeping the shared ones as theirs. */
  function leaveSharedCode(keep: boolean) {
    const current = latest.current.mode
    if (current.kind !== 'shared') return
    forgetShareTarget(example)
    setMode({ kind: 'mine' })
    if (keep) persist(latest.current.files)
    else replaceFiles(current.mine)
  }

  function undoReset(previous: FileTree) {
    replaceFiles(previous)
    persist(previous)
    setNotice(null)
  }

  function toggleSolution() {
    if (!solution) return
    if (mode.kind !== 'solution') {
      setMode({ kind: 'solution', mine: mode.kind === 'shared' ? mode.mine : latest.current.files })
      forgetShareTarget(example)
      replaceFiles(solution)
    } else {
      replaceFiles(mode.mine)
      setMode({ kind: 'mine' })
    }
  }

  const summaryLine = useMemo(() => {
    if (!outcome) return ''
    if (outcome.ok) return outcome.summary.line
    const location = errorLocation(outcome.error)
    return `Run failed: ${outcome.error.message}${location ? ` (${location})` : ''}`
  }, [outcome])

  return (
    <div onKeyDownCapture={onKeyDownCapture}>
      {mode.kind === 'shared' && starter && (
        <SharedLinkNotice
          {...mode.link}
          hasOwnVersion={!sameFiles(mode.mine, starter)}
          onBack={() => leaveSharedCode(false)}
          onKeep={() => leaveSharedCode(true)}
        />
      )}
      {shareProblem && (
        <ShareProblemNotice
          message={shareProblem}
          showing={starter && !sameFiles(files, starter) ? 'your saved version' : 'the original'}
          onDismiss={() => {
            setShareProblem(null)
            forgetShareTarget(example)
          }}
        />
      )}
      {ready ? (
        <Suspense fallback={<StaticCode meta={meta} highlighted={highlighted} />}>
          <div className={styles.code}>
            <CodeEditor
              key={editorRevision}
              files={files}
              visibleFiles={meta.visibleFiles}
              activeFile={openFile}
              readOnlyFiles={meta.readOnlyFiles}
              height={meta.editorHeight}
              errorMarker={errorMarker}
              onFilesChange={onFilesChange}
              onActiveFileChange={setOpenFile}
            />
          </div>
        </Suspense>
      ) : (
        <StaticCode meta={meta} highlighted={highlighted} />
      )}
      {loadError && (
        <p className={styles.notice} role="alert">
          {loadError}
        </p>
      )}
      {notice?.kind === 'example-changed' && mode.kind !== 'shared' && (
        <div className={styles.notice} role="status">
          <span>This example changed since you edited it. You are looking at your version.</span>
          <button
            type="button"
            className={styles.button}
            onClick={() => {
              const mine = latest.current.files
              if (starter) replaceFiles(starter)
              clearEdits(example)
              setNotice({ kind: 'reset', previous: mine })
            }}
          >
            Use the updated example
          </button>
          <button
            type="button"
            className={styles.button}
            onClick={() => {
              persist(latest.current.files)
              setNotice(null)
            }}
          >
            Keep my version
          </button>
        </div>
      )}
      {notice?.kind === 'reset' && (
        <div className={styles.notice} role="status">
          <span>The files are back to the original.</span>
          <button type="button" className={styles.button} onClick={() => undoReset(notice.previous)}>
            Undo
          </button>
        </div>
      )}
      {mode.kind === 'solution' && (
        <p className={styles.notice} role="status">
          You are looking at the solution. “Back to my version” restores your code; edits here are not saved.
        </p>
      )}
      {!storageWorks && (
        <p className={styles.notice} role="status">
          This browser is not keeping your edits (storage is full or disabled): they will be lost when you leave the
          page.
        </p>
      )}
      <StableRequestPanel
        meta={meta}
        value={panel}
        onChange={onPanelChange}
        bodyError={bodyError}
        headersError={headersError}
      />
      <RunBar onRun={() => request('run')} onReset={reset} running={running} resetDisabled={!ready}>
        {starter && <CopyLinkButton example={example} hash={meta.hash} starter={starter} files={files} />}
        <LabDownload example={example} meta={meta} original={starter} currentFiles={() => mineOf(latest.current)} />
      </RunBar>
      {meta.exercise && (
        <ExercisePanel
          goal={meta.exercise.goal}
          verdicts={verdicts}
          completed={passed !== null}
          passedAt={passed?.passedAt}
          passSaved={passed?.saved}
          showingSolution={mode.kind === 'solution'}
          hasSolution={solution !== null}
          onCheck={() => request('check')}
          onToggleSolution={toggleSolution}
        />
      )}
      <p className={styles.summary} role="status" aria-live="polite" data-testid="run-summary">
        {running ? '' : summaryLine}
      </p>
      {outcome && !outcome.ok && <RunErrorDetails error={outcome.error} />}
      {outcome && outcome.ok && <Results result={outcome} />}
    </div>
  )
}

/** The reader's own files, also while the solution is shown. */
function mineOf(current: { files: FileTree; mode: Mode }): FileTree {
  return current.mode.kind === 'solution' ? current.mode.mine : current.files
}

function pick(saved: FileTree, starter: FileTree): FileTree {
  // Files the lesson no longer has are dropped: the engine would otherwise run ghosts.
  return Object.fromEntries(Object.entries(saved).filter(([path]) => path in starter))
}

function sameFiles(a: FileTree, b: FileTree): boolean {
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key])
}

function markerFor(error: LabError, files: FileTree): ErrorMarker | undefined {
  if (!error.file || error.line === undefined || !(error.file in files)) return undefined
  return { file: error.file, line: error.line, column: error.column }
}
