/** Expand the scenario's request plan into concrete requests and check it against the budgets. */
import { BUDGETS } from '../settings'
import type { LabError, RequestPlanEntry, Scenario } from '../types'
import type { RequestSpec } from '../platform/platform'

export interface PlannedRequest {
  index: number
  entry: number
  copy: number
  /** Earliest send time; with `concurrency`, a copy also waits for an earlier one to finish. */
  at: number
  spec: RequestSpec
}

export function countRequests(scenario: Scenario): number {
  return scenario.requests.reduce((n, e) => n + Math.max(0, Math.floor(e.count ?? 1)), 0)
}

export function checkPlan(scenario: Scenario): LabError | undefined {
  const total = countRequests(scenario)
  if (total > BUDGETS.maxRequests) {
    return {
      kind: 'plan',
      message: `The plan sends ${total} requests; the lab allows at most ${BUDGETS.maxRequests} per run.`,
    }
  }
  const limitS = BUDGETS.virtualTimeMs / 1000
  for (const e of scenario.requests) {
    const last = (e.at ?? 0) + Math.max(0, (e.count ?? 1) - 1) * (e.interval ?? 0)
    if (last > BUDGETS.virtualTimeMs)
      return {
        kind: 'plan',
        message: `The plan sends a request at ${last / 1000} s; runs are limited to ${limitS} s of virtual time.`,
      }
    if (typeof e.path !== 'string' || !e.path.startsWith('/'))
      return { kind: 'plan', message: `Every request needs a path starting with '/', got ${JSON.stringify(e.path)}.` }
  }
  if ((scenario.runForMs ?? 0) > BUDGETS.virtualTimeMs) {
    return {
      kind: 'plan',
      message: `runForMs is ${scenario.runForMs} ms; runs are limited to ${limitS} s of virtual time.`,
    }
  }
  return undefined
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

export function expandPlan(scenario: Scenario): PlannedRequest[] {
  const out: PlannedRequest[] = []
  scenario.requests.forEach((e, entry) => {
    const count = Math.max(0, Math.floor(e.count ?? 1))
    for (let copy = 0; copy < count; copy++) {
      out.push({ index: out.length, entry, copy, at: (e.at ?? 0) + copy * (e.interval ?? 0), spec: toSpec(e) })
    }
  })
  return out
}
