/**
 * Sending the run's requests at their virtual times: the plan's requests (copies of one entry
 * respect its `concurrency`) and the crons, which Vercel sends as GET requests.
 */
import type { PlannedRequest } from '../scenario/plan'
import type { RequestResult, Scenario } from '../types'
import type { CronJob } from '../platform/crons'
import type { RunParts } from './wiring'

/** Schedule the plan's requests; each stores its result at its index. */
export function dispatchPlan(
  { scheduler, platform, work, webSockets }: RunParts,
  scenario: Scenario,
  planned: PlannedRequest[],
  results: RequestResult[],
): void {
  work.expect(planned.length)
  const send = (p: PlannedRequest, onDone?: () => void) => {
    scheduler.schedule(
      p.at,
      () => {
        void platform.handle(p.spec, p.index).then((r) => {
          results[p.index] = r
          webSockets.requestEnded(p.index, r.status, r.timing.end)
          work.done()
          onDone?.()
        })
      },
      null,
    )
  }
  // Copies of one entry respect its `concurrency`: copy k waits for copy k - concurrency to finish.
  scenario.requests.forEach((entry, i) => {
    const copies = planned.filter((p) => p.entry === i)
    const limit = entry.concurrency && entry.concurrency > 0 ? entry.concurrency : copies.length
    let next = 0
    const startNext = () => {
      const p = copies[next++]
      if (!p) return
      send({ ...p, at: Math.max(p.at, scheduler.now) }, startNext)
    }
    for (let k = 0; k < Math.min(limit, copies.length); k++) startNext()
  })
}

/**
 * Schedule each cron at its times, with `user-agent: vercel-cron/1.0` (and the CRON_SECRET bearer
 * when .env sets one). Their results follow the plan's, from `firstIndex`, in the order they fire.
 */
export function dispatchCrons(
  { scheduler, platform, work, emit, env }: RunParts,
  schedule: Array<CronJob & { times: number[] }>,
  firstIndex: number,
  results: RequestResult[],
): void {
  let cronIndex = firstIndex
  for (const job of schedule) {
    for (const t of job.times) {
      scheduler.schedule(
        t,
        () => {
          emit({ t, type: 'cron', path: job.path })
          const headers: Record<string, string> = { 'user-agent': 'vercel-cron/1.0' }
          if (env.CRON_SECRET) headers.authorization = `Bearer ${env.CRON_SECRET}`
          const index = cronIndex++
          void work.track(platform.handle({ method: 'GET', path: job.path, headers }, index)).then((r) => {
            results[index] = r
          })
        },
        null,
      )
    }
  }
}
