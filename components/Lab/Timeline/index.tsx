import { lazy, memo, Suspense } from 'react'
import type { RunResult } from '@/lib/lab/types'
import styles from '../Lab.module.css'

// The drawing loads when a reader first opens the tab: none of it is in the lab's own chunk.
const TimelineView = lazy(() => import('./TimelineView'))

/** The Timeline tab's thin entry. Memoized, like the other tabs: choosing another request re-renders Results, not the drawing. */
export const TimelineTab = memo(function TimelineTab({ result }: { result: RunResult }) {
  return (
    <Suspense fallback={<p className={styles.hint}>Drawing the timeline…</p>}>
      <TimelineView result={result} />
    </Suspense>
  )
})
