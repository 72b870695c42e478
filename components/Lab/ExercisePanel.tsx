import { formatLessonDate } from '@/components/LastUpdated/formatLessonDate'
import type { CheckVerdict } from '@/lib/examples/exercise-checks'
import styles from './Lab.module.css'

interface ExercisePanelProps {
  goal: string
  verdicts: CheckVerdict[] | null
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

/** The goal, "Check" (runs the exercise scenario and lists each check), and the solution toggle. */
export function ExercisePanel({
  goal,
  verdicts,
  completed,
  passedAt,
  passSaved = true,
  showingSolution,
  hasSolution,
  onCheck,
  onToggleSolution,
}: ExercisePanelProps) {
  const passed = verdicts?.filter((verdict) => verdict.pass).length ?? 0
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
        <button type="button" className={styles.button} onClick={onCheck}>
          Check
        </button>
        {hasSolution && (
          <button type="button" className={styles.button} onClick={onToggleSolution}>
            {showingSolution ? 'Back to my version' : 'Show solution'}
          </button>
        )}
      </div>
      {verdicts && (
        <>
          <p className={styles.hint} style={{ marginTop: '0.4rem' }}>
            {passed} of {verdicts.length} checks pass{passed === verdicts.length ? ': well done.' : '.'}
          </p>
          <ul className={styles.checks} data-testid="check-results">
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
