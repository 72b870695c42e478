/**
 * The Introduction's `<CourseMap />`, loaded after hydration: the map shows progress stored in this browser,
 * which the build cannot know, and its code (the progress store and its schema) would otherwise put ~10 kB on
 * the Introduction's first load, past its budget (tests/e2e/budgets.spec.ts). Until it arrives, and with
 * JavaScript off, the section says what will be there; the sidebar already lists every page.
 */
import dynamic from 'next/dynamic'
import styles from './CourseMap.module.css'

function CourseMapPlaceholder() {
  return (
    <div className={styles.map} aria-busy="true">
      <p className={styles.continue}>
        Your course map reads your progress from this browser, so it appears once the page&apos;s scripts have run.
      </p>
    </div>
  )
}

export const CourseMap = dynamic(() => import('./CourseMap').then((module) => module.CourseMap), {
  ssr: false,
  loading: CourseMapPlaceholder,
})
