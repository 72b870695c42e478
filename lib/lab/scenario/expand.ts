/**
 * A plan's entries as the requests they send: `count` copies each, `interval` apart from `at`, with
 * the body encoded as a browser's fetch would (a string as text/plain, anything else as JSON).
 * The engine (`plan.ts`) and examples/verify send exactly these, so this file imports only types.
 */
import type { RequestPlanEntry } from '../types'

/** One request as the platform receives it. */
export interface RequestSpec {
  method: string
  path: string
  headers: Record<string, string>
  body?: string
}

export interface ExpandedRequest {
  /** Position in the run's results. */
  index: number
  /** Which plan entry it is a copy of, and which copy. */
  entry: number
  copy: number
  /** Earliest send time; with `concurrency`, a copy also waits for an earlier one to finish. */
  at: number
  spec: RequestSpec
}

export function toSpec(e: RequestPlanEntry): RequestSpec {
  const headers: Record<string, string> = {}
  for (const [k, v] of Object.entries(e.headers ?? {})) headers[k.toLowerCase()] = v
  let body: string | undefined
  if (typeof e.body === 'string') {
    body = e.body
    headers['content-type'] ??= 'text/plain;charset=UTF-8'
  } else if (e.body !== undefined) {
    body = JSON.stringify(e.body)
    headers['content-type'] ??= 'application/json'
  }
  return { method: (e.method ?? 'GET').toUpperCase(), path: e.path, headers, body }
}

export function expandRequests(requests: RequestPlanEntry[]): ExpandedRequest[] {
  const out: ExpandedRequest[] = []
  requests.forEach((e, entry) => {
    const count = Math.max(0, Math.floor(e.count ?? 1))
    for (let copy = 0; copy < count; copy++) {
      out.push({ index: out.length, entry, copy, at: (e.at ?? 0) + copy * (e.interval ?? 0), spec: toSpec(e) })
    }
  })
  return out
}
