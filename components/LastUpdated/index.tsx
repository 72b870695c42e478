import { formatLessonDate } from './formatLessonDate'

/**
 * The "Last updated" line under a lesson (theme.config.tsx `gitTimestamp`). Nextra's default calls
 * `toLocaleDateString`, and the first Intl call on a page took about 11 ms of main-thread time in the
 * Lighthouse profile, inside the task that follows hydration; the course is in English, so a fixed
 * format costs nothing.
 */
export function LastUpdated({ timestamp }: { timestamp: Date }) {
  return (
    <>
      Last updated on <time dateTime={timestamp.toISOString()}>{formatLessonDate(timestamp)}</time>
    </>
  )
}
