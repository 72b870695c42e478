/** Expand the scenario's request plan into concrete requests and check it against the budgets. */
import { BUDGETS } from '../settings'
import type { LabError, Scenario } from '../types'
import { expandRequests, type ExpandedRequest } from './expand'

export type PlannedRequest = ExpandedRequest

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

export function expandPlan(scenario: Scenario): PlannedRequest[] {
  return expandRequests(scenario.requests)
}
