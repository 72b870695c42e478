import { formatMs } from '../format'
import type { EventGroup } from './model'
import styles from './Timeline.module.css'

/**
 * Every event the lessons name, in words: the Timeline's text alternative for screen readers, and a
 * list anyone can scan. Repeated events (an hour of cache hits) are one line with a count.
 */
export function EventList({ events }: { events: EventGroup[] }) {
  if (events.length === 0) return <p className={styles.hint}>No platform events in this run.</p>
  return (
    // Focusable: a long list scrolls inside its max-height, and keyboard users must be able to scroll it.
    <ol className={styles.events} aria-label="Events" data-testid="timeline-events" tabIndex={0}>
      {events.map((event) => (
        <li key={event.key} data-kind={event.kind}>
          <span className={styles.eventTime}>
            {event.count > 1 && event.last !== event.first
              ? `${formatMs(event.first)}–${formatMs(event.last)}`
              : formatMs(event.first)}
          </span>{' '}
          <code
            className={
              event.kind === 'background-lost' ||
              event.kind === 'leaked-connections' ||
              event.kind === 'max-duration' ||
              event.kind === 'quota-exceeded' ||
              event.kind === 'refused' ||
              event.kind === 'dead-letter' ||
              event.kind === 'queue-batch-failed' ||
              event.kind === 'job-failed'
                ? styles.eventNameBad
                : styles.eventName
            }
          >
            {event.name}
          </code>
          {event.count > 1 ? ` × ${event.count}` : ''}
          {`: ${event.text}`}
        </li>
      ))}
    </ol>
  )
}
