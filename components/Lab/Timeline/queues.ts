/**
 * What the simulated queues did (lib/lab/queue/), in the Timeline's shapes: each consumer invocation
 * (an SQS batch, a BullMQ attempt) as work on its instance's lane, each message's life as a row
 * (sent, waiting, delivered, hidden, delivered again, deleted or dead-lettered), and the events a
 * lesson names (redelivery with its receive count, partial batch failures, the dead-letter queue).
 */
import type { QueueEvent, RunResult } from '@/lib/lab/types'
import { formatMs } from '../format'
import { plural } from './helpers'
import type { ConsumerSpan, MessageLife, MessageRow, TimelineMarker } from './types'

/** Message rows drawn one per message up to this many; beyond it, rows of consecutive messages with the same story. */
export const MESSAGE_ROW_LIMIT = 12

export interface QueueModel {
  consumerSpans: ConsumerSpan[]
  messages: MessageLife[]
  markers: TimelineMarker[]
}

type Deliver = Extract<QueueEvent, { type: 'queue-deliver' }>

export function buildQueues(result: RunResult): QueueModel {
  const events = result.timeline.filter((event): event is QueueEvent => event.type.startsWith('queue-'))
  const messages = new Map<string, MessageLife>()
  const sentPerQueue = new Map<string, number>()
  const key = (queue: string, messageId: string) => `${queue}\u0000${messageId}`
  const life = (queue: string, messageId: string, t: number) => {
    let found = messages.get(key(queue, messageId))
    if (!found) {
      const number = (sentPerQueue.get(queue) ?? 0) + 1
      sentPerQueue.set(queue, number)
      found = { queue, number, messageId, sentAt: t, attempts: [], visibleAgain: [] }
      messages.set(key(queue, messageId), found)
    }
    return found
  }
  // SQS batches: their deliveries until the batch ends. BullMQ attempts: a delivery until the job settles.
  const batches = new Map<string, { first: Deliver; deliveries: Deliver[] }>()
  const openAttempt = new Map<string, Deliver>()
  const spans: ConsumerSpan[] = []
  const markers: TimelineMarker[] = []
  const closeAttempt = (queue: string, messageId: string, t: number, failed: boolean) => {
    const deliver = openAttempt.get(key(queue, messageId))
    if (!deliver) return
    openAttempt.delete(key(queue, messageId))
    life(queue, messageId, deliver.t).attempts.push({
      from: deliver.t,
      to: t,
      receiveCount: deliver.receiveCount,
      instance: deliver.instance,
      batch: deliver.batch,
      failed,
    })
    if (deliver.batch === undefined && deliver.instance)
      spans.push({
        from: deliver.t,
        to: t,
        instance: deliver.instance,
        queue,
        messages: 1,
        failed: failed ? 1 : 0,
        outcome: failed ? 'error' : 'success',
      })
  }
  for (const event of events) {
    switch (event.type) {
      case 'queue-send':
        life(event.queue, event.messageId, event.t)
        markers.push({
          kind: 'queue-send',
          t: event.t,
          instance: event.instance,
          request: event.request,
          name: 'queue-send',
          text: `message sent to ${event.queue}`,
        })
        break
      case 'queue-deliver': {
        life(event.queue, event.messageId, event.t)
        openAttempt.set(key(event.queue, event.messageId), event)
        if (event.batch !== undefined) {
          const batchKey = `${event.queue}\u0000${event.batch}`
          const batch = batches.get(batchKey)
          if (batch) batch.deliveries.push(event)
          else batches.set(batchKey, { first: event, deliveries: [event] })
        } else deliveryMarkers(markers, [event])
        break
      }
      case 'queue-batch-end': {
        const batch = batches.get(`${event.queue}\u0000${event.batch}`)
        const deliveries = batch?.deliveries ?? []
        for (const deliver of deliveries)
          closeAttempt(event.queue, deliver.messageId, event.t, event.failed.includes(deliver.messageId))
        spans.push({
          from: batch?.first.t ?? event.t,
          to: event.t,
          instance: event.instance,
          queue: event.queue,
          batch: event.batch,
          messages: deliveries.length,
          failed: event.failed.length,
          outcome: event.outcome,
        })
        deliveryMarkers(markers, deliveries)
        if (event.outcome !== 'success')
          markers.push({
            kind: 'queue-batch-failed',
            t: event.t,
            instance: event.instance,
            name: event.outcome === 'partial' ? 'partial batch' : `batch ${event.outcome}`,
            text:
              event.outcome === 'partial'
                ? event.failed.length < deliveries.length
                  ? `batch ${event.batch} on ${event.instance}: ${event.failed.length} of ${plural(deliveries.length, 'message')} reported failed and ${event.failed.length === 1 ? 'stays' : 'stay'} on the queue; the others were deleted`
                  : `batch ${event.batch} on ${event.instance}: ${deliveries.length === 1 ? 'its one message was' : `all ${deliveries.length} messages were`} reported failed and ${deliveries.length === 1 ? 'stays' : 'stay'} on the queue`
                : `batch ${event.batch} on ${event.instance} ${event.outcome === 'timeout' ? 'timed out' : 'failed'}: all ${plural(deliveries.length, 'message')} stay on the queue`,
          })
        break
      }
      case 'queue-complete': {
        // SQS deletes at the batch's end (the same instant); a BullMQ job completes its attempt.
        const job = openAttempt.get(key(event.queue, event.messageId))?.batch === undefined
        closeAttempt(event.queue, event.messageId, event.t, false)
        life(event.queue, event.messageId, event.t).end = { t: event.t, how: 'deleted' }
        markers.push({
          kind: 'queue-complete',
          t: event.t,
          name: 'queue-complete',
          text: job ? `job completed on ${event.queue}` : `message deleted from ${event.queue} after success`,
        })
        break
      }
      case 'queue-visible':
        life(event.queue, event.messageId, event.t).visibleAgain.push(event.t)
        break
      case 'queue-retry':
        closeAttempt(event.queue, event.messageId, event.t, true)
        life(event.queue, event.messageId, event.t).visibleAgain.push(event.t + event.delayMs)
        break
      case 'queue-failed':
        closeAttempt(event.queue, event.messageId, event.t, true)
        life(event.queue, event.messageId, event.t).end = { t: event.t, how: 'failed' }
        markers.push({
          kind: 'job-failed',
          t: event.t,
          name: 'failed',
          text: `job ${event.messageId} failed its last attempt (${event.attempts} of ${event.attempts}) and stays in the failed set`,
        })
        break
      case 'queue-dead-letter':
        life(event.queue, event.messageId, event.t).end = {
          t: event.t,
          how: 'dead-letter',
          deadLetterQueue: event.deadLetterQueue,
        }
        markers.push({
          kind: 'dead-letter',
          t: event.t,
          name: 'dead-letter',
          text: `message moved to ${event.deadLetterQueue} after ${event.receiveCount} receives`,
        })
        break
    }
  }
  // Attempts still running when the run ended.
  for (const deliver of openAttempt.values()) {
    life(deliver.queue, deliver.messageId, deliver.t).attempts.push({
      from: deliver.t,
      to: Math.max(deliver.t, result.summary.durationMs),
      receiveCount: deliver.receiveCount,
      instance: deliver.instance,
      batch: deliver.batch,
      failed: false,
    })
  }
  return { consumerSpans: spans, messages: [...messages.values()], markers }
}

