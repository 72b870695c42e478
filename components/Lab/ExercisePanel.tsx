import { formatLessonDate } from '@/components/LastUpdated/formatLessonDate'
import type { CheckVerdict } from '@/lib/examples/exercise-checks'
import { HintButton, HintList } from './Hints/Hints'
import { useRevealedHints } from './Hints/useRevealedHints'
import styles from './Lab.module.css'
import staleStyles from './Stale.module.css'

interface ExercisePanelProps {
  goal: string
  /** The exercise's hints (meta `exercise.hints`), revealed one at a time before the solution. */
  hints: string[]
  /** The example whose revealed hints are remembered; absent in the static lab, where the button only holds its place. */
  example?: string
  verdicts: CheckVerdict[] | null
  /** The verdicts are from before the code changed (session/state.ts `stale`). */
  verdictsStale?: boolean
  completed: boolean
  /** When the reader first passed (lib/progress/); null when the date is not known. */
  passedAt?: number | null
  /** False when the pass could not be saved (storage blocked or full). */
  passSaved?: boolean
  showingSolution: boolean
  hasSolution: boolean
  onCheck: () => void
  onToggleSolution: () => void
}

/** The goal, "Check" (runs the exercise scenario and lists each check), the hints, and the solution toggle. */
export function ExercisePanel({
  goal,
  hints,
  example,
  verdicts,
  verdictsStale = false,
  completed,
  passedAt,
  passSaved = true,
  showingSolution,
  hasSolution,
  onCheck,
  onToggleSolution,
}: ExercisePanelProps) {
  const passed = verdicts?.filter((verdict) => verdict.pass).length ?? 0
  const { revealed, announced, revealNext } = useRevealedHints(example, hints.length)
  return (
    <div className={styles.exercise} role="group" aria-label="Exercise">
      <p>
        <strong>Exercise:</strong> {goal}
        {completed && (
          <span className={styles.pass} data-testid="exercise-completed">
            {' '}
            ✓ Passed
            {typeof passedAt === 'number' && (
              <>
                {' '}
                on <time dateTime={new Date(passedAt).toISOString()}>{formatLessonDate(new Date(passedAt))}</time>
              </>
            )}
            {!passSaved && ' (not saved: this browser is not keeping your progress)'}
          </span>
        )}
      </p>
      <div className={styles.row}>
        <button type="button" className={styles.button} onClick={onCheck} data-action="check">
          Check
        </button>
        <HintButton revealed={revealed} total={hints.length} onReveal={example ? revealNext : undefined} />
        {hasSolution && (
          <button type="button" className={styles.button} onClick={onToggleSolution} data-action="toggle-solution">
            {showingSolution ? 'Back to my version' : 'Show solution'}
          </button>
        )}
      </div>
      <HintList hints={hints} revealed={revealed} announced={announced} hasSolution={hasSolution} />
      {verdicts && (
        <>
          <p className={styles.hint} style={{ marginTop: '0.4rem' }}>
            {passed} of {verdicts.length} checks pass{passed === verdicts.length ? ': well done.' : '.'}
            {verdictsStale && (
              <strong data-testid="checks-stale">
                {' '}
                These ran before your latest change: press Check to check again.
              </strong>
            )}
          </p>
          <ul
            className={`${styles.checks} ${verdictsStale ? staleStyles.staleResults : ''}`}
            data-testid="check-results"
          >
            {verdicts.map((verdict) => (
              <li key={verdict.label} className={verdict.pass ? styles.pass : styles.fail} data-pass={verdict.pass}>
                <span aria-hidden="true">{verdict.pass ? '✓' : '✗'} </span>
                <span className={styles.srOnly}>{verdict.pass ? 'Passed: ' : 'Failed: '}</span>
                {verdict.label} <span className={styles.kbd}>{verdict.detail}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}
