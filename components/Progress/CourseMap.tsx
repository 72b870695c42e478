/**
 * `<CourseMap />` on the Introduction: every part of the course with the reader's progress in it, and
 * "continue where you left off". The map is a nested list (a screen reader reads each page with its state
 * in words); the marks beside the words are decoration. The course's structure comes from Nextra's page
 * map, the progress from the store (lib/progress/), which loads after hydration: the build's HTML has the
 * map without progress. Export, import, reset and the offline control load lazily below it.
 */
import dynamic from 'next/dynamic'
import Link from 'next/link'
import { useConfig } from 'nextra-theme-docs'
import { useMemo } from 'react'
import { formatLessonDate } from '@/components/LastUpdated/formatLessonDate'
import { useProgress } from '@/lib/progress/client'
import { continueAt, courseParts, pageState, type DocsItemLike, type PageState } from '@/lib/progress/course'
import styles from './CourseMap.module.css'

const ProgressPanel = dynamic(() => import('./ProgressPanel'), { ssr: false })

const STATE_TEXT: Record<PageState, { mark: string; words: string }> = {
  read: { mark: '✓', words: 'read' },
  opened: { mark: '◐', words: 'opened, not finished' },
  new: { mark: '○', words: 'not opened yet' },
}

const href = (route: string) => (route === '/' ? '/' : `${route}/`)

export function CourseMap() {
  const { normalizePagesResult } = useConfig()
  const parts = useMemo(
    () => courseParts(normalizePagesResult.docsDirectories as unknown as DocsItemLike[]),
    [normalizePagesResult.docsDirectories],
  )
  const snapshot = useProgress()
  const progress = snapshot?.progress
  const next = progress ? continueAt(parts, progress) : null
  const passedOn = (route: string) =>
    progress
      ? Object.values(progress.exercises).filter((exercise) => exercise.route === route && exercise.passedAt !== null)
      : []

  return (
    <div className={styles.map} data-testid="course-map" aria-busy={!snapshot}>
      {snapshot && !snapshot.saving.ok && (
        <p className={styles.warning} role="status" data-testid="progress-not-saved">
          {snapshot.saving.message}
        </p>
      )}
      <p className={styles.continue} data-testid="continue">
        {!progress ? (
          '\u00a0'
        ) : next ? (
          <>
            {next.finished ? 'You have read every page. Last opened: ' : 'Continue where you left off: '}
            <Link href={href(next.page.route)}>
              <strong>{next.page.title}</strong>
            </Link>{' '}
            (last visit {formatLessonDate(new Date(next.lastOpenedAt))}).
          </>
        ) : (
          <>
            You have not started yet: begin with the <Link href="/playground/">Playground</Link> or{' '}
            <Link href="/why-api-routes-work/">Why API routes work</Link>.
          </>
        )}
      </p>
      <ol className={styles.parts} aria-label="Course map">
        {parts.map((part) => {
          const read = progress ? part.pages.filter((page) => pageState(progress, page.route) === 'read').length : 0
          return (
            <li key={part.route} className={styles.part} data-part={part.route}>
              <div className={styles.partHead}>
                <span>{part.title}</span>
                <span className={styles.count} data-testid="part-count">
                  {progress ? `${read} of ${part.pages.length} read` : `${part.pages.length} pages`}
                </span>
              </div>
              {part.pages.length > 1 && (
                <progress
                  className={styles.meter}
                  max={part.pages.length}
                  value={read}
                  aria-label={`${part.title}: ${read} of ${part.pages.length} pages read`}
                />
              )}
              <ol className={styles.pages}>
                {part.pages.map((page) => {
                  const state = progress ? pageState(progress, page.route) : null
                  const passes = passedOn(page.route)
                  return (
                    <li key={page.route} data-route={page.route} data-state={state ?? undefined}>
                      <span className={`${styles.mark} ${state ? styles[state] : ''}`} aria-hidden="true">
                        {state ? STATE_TEXT[state].mark : ''}
                      </span>
                      <Link href={href(page.route)}>{page.title}</Link>
                      {state && <span className={styles.state}>: {STATE_TEXT[state].words}</span>}
                      {passes.length > 0 && (
                        <span className={styles.state}>
                          ; exercise passed on {formatLessonDate(new Date(passes[0].passedAt!))}
                          {passes.length > 1 ? ` (${passes.length} exercises)` : ''}
                        </span>
                      )}
                    </li>
                  )
                })}
              </ol>
            </li>
          )
        })}
      </ol>
      <ProgressPanel />
    </div>
  )
}