/** One line per batch: first deliveries, and redeliveries with their receive count. */
function deliveryMarkers(markers: TimelineMarker[], deliveries: Deliver[]) {
  const byCount = new Map<number, Deliver[]>()
  for (const deliver of deliveries)
    byCount.set(deliver.receiveCount, [...(byCount.get(deliver.receiveCount) ?? []), deliver])
  for (const [receiveCount, group] of byCount) {
    const first = group[0]
    const where = `${first.batch !== undefined ? ` in batch ${first.batch}` : ''}${first.instance ? ` to ${first.instance}` : ''}`
    const what = first.batch !== undefined ? plural(group.length, 'message') : `job ${first.messageId}`
    markers.push(
      receiveCount > 1
        ? {
            kind: 'queue-redelivered',
            t: first.t,
            instance: first.instance,
            name: 'redelivered',
            text:
              first.batch !== undefined
                ? `${what} delivered again${where}, receive count ${receiveCount}`
                : `${what} ran again${where}, attempt ${receiveCount}`,
          }
        : {
            kind: 'queue-deliver',
            t: first.t,
            instance: first.instance,
            name: 'queue-deliver',
            text: `${what} delivered${where}`,
          },
    )
  }
}

/** A row's story, so consecutive messages that went the same way can share a row beyond the limit. */
function story(message: MessageLife): string {
  return `${message.queue}|${message.attempts.map((a) => `${a.receiveCount}${a.failed ? 'x' : ''}`).join(',')}|${message.end?.how ?? ''}`
}

