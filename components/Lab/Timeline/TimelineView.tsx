import { useMemo } from 'react'
import type { RunResult } from '@/lib/lab/types'
import { formatMs } from '../format'
import { ConnectionsChart } from './ConnectionsChart'
import { EventList } from './EventList'
import { layoutFor } from './layout'
import { Legend } from './Legend'
import { buildTimelineModel } from './model'
import { PlatformChart } from './PlatformChart'
import { QuotaChart } from './QuotaChart'
import styles from './Timeline.module.css'
import { buildTimeAxis, type TimeAxis } from './timeAxis'
import { TimingsTable } from './TimingsTable'
import { useElementWidth } from './useElementWidth'

/** What the shaded bands are, with the longest one's real length. */
function breaksHint(axis: TimeAxis): string {
  const longest = Math.max(...axis.breaks.map((piece) => piece.to - piece.from))
  return axis.breaks.length === 1
    ? `The shaded band with a zigzag is ${formatMs(longest)} in which nothing happened, compressed.`
    : `The ${axis.breaks.length} shaded bands are stretches in which nothing happened (the longest ${formatMs(longest)}), compressed; the axis gives their real length where there is room.`
}

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
  // Connections change in a few milliseconds of a burst: their chart compresses shorter quiet stretches.
  const connectionsAxis = useMemo(
    () =>
      buildTimeAxis(model.connectionMoments, model.end, layout.plotWidth, {
        minGapMs: Math.min(2_000, model.end * 0.15),
      }),
    [model, layout.plotWidth],
  )
  const zoomed = connectionsAxis.breaks.length > axis.breaks.length
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
          {`${model.rows.reduce((n, row) => n + row.requests.length, 0)} requests in ${model.rows.length} rows: each row stands for consecutive requests with the same route and outcome; all of them are drawn, and the table lists each one.`}
        </p>
      )}
      {model.messagesSummarised && (
        <p className={styles.hint}>
          {`${model.messageRows.reduce((n, row) => n + row.messages.length, 0)} messages in ${model.messageRows.length} rows: each row stands for consecutive messages that went the same way; all of them are drawn.`}
        </p>
      )}
      {axis.breaks.length > 0 && <p className={styles.hint}>{breaksHint(axis)}</p>}
      <PlatformChart model={model} timeline={result.timeline} axis={axis} layout={layout} />
      <h4 className={styles.chartHeading}>Database connections</h4>
      {zoomed && (
        <p className={styles.hint}>
          On its own time axis: the quiet stretches between connection changes are compressed.
        </p>
      )}
      <ConnectionsChart model={model.connections} axis={connectionsAxis} layout={layout} />
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
