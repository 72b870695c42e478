/** What the queues did, for the run's one-line summary: the part a reader of a queue lab looks at first. */
import type { QueueEvent, TimelineEvent } from '../types'

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/** ` · queue: 6 delivered · 12 redelivered · 6 to a dead-letter queue`, or '' when no queue was used. */
export function queueSummary(timeline: TimelineEvent[]): string {
  const events = timeline.filter((e): e is QueueEvent => e.type.startsWith('queue-'))
  if (events.length === 0) return ''
  const deliveries = events.filter((e) => e.type === 'queue-deliver')
  const parts = [
    `${plural(events.filter((e) => e.type === 'queue-send').length, 'message')} sent`,
    `${deliveries.filter((e) => e.receiveCount === 1).length} delivered`,
  ]
  const again = deliveries.filter((e) => e.receiveCount > 1).length
  if (again) parts.push(`${again} redelivered`)
  const dead = events.filter((e) => e.type === 'queue-dead-letter').length
  if (dead) parts.push(`${dead} to a dead-letter queue`)
  const failed = events.filter((e) => e.type === 'queue-failed').length
  if (failed) parts.push(`${plural(failed, 'job')} failed for good`)
  return ` · queue: ${parts.join(', ')}`
}
