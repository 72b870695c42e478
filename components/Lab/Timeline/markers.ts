import type { RunResult } from '@/lib/lab/types'
import { formatMs } from '../format'
import { ofType, plural } from './helpers'
import type { EventGroup, MarkerKind, TimelineMarker } from './types'

/** Every event a lesson names, with the engine's word for it and a sentence for the reader. */
export function buildMarkers(result: RunResult): TimelineMarker[] {
  const markers: TimelineMarker[] = []
  const instanceOf = (request?: number) => (request === undefined ? undefined : result.requests[request]?.instance)
  const requestName = (request?: number) => (request === undefined ? '' : ` (request #${request + 1})`)
  for (const event of result.timeline) {
    switch (event.type) {
      case 'instance-start':
        markers.push({
          kind: 'cold-start',
          t: event.t,
          instance: event.instance,
          name: 'cold start',
          text: `${event.instance} started`,
        })
        break
      case 'instance-freeze':
        markers.push({
          kind: 'freeze',
          t: event.t,
          instance: event.instance,
          name: 'frozen',
          text: `${event.instance} was frozen`,
        })
        break
      case 'instance-recycle':
        markers.push({
          kind: 'leaked-connections',
          t: event.t,
          instance: event.instance,
          name: 'recycled',
          text:
            event.leakedConnections > 0
              ? `${event.instance} was recycled and left ${plural(event.leakedConnections, 'connection')} open (leaked)`
              : `${event.instance} was recycled with no connection open`,
        })
        break
      case 'background-lost':
        markers.push({
          kind: 'background-lost',
          t: event.t,
          instance: event.instance,
          request: event.request,
          name: 'background-lost',
          text: `${event.what}${requestName(event.request)} was pending when ${event.instance} froze`,
        })
        break
      case 'db-lock-wait':
        markers.push({
          kind: 'lock-wait',
          t: event.t,
          instance: instanceOf(event.request),
          request: event.request,
          name: 'lock wait',
          text:
            event.ms === undefined
              ? `a statement${requestName(event.request)} waited on a lock held by connection ${event.heldBy}'s open transaction and never got it`
              : `a statement${requestName(event.request)} waited ${formatMs(event.ms)} on a lock held by connection ${event.heldBy}`,
        })
        break
      case 'db-connect-refused':
        markers.push({
          kind: 'refused',
          t: event.t,
          instance: event.instance,
          request: event.request,
          name: event.code,
          text: 'connection attempt refused',
        })
        break
      case 'cache':
        markers.push({
          kind: 'cache',
          t: event.t,
          name: event.result.toUpperCase(),
          text: `cache ${event.result.toUpperCase()} for ${event.key}`,
        })
        break
      case 'cron':
        markers.push({ kind: 'cron', t: event.t, name: 'cron', text: `cron job ran ${event.path}` })
        break
    }
  }
  let firstQuotaError = true
  for (const event of ofType(result.timeline, 'db-query')) {
    if (event.error !== '53400' || !firstQuotaError) continue
    firstQuotaError = false
    markers.push({
      kind: 'quota-exceeded',
      t: event.t,
      instance: instanceOf(event.request),
      request: event.request,
      name: '53400',
      text: `the database refused its first query over the quota${requestName(event.request)}`,
    })
  }
  const socketOf = new Map((result.webSockets?.clients ?? []).map((client) => [client.request, client]))
  for (const request of result.requests) {
    if (request.platformError === 'FUNCTION_INVOCATION_TIMEOUT')
      markers.push({
        kind: 'max-duration',
        t: request.timing.end,
        instance: request.instance,
        request: request.index,
        name: 'maxDuration',
        text: socketOf.has(request.index)
          ? `request #${request.index + 1}, WebSocket client ${socketOf.get(request.index)!.client}'s connection on ${request.instance}, was stopped at maxDuration; the client saw ${socketOf.get(request.index)!.closeCode}`
          : `request #${request.index + 1} was stopped at maxDuration and answered ${request.status}`,
      })
    if (request.chunks && request.chunks.length > 0)
      markers.push({
        kind: 'stream',
        t: request.chunks[0].t,
        instance: request.instance,
        request: request.index,
        name: 'stream',
        text: `request #${request.index + 1} streamed ${plural(request.chunks.length, 'chunk')}, at ${request.chunks.map((chunk) => `${(chunk.t / 1000).toFixed(3)} s`).join(', ')}`,
      })
  }
  return markers.sort((a, b) => a.t - b.t)
}

/** Kinds listed one line per event; the others (cache, refusals, starts…) one line per kind and text. */
const LISTED_EACH: ReadonlySet<MarkerKind> = new Set([
  'background-lost',
  'queue-redelivered',
  'queue-batch-failed',
  'leaked-connections',
  'max-duration',
  'lock-wait',
  'stream',
])

/** Started and frozen instances, one line each kind: "`cold start` × 50: 50 instances started: λ1, λ2 … λ50". */
const ACROSS_INSTANCES: Partial<Record<MarkerKind, string>> = { 'cold-start': 'started', freeze: 'were frozen' }

function instanceList(ids: string[]): string {
  return ids.length <= 4 ? ids.join(', ') : `${ids.slice(0, 2).join(', ')} … ${ids[ids.length - 1]}`
}

/** The event list's lines: one per event that matters one by one, one per kind for the rest. */
export function groupEvents(markers: TimelineMarker[]): EventGroup[] {
  const groups = new Map<string, EventGroup>()
  const instances = new Map<string, string[]>()
  markers.forEach((marker, index) => {
    const verb = ACROSS_INSTANCES[marker.kind]
    if (verb) {
      const ids = instances.get(marker.kind) ?? []
      if (marker.instance && !ids.includes(marker.instance)) ids.push(marker.instance)
      instances.set(marker.kind, ids)
      const text = ids.length === 1 ? marker.text : `${ids.length} instances ${verb}: ${instanceList(ids)}`
      const group = groups.get(marker.kind)
      if (group) {
        group.count++
        group.last = marker.t
        group.text = text
      } else
        groups.set(marker.kind, {
          key: marker.kind,
          kind: marker.kind,
          name: marker.name,
          text,
          count: 1,
          first: marker.t,
          last: marker.t,
        })
      return
    }
    const key = LISTED_EACH.has(marker.kind)
      ? `${marker.kind}:${index}`
      : `${marker.kind}:${marker.name}:${marker.kind === 'cache' || marker.kind === 'refused' ? '' : marker.text}`
    const group = groups.get(key)
    if (group) {
      group.count++
      group.last = marker.t
    } else
      groups.set(key, {
        key,
        kind: marker.kind,
        name: marker.name,
        text: marker.text,
        count: 1,
        first: marker.t,
        last: marker.t,
      })
  })
  return [...groups.values()]
}
