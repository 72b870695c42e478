/** Small pure helpers the Timeline's model shares. */
import type { RequestResult, TimelineEvent } from '@/lib/lab/types'
import { formatMs } from '../format'
import type { Outcome } from './types'

/** Rows drawn one per request up to this many; beyond it, rows stand for consecutive requests. */
export const ROW_LIMIT = 24

export const outcomeOf = (request: RequestResult): Outcome =>
  request.status >= 500 || request.status === 0 ? 'failed' : request.status >= 400 ? 'client-error' : 'ok'

/** When the handler started: after queueing and any cold start. */
export const handlerStart = (request: RequestResult) =>
  request.timing.start + request.timing.queuedMs + request.timing.coldStartMs

export type Of<T extends TimelineEvent['type']> = Extract<TimelineEvent, { type: T }>
export const ofType = <T extends TimelineEvent['type']>(events: TimelineEvent[], type: T) =>
  events.filter((event): event is Of<T> => event.type === type)

/** A quota's window as a plan states it: "day", "hour", else its length. */
export const formatWindow = (ms: number) => (ms === 86_400_000 ? 'day' : ms === 3_600_000 ? 'hour' : formatMs(ms))

export const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`
