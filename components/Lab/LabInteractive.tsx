/**
 * The interactive lab's view, mounted by ./LabLoaded.tsx: the editor, the notices, the request
 * panel, Run, the exercise and the results, each drawn from the lab's session (session/state.ts).
 * It holds no state of its own; what the reader does goes to the session's commands.
 */
import { lazy, memo, Suspense, useMemo, type KeyboardEvent } from 'react'
import { useExercisePassed } from '@/lib/progress/client'
import { LabDownload } from './Download'
import { CodeFit } from './CodeFit/CodeFit'
import { ExercisePanel } from './ExercisePanel'
import styles from './Lab.module.css'
import staleStyles from './Stale.module.css'
import { FileNotices, ShareNotices } from './LabNotices'
import { RequestPanel } from './RequestPanel'
import { Results } from './Results'
import { failureSummary, RunErrorDetails } from './RunError'
import { RunBar } from './RunBar'
import type { LabCommands } from './session/commands'
import { mineOf, startupWaitOf, type LabSessionState } from './session/state'
import { StartupStatus } from './session/StartupStatus'
import { CopyLinkButton } from './Share'
import { StaleNotice } from './StaleNotice'
import { StaticCode } from './StaticCode'
import type { LabMeta } from './types'

const CodeEditor = lazy(() => import('./CodeEditor'))
/** The request panel's props do not change during a run; it need not re-render for "running" and "done". */
const StableRequestPanel = memo(RequestPanel)

export interface LabInteractiveProps {
  example: string
  meta: LabMeta
  /** Shiki HTML of the active file, read back from the static HTML; shown until the editor is ready. */
  highlighted?: string
  state: LabSessionState
  commands: LabCommands
}

export function LabInteractive({ example, meta, highlighted, state, commands }: LabInteractiveProps) {
  const passed = useExercisePassed(example)
  const { outcome, running } = state
  const startup = startupWaitOf(state)

  const summary = useMemo(() => {
    if (!outcome) return { shown: '', spoken: '' }
    return outcome.ok ? { shown: outcome.summary.line, spoken: '' } : failureSummary(outcome.error)
  }, [outcome])

  function onKeyDownCapture(event: KeyboardEvent) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      event.stopPropagation()
      void commands.run('run')
    }
  }

  return (
    <div onKeyDownCapture={onKeyDownCapture}>
      <ShareNotices state={state} commands={commands} />
      <Suspense fallback={<StaticCode meta={meta} highlighted={highlighted} />}>
        <CodeFit>
          <div className={styles.code}>
            <CodeEditor
              files={state.files}
              visibleFiles={meta.visibleFiles}
              activeFile={state.openFile}
              readOnlyFiles={meta.readOnlyFiles}
              height={meta.editorHeight}
              errorMarker={state.errorMarker}
              onFilesChange={commands.editFiles}
              onActiveFileChange={commands.openFile}
            />
          </div>
        </CodeFit>
      </Suspense>
      <FileNotices state={state} commands={commands} />
      <StableRequestPanel
        meta={meta}
        value={state.panel}
        onChange={commands.changePanel}
        bodyError={state.panelErrors.body}
        headersError={state.panelErrors.headers}
      />
      <RunBar
        onRun={() => void commands.run('run')}
        onReset={commands.reset}
        running={running !== null}
        waiting={startup && <StartupStatus progress={startup} />}
      >
        <CopyLinkButton example={example} hash={meta.hash} starter={state.starter} files={state.files} />
        <LabDownload example={example} meta={meta} original={state.starter} currentFiles={() => mineOf(state)} />
      </RunBar>
      {meta.exercise && (
        <ExercisePanel
          goal={meta.exercise.goal}
          hints={meta.exercise.hints}
          example={example}
          verdicts={state.verdicts}
          verdictsStale={state.stale === 'files-changed'}
          completed={passed !== null}
          passedAt={passed?.passedAt}
          passSaved={passed?.saved}
          showingSolution={state.mode.kind === 'solution'}
          hasSolution={state.solution !== null}
          onCheck={() => void commands.run('check')}
          onToggleSolution={commands.toggleSolution}
        />
      )}
      {!running && <StaleNotice stale={state.stale} />}
      <div
        className={state.stale && !running ? staleStyles.staleResults : undefined}
        data-results-stale={Boolean(state.stale)}
      >
        <p className={styles.summary} role="status" aria-live="polite" data-testid="run-summary">
          {!running && summary.shown}
          {!running && summary.spoken && <span className={styles.srOnly}>{summary.spoken}</span>}
        </p>
        {outcome && !outcome.ok && <RunErrorDetails error={outcome.error} />}
        {outcome && outcome.ok && <Results result={outcome} />}
      </div>
    </div>
  )
}
