import styles from './StartupStatus.module.css'
import type { StartupProgress } from './state'

/**
 * What a first run waits for, while it waits: the page's database starting in the browser (once per
 * page), step by step. No "Run again" here: a click now would only queue the same wait again.
 */
export function StartupStatus({ progress }: { progress: StartupProgress }) {
  return (
    <span className={styles.startup} data-testid="startup-status">
      Starting Postgres in your browser (first run only)… {progress.label}, step {progress.step} of {progress.steps}
      <progress max={progress.steps} value={progress.step - 0.5} aria-label="Starting Postgres" />
    </span>
  )
}
