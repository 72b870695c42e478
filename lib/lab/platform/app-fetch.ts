/** `fetch()` from the reader's code: same-origin requests go to the app's own simulated routes; the lab has no network. */
import type { Scheduler } from '../clock/scheduler'
import { LAB_ORIGIN } from '../modules/builtins/origin'
import type { RequestResult } from '../types'
import type { PendingWork } from './pending-work'
import type { RequestSpec } from './platform'

/** `handle` answers an internal request (index -1: not listed in the run's results). */
export function createAppFetch(
  s: Scheduler,
  work: PendingWork,
  handle: (spec: RequestSpec, index: number) => Promise<RequestResult>,
): (input: RequestInfo | URL, init?: RequestInit) => Promise<Response> {
  return async (input, init) => {
    const req = new Request(typeof input === 'string' ? new URL(input, LAB_ORIGIN) : input, init)
    const url = new URL(req.url)
    if (url.origin !== LAB_ORIGIN) {
      throw new TypeError(
        `fetch failed: ${url.origin} is not reachable from the lab (no network). Only this app's own routes (relative URLs or ${LAB_ORIGIN}) can be fetched.`,
      )
    }
    const body = req.body ? await s.track(req.text()) : undefined
    const headers: Record<string, string> = {}
    req.headers.forEach((v, k) => (headers[k] = v))
    const r = await work.track(handle({ method: req.method, path: url.pathname + url.search, headers, body }, -1))
    const hasBody = !(r.status === 204 || r.status === 304 || req.method === 'HEAD')
    return new Response(hasBody ? r.body : null, { status: r.status, headers: r.headers })
  }
}
