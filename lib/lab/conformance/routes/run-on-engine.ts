/** Runs one route conformance case on the lab engine and lists what differs from its expectations. */
import type { Engine } from '../../engine'
import { LAB_ORIGIN } from '../../modules/builtins/origin'
import { compareResponse, normaliseOrigin, type RouteCase } from './schema'

export async function runCaseOnEngine(engine: Engine, c: RouteCase): Promise<string[]> {
  const outcome = await engine.run({
    files: c.files,
    scenario: {
      // One after another, a second apart: each answer is complete before the next request.
      requests: c.requests.map((r, i) => ({
        method: r.method,
        path: r.path,
        headers: r.headers,
        body: r.body,
        at: i * 1000,
      })),
      platform: c.profile ? { profile: c.profile } : undefined,
    },
  })
  if (c.labFailure) {
    if (outcome.ok) return [`the run should fail with "${c.labFailure}", but it ran`]
    return outcome.error.message.includes(c.labFailure)
      ? []
      : [`the run failed with "${outcome.error.message}", expected it to contain "${c.labFailure}"`]
  }
  if (!outcome.ok) return [`the run failed: ${outcome.error.message}`]
  const problems: string[] = []
  const expected = c.labDiffers?.expect ?? c.expect
  const answers = [...outcome.requests].sort((a, b) => a.index - b.index)
  expected.forEach((e, i) => {
    const r = answers[i]
    if (!r) return problems.push(`request #${i}: no answer`)
    const actual = {
      status: r.status,
      headers: Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k, normaliseOrigin(v, [LAB_ORIGIN])])),
      body: normaliseOrigin(r.body, [LAB_ORIGIN]),
    }
    for (const p of compareResponse(actual, e)) problems.push(`request #${i} ${r.method} ${r.path}: ${p}`)
  })
  const console = outcome.console.map((l) => l.text)
  for (const line of [...(c.logs ?? []), ...(c.labLogs ?? [])])
    if (!console.some((t) => t.includes(line)))
      problems.push(`the console has no line containing ${JSON.stringify(line)}; it has:\n${console.join('\n')}`)
  return problems
}
