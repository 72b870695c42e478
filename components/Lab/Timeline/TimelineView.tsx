import { useMemo } from 'react'
import type { RunResult } from '@/lib/lab/types'
import { ConnectionsChart } from './ConnectionsChart'
import { EventList } from './EventList'
import { layoutFor } from './layout'
import { Legend } from './Legend'
import { buildTimelineModel } from './model'
import { PlatformChart } from './PlatformChart'
import { QuotaChart } from './QuotaChart'
import styles from './Timeline.module.css'
import { buildTimeAxis } from './timeAxis'
import { TimingsTable } from './TimingsTable'
import { useElementWidth } from './useElementWidth'

/** `code` spans in the summary's sentences. */
function Sentence({ text }: { text: string }) {
  return <>{text.split('`').map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part))}</>
}

/**
 * The Timeline tab: what the platform did, drawn (instances, requests, connections, quota) and said
 * (the summary above, the events below, the table), on one time axis that compresses idle stretches.
 * Drawn at the panel's real width, so it reflows on a phone instead of shrinking.
 */
export default function TimelineView({ result }: { result: RunResult }) {
  const [ref, width] = useElementWidth<HTMLDivElement>(720)
  const model = useMemo(() => buildTimelineModel(result), [result])
  const layout = layoutFor(width)
  const axis = useMemo(() => buildTimeAxis(model.moments, model.end, layout.plotWidth), [model, layout.plotWidth])
  return (
    <div ref={ref} className={styles.timeline} data-testid="timeline">
      <ul className={styles.summary} data-testid="timeline-summary">
        {model.summary.map((line) => (
          <li key={line}>
            <Sentence text={line} />
          </li>
        ))}
      </ul>
      <Legend model={model} />
      {model.summarised && (
        <p className={styles.hint}>
          {`${result.requests.length} requests in ${model.rows.length} rows: each row stands for consecutive requests with the same route and outcome; all of them are drawn, and the table lists each one.`}
        </p>
      )}
      {axis.breaks.length > 0 && (
        <p className={styles.hint}>
          Zigzag bands are stretches in which nothing happened, compressed; their real length is written under them.
        </p>
      )}
      <PlatformChart model={model} timeline={result.timeline} axis={axis} layout={layout} />
      <h4 className={styles.chartHeading}>Database connections</h4>
      <ConnectionsChart model={model.connections} axis={axis} layout={layout} />
      {model.quota && (
        <>
          <h4 className={styles.chartHeading}>Queries used against the quota</h4>
          <QuotaChart model={model.quota} axis={axis} layout={layout} />
        </>
      )}
      <h4 className={styles.chartHeading}>Events</h4>
      <EventList events={model.events} />
      <TimingsTable requests={result.requests} />
    </div>
  )
}
