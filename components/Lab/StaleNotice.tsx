/**
 * Says that the results below are not the answer to what the lab shows now (session/state.ts
 * `stale`): old results stay for comparison, but they must never look current.
 */
import type { Staleness } from './session/state'
import styles from './Stale.module.css'

const WHY: Record<Exclude<Staleness, null>, string> = {
  'files-changed':
    'The code changed since this run: the results below are from the earlier code. Press Run to update them.',
  'panel-invalid':
    'Nothing was sent: the request panel has an error (see above). The results below are from the previous run.',
}

export function StaleNotice({ stale }: { stale: Staleness }) {
  if (!stale) return null
  return (
    <p className={styles.staleNotice} data-testid="stale-results" data-stale={stale}>
      <span aria-hidden="true">⚠ </span>
      {WHY[stale]}
    </p>
  )
}
