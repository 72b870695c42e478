/**
 * The route conformance cases (lib/lab/conformance/routes/) on real Next.js 16: each case is mounted
 * in the verifier's one generated app under `/api/x/conf-<id>` (scripts/mount.ts maps its files like an
 * example's), and its requests are sent to `next start`. Every answer must match the case's `expect`
 * (what Next.js answers; `labDiffers` only changes what the lab is held to), and every line in
 * `logs` must appear in the server's output. Cases with `realNext.skip` (a build error would stop the
 * shared app; Vercel-only environment) are listed, with their reason, and not sent.
 *
 * The cases live with the engine and import only zod, so this file loads them from the repository
 * (the site's `npm ci` provides zod there, as the engine runner needs it anyway).
 */
import { routeCases } from '../../../lib/lab/conformance/routes/index'
import { compareResponse, normaliseOrigin, type RouteCase } from '../../../lib/lab/conformance/routes/schema'
import { urlPrefix } from './mount'
import type { Variant } from './variants'

const KEY_PREFIX = 'conf-'
const REQUEST_TIMEOUT_MS = 30_000
/** after() work and late logs get this long before a case's log lines are checked. */
const SETTLE_MS = 300

export interface ConformanceRun {
  cases: number
  passed: number
  skipped: Array<{ id: string; reason: string }>
  failures: Array<{ id: string; problems: string[] }>
}

const runsOnReal = (c: RouteCase) => !c.realNext && !c.labFailure

/**
 * Every case that runs on real Next, as a variant for `generateApp`. The one source change:
 * `process.cwd()` points at the case's own folder (`ex/<key>`), where its data files are mounted,
 * as it points at the project root in the case's own app.
 */
export function conformanceVariants(): Variant[] {
  return routeCases.filter(runsOnReal).map((c) => {
    const key = KEY_PREFIX + c.id
    const files: Record<string, string> = {}
    for (const [path, source] of Object.entries(c.files))
      files[path] = /\.(ts|tsx|js|jsx)$/.test(path)
        ? source.replace(/\bprocess\.cwd\(\)/g, `(process.cwd() + '/ex/${key}')`)
        : source
    return { key, id: key, kind: 'starter', preset: 'conformance', files, scenario: { requests: [] }, originalRequests: 0 }
  })
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export async function runConformance(port: number, serverOutput: () => string): Promise<ConformanceRun> {
  const run: ConformanceRun = { cases: routeCases.length, passed: 0, skipped: [], failures: [] }
  const origins = [`http://127.0.0.1:${port}`, `http://localhost:${port}`]
  for (const c of routeCases) {
    if (!runsOnReal(c)) {
      run.skipped.push({ id: c.id, reason: c.realNext?.skip ?? 'a build failure case' })
      continue
    }
    const prefix = urlPrefix(KEY_PREFIX + c.id)
    const strip = (text: string) => normaliseOrigin(text.split(prefix).join(''), origins)
    const outputBefore = serverOutput().length
    const problems: string[] = []
    for (const [i, request] of c.requests.entries()) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}${prefix}${request.path}`, {
          method: request.method,
          headers: request.headers,
          body: request.body,
          redirect: 'manual',
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        })
        const body = strip(await res.text())
        const headers: Record<string, string> = {}
        res.headers.forEach((v, k) => (headers[k] = strip(v)))
        for (const p of compareResponse({ status: res.status, headers, body }, c.expect[i]))
          problems.push(`request #${i} ${request.method} ${request.path}: ${p}`)
      } catch (error) {
        problems.push(`request #${i} ${request.method} ${request.path}: no answer (${(error as Error).message})`)
      }
    }
    if (c.logs?.length) await sleep(SETTLE_MS)
    const output = serverOutput().slice(outputBefore)
    for (const line of c.logs ?? [])
      if (!output.includes(line))
        problems.push(`next start logged no line containing ${JSON.stringify(line)}; it logged:\n${output.slice(0, 1500)}`)
    if (problems.length) run.failures.push({ id: c.id, problems })
    else run.passed++
  }
  return run
}

/** The report's lines for the conformance run. */
export function conformanceReport(run: ConformanceRun): string[] {
  const lines = [
    `Route conformance cases (lib/lab/conformance/routes) on real Next.js: ${run.passed} passed, ${run.failures.length} failed, ${run.skipped.length} not sent (lab only, with a reason) of ${run.cases}`,
  ]
  for (const f of run.failures) lines.push(`  FAIL ${f.id}`, ...f.problems.map((p) => `       ✗ ${p.replace(/\n/g, '\n         ')}`))
  for (const s of run.skipped) lines.push(`  lab only: ${s.id}: ${s.reason}`)
  return lines
}