/** One row per message up to MESSAGE_ROW_LIMIT; beyond it, consecutive messages with the same story share a row. */
export function buildMessageRows(messages: MessageLife[]): { rows: MessageRow[]; summarised: boolean } {
  const label = (group: MessageLife[]) =>
    group.length === 1
      ? `${group[0].queue} ${group[0].number}`
      : `${group[0].queue} ${group[0].number}–${group[group.length - 1].number}`
  const toRow = (group: MessageLife[]): MessageRow => ({
    key: `${group[0].queue}-${group[0].number}`,
    label: label(group),
    messages: group,
  })
  if (messages.length <= MESSAGE_ROW_LIMIT) return { rows: messages.map((m) => toRow([m])), summarised: false }
  const size = Math.ceil(messages.length / MESSAGE_ROW_LIMIT)
  const groups: MessageLife[][] = []
  for (const message of messages) {
    const group = groups[groups.length - 1]
    if (group && group.length < size && story(group[0]) === story(message)) group.push(message)
    else groups.push([message])
  }
  if (groups.length <= MESSAGE_ROW_LIMIT * 1.5) return { rows: groups.map(toRow), summarised: true }
  const fixed: MessageLife[][] = []
  for (let index = 0; index < messages.length; index += size) fixed.push(messages.slice(index, index + size))
  return { rows: fixed.map(toRow), summarised: true }
}

/** The queue's part of the Timeline's text alternative. */
export function summariseQueues(model: QueueModel): string[] {
  const lines: string[] = []
  const queues = [...new Set(model.messages.map((message) => message.queue))]
  for (const queue of queues) {
    const messages = model.messages.filter((message) => message.queue === queue)
    const bull = messages.some((message) => message.attempts.some((attempt) => attempt.batch === undefined))
    const again = messages.reduce((n, m) => n + m.attempts.filter((a) => a.receiveCount > 1).length, 0)
    const most = Math.max(1, ...messages.flatMap((m) => m.attempts.map((a) => a.receiveCount)))
    const deleted = messages.filter((m) => m.end?.how === 'deleted').length
    const dead = messages.filter((m) => m.end?.how === 'dead-letter')
    const failed = messages.filter((m) => m.end?.how === 'failed').length
    const parts = [
      `${plural(messages.length, bull ? 'job' : 'message')} ${bull ? 'added' : 'sent'}`,
      `${deleted} ${bull ? 'completed' : 'deleted after success'}`,
    ]
    if (again > 0)
      parts.push(
        bull
          ? `${plural(again, 'retry', 'retries')} (up to attempt ${most})`
          : `${plural(again, 'redelivery', 'redeliveries')} (receive count up to ${most})`,
      )
    if (dead.length > 0) parts.push(`${dead.length} moved to the dead-letter queue \`${dead[0].end!.deadLetterQueue}\``)
    if (failed > 0) parts.push(`${plural(failed, 'job')} failed for good`)
    lines.push(`Queue \`${queue}\`: ${parts.join(', ')}.`)
    const batches = model.consumerSpans.filter((span) => span.queue === queue && span.batch !== undefined)
    if (batches.length > 0) {
      const instances = [...new Set(batches.map((span) => span.instance))]
      const partial = batches.filter((span) => span.outcome === 'partial').length
      const timeouts = batches.filter((span) => span.outcome === 'timeout').length
      const errors = batches.filter((span) => span.outcome === 'error').length
      const trouble = [
        partial > 0 ? `${partial} with a partial batch failure` : '',
        timeouts > 0 ? `${timeouts} timed out` : '',
        errors > 0 ? `${errors} failed` : '',
      ].filter(Boolean)
      lines.push(
        `Consumer: ${plural(batches.length, 'batch', 'batches')} on ${instances.join(', ')}` +
          (trouble.length > 0 ? `, ${trouble.join(', ')}.` : ', all successful.'),
      )
    }
  }
  return lines
}

/** A row's tooltip: what happened to the message, in order. */
export function describeMessage(message: MessageLife): string {
  const steps = [`sent at ${formatMs(message.sentAt)}`]
  for (const attempt of message.attempts)
    steps.push(
      `${attempt.receiveCount > 1 ? `delivered again (receive count ${attempt.receiveCount})` : 'delivered'} at ${formatMs(attempt.from)}` +
        `${attempt.instance ? ` to ${attempt.instance}` : ''}${attempt.failed ? ', failed' : ''}`,
    )
  if (message.end)
    steps.push(
      message.end.how === 'deleted'
        ? `deleted at ${formatMs(message.end.t)}`
        : message.end.how === 'dead-letter'
          ? `moved to ${message.end.deadLetterQueue} at ${formatMs(message.end.t)}`
          : `failed for good at ${formatMs(message.end.t)}`,
    )
  return `${message.queue} message ${message.number} (${message.messageId}): ${steps.join('; ')}`
}
