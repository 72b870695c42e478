import type { RunResult } from '@/lib/lab/types'
import type { InstanceLane, LaneSpan } from './types'

/**
 * One lane per instance: cold start until ready, busy while it handles a request, background work,
 * frozen from each freeze until work thaws it, idle otherwise, ending where it was recycled.
 */
export function buildLanes(
  result: RunResult,
  end: number,
  /** Work that is not a request: queue consumers' batches and jobs, busy on their instance too. */
  work: Array<{ instance: string; from: number; to: number }> = [],
): InstanceLane[] {
  const lanes = new Map<string, InstanceLane>()
  const ready = new Map<string, number>()
  const freezes = new Map<string, number[]>()
  const afterOpen = new Map<string, number[]>()
  for (const event of result.timeline) {
    if (event.type === 'instance-start')
      lanes.set(event.instance, { id: event.instance, start: event.t, end, spans: [], requests: 0 })
    else if (event.type === 'instance-ready') ready.set(event.instance, event.t)
    else if (event.type === 'instance-freeze')
      freezes.set(event.instance, [...(freezes.get(event.instance) ?? []), event.t])
    else if (event.type === 'instance-recycle') {
      const lane = lanes.get(event.instance)
      if (lane) {
        lane.end = event.t
        lane.recycled = { t: event.t, leakedConnections: event.leakedConnections }
      }
    } else if (event.type === 'after-start')
      afterOpen.set(event.instance, [...(afterOpen.get(event.instance) ?? []), event.t])
    else if (event.type === 'after-end') {
      const starts = afterOpen.get(event.instance)
      const from = starts?.shift()
      const lane = lanes.get(event.instance)
      if (lane && from !== undefined) lane.spans.push({ from, to: event.t, state: 'after' })
    }
  }
  for (const [instance, starts] of afterOpen) {
    const lane = lanes.get(instance)
    for (const from of starts) lane?.spans.push({ from, to: lane.end, state: 'after' })
  }
  const busy = new Map<string, Array<[number, number]>>()
  for (const request of result.requests) {
    const lane = request.instance ? lanes.get(request.instance) : undefined
    if (!lane) continue
    lane.requests++
    const from = request.timing.start + request.timing.queuedMs + request.timing.coldStartMs
    busy.set(lane.id, [...(busy.get(lane.id) ?? []), [from, request.timing.end]])
  }
  for (const span of work)
    if (lanes.has(span.instance)) busy.set(span.instance, [...(busy.get(span.instance) ?? []), [span.from, span.to]])
  for (const lane of lanes.values()) {
    const readyAt = ready.get(lane.id) ?? lane.start
    const work = [
      ...(busy.get(lane.id) ?? []),
      ...lane.spans.map((span): [number, number] => [span.from, span.to]),
    ].sort((a, b) => a[0] - b[0])
    const spans: LaneSpan[] = [{ from: readyAt, to: lane.end, state: 'idle' }]
    // Frozen from each freeze until the next work thaws it (or the lane ends).
    for (const t of freezes.get(lane.id) ?? []) {
      const thaw = work.find(([from]) => from > t)
      spans.push({ from: t, to: Math.min(thaw ? thaw[0] : lane.end, lane.end), state: 'frozen' })
    }
    spans.push({ from: lane.start, to: readyAt, state: 'cold' })
    for (const [from, to] of busy.get(lane.id) ?? []) spans.push({ from, to, state: 'busy' })
    spans.push(...lane.spans)
    lane.spans = spans.filter((span) => span.to > span.from || span.state === 'cold')
  }
  return [...lanes.values()]
}
