import type { RunResult } from '@/lib/lab/types'
import { formatMs } from '../format'
import { formatWindow, outcomeOf, plural } from './helpers'
import type { ConnectionsModel, InstanceLane, QuotaModel, TimelineMarker } from './types'

/** Plain sentences that tell the run's story: the Timeline's text alternative, shown above the drawing. */
export function summarise(
  result: RunResult,
  lanes: InstanceLane[],
  connections: ConnectionsModel,
  quota: QuotaModel | undefined,
  markers: TimelineMarker[],
): string[] {
  const lines: string[] = []
  const failed = result.requests.filter((request) => outcomeOf(request) === 'failed')
  const failedRange =
    failed.length === 0
      ? ''
      : failed.length === failed[failed.length - 1].index - failed[0].index + 1 && failed.length > 1
        ? ` (#${failed[0].index + 1}–#${failed[failed.length - 1].index + 1})`
        : ''
  const statuses = Object.entries(result.summary.byStatus)
    .map(([status, count]) => `${count} × ${status}`)
    .join(', ')
  lines.push(
    `${plural(result.requests.length, 'request')} over ${formatMs(result.summary.durationMs)} on ${plural(lanes.length, 'instance')}: ${statuses}` +
      (failed.length > 0 ? `; ${failed.length} failed${failedRange}.` : '.'),
  )
  const recycled = lanes.filter((lane) => lane.recycled)
  const frozen = markers.filter((marker) => marker.kind === 'freeze').length
  if (frozen > 0 || recycled.length > 0) {
    const leaked = recycled.reduce((sum, lane) => sum + lane.recycled!.leakedConnections, 0)
    lines.push(
      `${plural(frozen, 'freeze')}` +
        (recycled.length > 0 ? `, ${plural(recycled.length, 'instance')} recycled` : '') +
        (leaked > 0
          ? `, leaving ${plural(leaked, 'connection')} open (${recycled
              .filter((lane) => lane.recycled!.leakedConnections > 0)
              .map((lane) => `${lane.id}: ${lane.recycled!.leakedConnections}`)
              .join(', ')}).`
          : '.'),
    )
  }
  const lost = markers.filter((marker) => marker.kind === 'background-lost').length
  if (lost > 0)
    lines.push(
      `${plural(lost, '`background-lost` event')}: work still pending when its instance froze or ran out of time.`,
    )
  lines.push(
    `Connections: peak ${connections.peakOpen} of max_connections ${connections.maxConnections}` +
      (connections.refusedTotal > 0 ? `, ${plural(connections.refusedTotal, 'attempt')} refused` : '') +
      `, ${connections.openAtEnd} open at the end` +
      (connections.checkouts > 0
        ? `; ${plural(connections.checkouts, 'pool checkout')}, at most ${connections.peakInUse} at once${connections.viaPooler ? ' (client connections to the pooler)' : ''}.`
        : '.'),
  )
  const timeouts = markers.filter((marker) => marker.kind === 'max-duration').length
  if (timeouts > 0) lines.push(`${plural(timeouts, 'request')} stopped at maxDuration.`)
  const waits = markers.filter((marker) => marker.kind === 'lock-wait').length
  if (waits > 0) lines.push(`${plural(waits, 'statement')} waited on a lock held by another transaction.`)
  if (quota)
    lines.push(
      `Quota: ${quota.maxQueries} queries per ${formatWindow(quota.windowMs)}; ${Math.min(quota.peakUsed, quota.maxQueries)} used` +
        (quota.rejected > 0
          ? `, then ${plural(quota.rejected, 'query', 'queries')} refused (53400)${quota.firstRejected?.request !== undefined ? ` from request #${quota.firstRejected.request + 1}` : ''}.`
          : '.'),
    )
  const cache = markers.filter((marker) => marker.kind === 'cache')
  if (cache.length > 0) {
    const counts = new Map<string, number>()
    for (const marker of cache) counts.set(marker.name, (counts.get(marker.name) ?? 0) + 1)
    lines.push(`Cache: ${[...counts].map(([name, count]) => `${name} × ${count}`).join(', ')}.`)
  }
  return lines
}
