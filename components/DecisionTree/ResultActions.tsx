import { CopyLinkButton } from './CopyLinkButton'
import styles from './DecisionTree.module.css'

export function ResultActions() {
  return (
    <div className={styles.actions}>
      <CopyLinkButton />
      <button type="button" className={styles.button} onClick={() => window.print()}>
        Print result
      </button>
    </div>
  )
}
