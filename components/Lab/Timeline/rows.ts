import type { RequestResult } from '@/lib/lab/types'
import { outcomeOf, ROW_LIMIT } from './helpers'
import type { RequestRow } from './types'

function rowLabel(group: RequestResult[]): string {
  const first = group[0]
  const last = group[group.length - 1]
  const ids = group.length === 1 ? `#${first.index + 1}` : `#${first.index + 1}–#${last.index + 1}`
  const samePath = group.every((request) => request.method === first.method && request.path === first.path)
  return samePath ? `${ids} ${first.method} ${first.path}` : `${ids} (${group.length} requests)`
}

/** One row per request up to ROW_LIMIT; beyond it, rows of consecutive requests with the same route and outcome. */
export function buildRows(requests: RequestResult[]): { rows: RequestRow[]; summarised: boolean } {
  const toRow = (group: RequestResult[]): RequestRow => ({
    key: `${group[0].index}-${group[group.length - 1].index}`,
    label: rowLabel(group),
    requests: group,
    failed: group.filter((request) => outcomeOf(request) === 'failed').length,
  })
  if (requests.length <= ROW_LIMIT) return { rows: requests.map((request) => toRow([request])), summarised: false }
  const size = Math.ceil(requests.length / ROW_LIMIT)
  // Consecutive requests with the same outcome and route share a row, so a run of failures gets rows of its own.
  const groups: RequestResult[][] = []
  for (const request of requests) {
    const group = groups[groups.length - 1]
    const head = group?.[0]
    if (
      group &&
      group.length < size &&
      outcomeOf(head) === outcomeOf(request) &&
      head.path === request.path &&
      head.method === request.method
    )
      group.push(request)
    else groups.push([request])
  }
  if (groups.length <= ROW_LIMIT * 1.5) return { rows: groups.map(toRow), summarised: true }
  // Outcomes alternate too often to keep them apart: fixed-size rows (failed requests still draw on top).
  const fixed: RequestResult[][] = []
  for (let index = 0; index < requests.length; index += size) fixed.push(requests.slice(index, index + size))
  return { rows: fixed.map(toRow), summarised: true }
}
