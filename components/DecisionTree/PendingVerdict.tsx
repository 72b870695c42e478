import styles from './DecisionTree.module.css'

interface PendingVerdictProps {
  answeredCount: number
  questionCount: number
  blockerAnsweredYes: boolean
}

/**
 * What stands where the verdict will be. The verdict itself waits for all six answers so its list of
 * reasons is complete; a blocker answered "Yes" already fixes the outcome, so say that much early.
 */
export function PendingVerdict({ answeredCount, questionCount, blockerAnsweredYes }: PendingVerdictProps) {
  const remaining = questionCount - answeredCount
  return (
    <section className={styles.pending} data-testid="verdict-pending" aria-label="Verdict">
      <p>{`Your verdict appears here once all ${questionCount} questions are answered${
        answeredCount > 0 ? ` (${remaining} to go)` : ''
      }.`}</p>
      {blockerAnsweredYes && (
        <p>
          One of your answers is a blocker, so the verdict will be “No” for that part of the work. Answer the rest to
          see every reason and what to do about each.
        </p>
      )}
    </section>
  )
}
