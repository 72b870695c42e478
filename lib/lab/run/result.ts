/** The end of a run: requests the time budget cut off, and the `RunResult` the reader sees. */
import type { LabDatabase } from '../database/pglite'
import type { PlannedRequest } from '../scenario/plan'
import { queueSummary } from '../queue/summary'
import { summarise } from '../scenario/summary'
import { BUDGETS } from '../settings'
import type { RequestResult, RunResult } from '../types'
import type { RunParts } from './wiring'

/** A request with no result when the run ended (the lab's time budget) is a 504 `LAB_TIME_BUDGET_EXCEEDED`. */
export function fillUnfinished(results: RequestResult[], planned: PlannedRequest[], durationMs: number): void {
  for (let i = 0; i < results.length || i < planned.length; i++) {
    if (results[i]) continue
    const p = planned[i]
    results[i] = {
      index: i,
      method: p?.spec.method ?? 'GET',
      path: p?.spec.path ?? '',
      status: 504,
      headers: {},
      body: '',
      timing: { start: p?.at ?? 0, end: durationMs, queuedMs: 0, coldStartMs: 0, handlerMs: 0, databaseMs: 0 },
      cold: false,
      platformError: 'LAB_TIME_BUDGET_EXCEEDED',
    }
  }
}

export async function collectResult(
  db: LabDatabase,
  { timeline, sink, server, platform, webSockets }: RunParts,
  results: RequestResult[],
  settings: RunResult['settings'],
  durationMs: number,
): Promise<RunResult> {
  const stats = server.finish()
  server.samples.push({ ...server.samples[server.samples.length - 1], t: durationMs })
  // Who holds a transaction still open, asked before the dump rolls it back to read committed data.
  const holder = server.openTransaction()
  const { tables, openTransaction } = await db.dump(BUDGETS.maxDumpRows)
  const sorted = timeline
    .map((e, i) => [e, i] as const)
    .sort((a, b) => a[0].t - b[0].t || a[1] - b[1])
    .map(([e]) => e)
  const coldStarts = results.filter((r) => r.cold).length
  const summary = summarise(results, stats, { started: platform.instances.length, coldStarts }, durationMs)
  summary.line += queueSummary(sorted)
  const webSocketReport = webSockets.report()
  return {
    ok: true,
    requests: results,
    console: sink.lines,
    consoleTruncated: sink.truncated,
    timeline: sorted,
    connections: dedupeSamples(server.samples),
    database: openTransaction
      ? { tables, stats, openTransaction: { ...holder, ...openTransaction } }
      : { tables, stats },
    summary,
    settings,
    ...(webSocketReport ? { webSockets: webSocketReport } : {}),
  }
}

function dedupeSamples<T extends { t: number }>(samples: T[]): T[] {
  const out: T[] = []
  for (const s of samples) {
    if (out.length && out[out.length - 1].t === s.t) out[out.length - 1] = s
    else out.push(s)
  }
  return out
}
