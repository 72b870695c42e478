import { useId } from 'react'
import styles from './DecisionTree.module.css'

interface ControlsProps {
  answeredCount: number
  questionCount: number
  disabled: boolean
  onBack(): void
  onStartOver(): void
}

/** Progress and the two ways to take answers back. */
export function Controls({ answeredCount, questionCount, disabled, onBack, onStartOver }: ControlsProps) {
  const nothingAnswered = answeredCount === 0
  const backHintId = useId()
  return (
    <div className={styles.controls}>
      <p className={styles.progress} data-testid="progress">
        {`${answeredCount} of ${questionCount} answered`}
      </p>
      <div className={styles.progressBar} aria-hidden="true">
        <div className={styles.progressFill} style={{ width: `${(answeredCount / questionCount) * 100}%` }} />
      </div>
      <div className={styles.actions}>
        <button
          type="button"
          className={styles.button}
          onClick={onBack}
          disabled={disabled || nothingAnswered}
          aria-describedby={backHintId}
        >
          Back
        </button>
        <button type="button" className={styles.button} onClick={onStartOver} disabled={disabled || nothingAnswered}>
          Start over
        </button>
        <span id={backHintId} className={styles.visuallyHidden}>
          Undoes your most recent answer.
        </span>
      </div>
    </div>
  )
}
