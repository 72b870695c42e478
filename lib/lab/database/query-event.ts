/** The timeline's `db-query` event for one statement, as the server emits it when the answer is back. */
import type { TimelineEvent } from '../types'
import { shortSql } from './sql-text'

export interface QueryFacts {
  start: number
  end: number
  connection: number
  request?: number
  sql: string
  rows: number
  error?: string
}

export function queryEvent({ start, end, connection, request, sql, rows, error }: QueryFacts): TimelineEvent {
  const ev: TimelineEvent = { t: start, type: 'db-query', connection, sql: shortSql(sql), ms: end - start, rows }
  if (request !== undefined) ev.request = request
  if (error) ev.error = error
  return ev
}
