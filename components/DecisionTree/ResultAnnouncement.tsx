import type { Decision } from '@/lib/decision-tree/rules'
import styles from './DecisionTree.module.css'

/**
 * A polite live region that is always in the page, so screen readers notice when its text changes.
 * It only speaks when the verdict appears or changes, not on every answer, which would be noise.
 */
export function ResultAnnouncement({ decision }: { decision: Decision }) {
  const message =
    decision.status === 'complete'
      ? `Verdict: ${decision.verdict.title}. ${decision.reasons.length} ${
          decision.reasons.length === 1 ? 'reason' : 'reasons'
        } listed below the questions.`
      : ''
  return (
    <p role="status" aria-live="polite" className={styles.visuallyHidden} data-testid="verdict-announcement">
      {message}
    </p>
  )
}
