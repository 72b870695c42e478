/**
 * `npm run verify` (this package): proof that every course example is real Next.js code that works
 * against a real Postgres. See ../README.md.
 *
 *   tsx scripts/verify.ts [--only id,id] [--skip-build] [--verbose]
 *
 * --only        verify only these example ids (their solutions included)
 * --skip-build  reuse .generated-app/.next from the previous run (only when the examples did not change)
 * --verbose     print every request, also the matching ones
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { isDeepStrictEqual } from 'node:util'
import { expectations, type Expectation } from '../expectations'
import { conformanceReport, conformanceVariants, runConformance } from './conformance-routes'
import { startEmbedded, startExternal, type Database } from './database'
import { buildDownloadFromScratch, checkDownloads, mountDownloads } from './downloads'
import { generateApp, parseDotEnv, urlPrefix } from './mount'
import { lineDiff, normaliseBody, normaliseHeaders } from './normalise'
import { toExamplePaths } from './source-paths'
import { expandPlan, MAX_CRONS, MAX_COPIES, type EngineRequest, type EngineVariantResult, type Variant } from './variants'

const VERIFY_DIR = resolve(import.meta.dirname, '..')
const REPO = resolve(VERIFY_DIR, '../..')
const APP = join(VERIFY_DIR, '.generated-app')
const WORK = join(APP, '.verify')
const REQUEST_TIMEOUT_MS = 60_000
/** Longest plan (virtual ms) that is replayed in real time when requests overlap (see `timed` below). */
const MAX_TIMED_SPAN_MS = 30_000

const args = process.argv.slice(2)
const flag = (name: string) => args.includes(name)
const onlyIndex = args.indexOf('--only')
const only = onlyIndex >= 0 ? args[onlyIndex + 1] : undefined
const verbose = flag('--verbose')

const t0 = Date.now()
const since = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`
const log = (text: string) => console.log(`[verify ${since()}] ${text}`)

const children = new Set<ChildProcess>()
function stopChild(child: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGTERM') {
  if (!child || child.exitCode !== null || child.pid === undefined) return
  try {
    process.kill(-child.pid, signal) // the child's own process group (spawned detached)
  } catch {
    // already gone
  }
}
// SIGKILL at the end: nothing of the app's state matters any more, and `next start` would otherwise
// wait for requests still in flight.
process.on('exit', () => children.forEach((child) => stopChild(child, 'SIGKILL')))
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130))

function run(command: string, argv: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): ChildProcess {
  const child = spawn(command, argv, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.add(child)
  child.on('exit', () => children.delete(child))
  return child
}

function collect(child: ChildProcess): { text: () => string } {
  let out = ''
  child.stdout?.on('data', (d) => (out += d))
  child.stderr?.on('data', (d) => (out += d))
  return { text: () => out }
}

function exited(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode)
    else child.on('exit', (code) => resolve(code ?? 1))
  })
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

// ---------------------------------------------------------------------------------------------
// 1. The lab engine, in the site's own toolchain (child process).

function startEngine() {
  const tsx = join(REPO, 'node_modules/.bin/tsx')
  if (!existsSync(tsx)) {
    throw new Error(
      `The lab engine runs with the site's own dependencies, and ${tsx} is missing: run \`npm ci\` at the repository root first.`,
    )
  }
  const child = run(tsx, ['examples/verify/scripts/engine-runner.ts', WORK, ...(only ? [only] : [])], { cwd: REPO })
  let stderr = ''
  child.stderr?.on('data', (d) => (stderr += d))
  const waiters = new Map<string, (v: void) => void>()
  const seen = new Set<string>()
  createInterface({ input: child.stdout! }).on('line', (line) => {
    seen.add(line.trim())
    waiters.get(line.trim())?.()
  })
  const failed = exited(child).then((code) => {
    if (!seen.has('DONE'))
      throw new Error(`The lab engine runner exited with code ${code} before finishing:\n${stderr}`)
  })
  const wait = (word: string) =>
    Promise.race([
      new Promise<void>((r) => (seen.has(word) ? r() : waiters.set(word, r))),
      failed.then(() => undefined),
    ])
  return {
    loaded: async () => {
      await wait('LOADED')
      return JSON.parse(readFileSync(join(WORK, 'variants.json'), 'utf8')) as Variant[]
    },
    done: async () => {
      await wait('DONE')
      return JSON.parse(readFileSync(join(WORK, 'engine.json'), 'utf8')) as EngineVariantResult[]
    },
  }
}

// ---------------------------------------------------------------------------------------------
// 2. The real app.

const nextBin = join(VERIFY_DIR, 'node_modules/.bin/next')

async function build(env: NodeJS.ProcessEnv, variants: Variant[]) {
  const child = run(nextBin, ['build'], { cwd: APP, env })
  const output = collect(child)
  const code = await exited(child)
  if (code !== 0) {
    // Errors name the example's own files (examples/<id>/…), not the generated app's mount paths.
    console.error(toExamplePaths(output.text().split('\n').slice(-120).join('\n'), variants, REPO))
    throw new Error(`next build failed (exit code ${code}). Output above.`)
  }
  const routes = output
    .text()
    .split('\n')
    .filter((l) => /\/api\/x\//.test(l)).length
  log(`next build done (${routes} routes listed)`)
  if (verbose) console.log(output.text())
}

async function startServer(
  env: NodeJS.ProcessEnv,
): Promise<{ port: number; child: ChildProcess; output: () => string }> {
  const port = await freePort()
  const child = run(nextBin, ['start', '-p', String(port), '-H', '127.0.0.1'], { cwd: APP, env })
  const output = collect(child)
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}:\n${output.text()}`)
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2000) })
      await res.arrayBuffer()
      return { port, child, output: output.text }
    } catch {
      await sleep(200)
    }
  }
  throw new Error(`next start did not answer on port ${port} within 60 s:\n${output.text()}`)
}

// ---------------------------------------------------------------------------------------------
// 3. Compare.

interface RealRequest {
  method: string
  path: string
  headers: Record<string, string>
  body?: string
}

interface RealResult {
  notSent?: boolean
  status?: number
  body?: string
  headers?: Record<string, string>
  stillRunningAfterMs?: number
  error?: string
}

interface Outcome {
  key: string
  compared: number
  matched: number
  allowed: number
  problems: string[]
  mode: 'sequential' | 'timed'
  seconds: number
}

async function send(port: number, prefix: string, request: RealRequest, waitMs: number): Promise<RealResult> {
  const real: RealResult = {}
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), waitMs)
  try {
    const res = await fetch(`http://127.0.0.1:${port}${prefix}${request.path}`, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal: controller.signal,
    })
    real.status = res.status
    real.headers = Object.fromEntries(res.headers.entries())
    real.body = await res.text()
  } catch (error) {
    if (controller.signal.aborted) real.stillRunningAfterMs = waitMs
    else real.error = (error as Error).message
  } finally {
    clearTimeout(timer)
  }
  return real
}

function describe(r: { index: number; method: string; path: string }) {
  return `#${r.index} ${r.method} ${r.path}`
}

function checkExpectation(e: Expectation, engine: EngineRequest, real: RealResult, prefix: string): string | undefined {
  const engineSame = () =>
    real.status === engine.status &&
    normaliseBody(engine.status, engine.body) === normaliseBody(real.status!, real.body ?? '', prefix)
  if (e.real.kind === 'not-sent') return undefined
  if (e.real.kind === 'still-running') {
    if (real.stillRunningAfterMs === undefined) {
      return `expected the real request to still be running after ${e.real.seconds} s, but it answered ${real.status ?? real.error}: ${(real.body ?? '').slice(0, 300)}`
    }
    return undefined
  }
  if (real.status === undefined)
    return `expected ${e.real.status}, but the real request got no response (${real.error ?? 'still running'})`
  if (engineSame()) return 'the real result now matches the lab engine: remove this entry from expectations.ts'
  const problems: string[] = []
  if (real.status !== e.real.status) problems.push(`status ${real.status}, expected ${e.real.status}`)
  if (e.real.bodyIncludes !== undefined && !(real.body ?? '').includes(e.real.bodyIncludes))
    problems.push(`body does not contain ${JSON.stringify(e.real.bodyIncludes)}`)
  if (e.real.json !== undefined) {
    let parsed: unknown
    try {
      parsed = JSON.parse(real.body ?? '')
    } catch {
      parsed = undefined
    }
    if (!isDeepStrictEqual(parsed, e.real.json))
      problems.push(`body ${JSON.stringify(parsed ?? real.body)} is not ${JSON.stringify(e.real.json)}`)
  }
  return problems.length
    ? `the real result is not what expectations.ts says: ${problems.join('; ')}\n    real body: ${(real.body ?? '').slice(0, 500)}`
    : undefined
}

async function main() {
  const engine = startEngine()
  const variants = await engine.loaded()
  if (variants.length === 0)
    throw new Error(only ? `No example matches --only ${only}.` : 'No examples found under examples/.')
  log(
    `${variants.length} variants from ${new Set(variants.map((v) => v.id)).size} examples: ${variants.map((v) => v.key).join(', ')}`,
  )

  // The Lab's "Download": the verifier mounts each variant's downloaded project (scripts/downloads.ts).
  const downloads = await mountDownloads(variants, { repo: REPO, work: WORK }, log)

  const dbInputs = variants.map((v) => ({
    key: v.key,
    schemaSql: v.files['db/schema.sql'] ?? '',
    seedSql: v.files['db/seed.sql'] ?? '',
  }))
  const external = process.env.DATABASE_URL
  const db: Database = external ? await startExternal(external, dbInputs) : await startEmbedded(dbInputs)
  log(`database: ${db.label}`)

  const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    VERIFY_DATABASE_URLS: JSON.stringify(db.urls),
    VERIFY_DATABASE_SCHEMAS: JSON.stringify(db.schemas),
  }
  delete appEnv.NODE_ENV

  const skipBuild = flag('--skip-build') && existsSync(join(APP, '.next/BUILD_ID'))
  if (!skipBuild) {
    const { proxies } = generateApp(APP, VERIFY_DIR, [...variants, ...conformanceVariants()])
    log(
      `generated ${APP} (${proxies} proxy file${proxies === 1 ? '' : 's'} behind the root proxy.ts); running next build`,
    )
    // The build may prerender routes (e.g. `export const revalidate`), so the database must be seeded first.
    await db.ready
    await build(appEnv, variants)
  } else {
    await db.ready
    log('reusing the previous build (--skip-build)')
  }

  let server = await startServer(appEnv)
  log(`next start on http://127.0.0.1:${server.port}`)
  const conformance = await runConformance(server.port, server.output)
  log(`route conformance cases: ${conformance.passed} passed, ${conformance.failures.length} failed`)

  const engineResults = new Map((await engine.done()).map((r) => [r.key, r]))
  log('lab engine results ready')

  const outcomes: Outcome[] = []
  const usedExpectations = new Set<Expectation>()
  for (const variant of variants) {
    const variantStart = Date.now()
    const outcome: Outcome = {
      key: variant.key,
      compared: 0,
      matched: 0,
      allowed: 0,
      problems: [],
      mode: 'sequential',
      seconds: 0,
    }
    outcomes.push(outcome)
    const engineResult = engineResults.get(variant.key)
    if (!engineResult || !engineResult.ok) {
      outcome.problems.push(`the lab engine could not run it: ${engineResult?.failure ?? 'no result'}`)
      continue
    }
    await db.reset(variant.key)
    const prefix = urlPrefix(variant.key)
    const planned = expandPlan(variant.scenario)
    const dotenv = { ...parseDotEnv(variant.files['.env'] ?? ''), ...parseDotEnv(variant.files['.env.local'] ?? '') }
    const ordered = [...engineResult.requests].sort((a, b) => a.start - b.start || a.index - b.index)
    const variantExpectations = expectations.filter((e) => e.key === variant.key)

    // What each engine request was, as an HTTP request.
    const jobs: Array<{ engine: EngineRequest; request: RealRequest; expectation?: Expectation }> = []
    let crons = 0
    for (const engineRequest of ordered) {
      let request: RealRequest
      if (engineRequest.index < planned.length) {
        request = planned[engineRequest.index]
        if (request.method !== engineRequest.method || request.path !== engineRequest.path) {
          outcome.problems.push(
            `${describe(engineRequest)}: the engine's request does not match the plan (${request.method} ${request.path}); the verifier is out of date with the engine`,
          )
          continue
        }
      } else {
        if (++crons > MAX_CRONS) continue
        const headers: Record<string, string> = { 'user-agent': 'vercel-cron/1.0' }
        if (dotenv.CRON_SECRET) headers.authorization = `Bearer ${dotenv.CRON_SECRET}`
        request = { method: engineRequest.method, path: engineRequest.path, headers }
      }
      const expectation = variantExpectations.find(
        (e) =>
          e.request.index === engineRequest.index &&
          e.request.method === engineRequest.method &&
          e.request.path === engineRequest.path,
      )
      jobs.push({ engine: engineRequest, request, expectation })
    }

    const judge = (
      engineRequest: EngineRequest,
      real: RealResult,
      expectation: Expectation | undefined,
      waitMs: number,
    ) => {
      outcome.compared++
      if (expectation) {
        usedExpectations.add(expectation)
        const problem = checkExpectation(expectation, engineRequest, real, prefix)
        if (problem) outcome.problems.push(`${describe(engineRequest)} (allow-listed): ${problem}`)
        else outcome.allowed++
        return
      }
      if (real.status === undefined) {
        outcome.problems.push(
          `${describe(engineRequest)}: no response from the real app (${real.error ?? `still running after ${waitMs / 1000} s`}); the engine answered ${engineRequest.status}`,
        )
        return
      }
      const expectedBody = normaliseBody(engineRequest.status, engineRequest.body)
      const actualBody = normaliseBody(real.status, real.body ?? '', prefix)
      const expectedHeaders = normaliseHeaders(engineRequest.headers)
      const actualHeaders = normaliseHeaders(real.headers ?? {}, prefix)
      if (real.status === engineRequest.status && expectedBody === actualBody && expectedHeaders === actualHeaders) {
        outcome.matched++
        if (verbose) console.log(`  ✓ ${variant.key} ${describe(engineRequest)} ${real.status}`)
        return
      }
      const lines = [
        `${describe(engineRequest)}: status lab ${engineRequest.status}${engineRequest.platformError ? ` (${engineRequest.platformError})` : ''}, real ${real.status}`,
      ]
      if (expectedHeaders !== actualHeaders)
        lines.push(`      headers lab: ${expectedHeaders || '(none)'} · real: ${actualHeaders || '(none)'}`)
      if (expectedBody !== actualBody) lines.push(lineDiff(expectedBody, actualBody).replace(/^/gm, '      '))
      if (engineRequest.error) lines.push(`      lab error: ${engineRequest.error}`)
      outcome.problems.push(lines.join('\n'))
    }

    // Timed replay: when a long request (a stream, a slow handler) overlapped later requests in the
    // engine, and the plan is short, requests are sent at their virtual start times in real time, so
    // the overlap happens for real. Requests with the same start time still go one at a time.
    const span = ordered.length ? ordered[ordered.length - 1].start : 0
    const overlapping = ordered.some(
      (a, i) => a.end - a.start >= 1000 && ordered.slice(i + 1).some((b) => b.start >= a.start && b.start < a.end),
    )
    const timed =
      overlapping && span <= MAX_TIMED_SPAN_MS && !variantExpectations.some((e) => e.real.kind !== 'response')
    if (timed) {
      outcome.mode = 'timed'
      const startedAt = Date.now()
      const groups = new Map<number, typeof jobs>()
      for (const job of jobs) groups.set(job.engine.start, [...(groups.get(job.engine.start) ?? []), job])
      const results = new Map<EngineRequest, RealResult>()
      await Promise.all(
        [...groups.entries()].map(async ([start, group]) => {
          await sleep(Math.max(0, startedAt + start - Date.now()))
          for (const job of group)
            results.set(job.engine, await send(server.port, prefix, job.request, REQUEST_TIMEOUT_MS))
        }),
      )
      for (const job of jobs) judge(job.engine, results.get(job.engine)!, job.expectation, REQUEST_TIMEOUT_MS)
    } else {
      let previousStart: number | undefined
      for (const job of jobs) {
        // One at a time; where the plan leaves a gap, background work (after(), un-awaited
        // promises) gets a moment, as it would on a real server.
        if (previousStart !== undefined && job.engine.start > previousStart)
          await sleep(Math.min(job.engine.start - previousStart, 300))
        previousStart = job.engine.start
        if (job.expectation?.real.kind === 'not-sent') {
          judge(job.engine, { notSent: true }, job.expectation, 0)
          continue
        }
        const waitMs =
          job.expectation?.real.kind === 'still-running' ? job.expectation.real.seconds * 1000 : REQUEST_TIMEOUT_MS
        const real = await send(server.port, prefix, job.request, waitMs)
        if (real.stillRunningAfterMs !== undefined) {
          // Whatever that request holds (a pool client, an open transaction) must go before the next
          // request. SIGKILL: on SIGTERM `next start` shuts down gracefully, i.e. waits for that request.
          stopChild(server.child, 'SIGKILL')
          await exited(server.child)
          server = await startServer(appEnv)
          log(`restarted next start: ${variant.key} ${describe(job.engine)} was still running after ${waitMs / 1000} s`)
        }
        judge(job.engine, real, job.expectation, waitMs)
      }
    }
    outcome.seconds = (Date.now() - variantStart) / 1000
  }

  for (const e of expectations) {
    const selected = variants.some((v) => v.key === e.key)
    if (selected && !usedExpectations.has(e)) {
      const outcome = outcomes.find((o) => o.key === e.key)!
      outcome.problems.push(
        `expectations.ts names ${describe(e.request)}, which this run did not send: update or remove the entry`,
      )
    }
  }

  // The Download proof is about the generated projects, not the database server: the second run against a
  // real PostgreSQL server (verify:postgres) sets VERIFY_DOWNLOADS=0 rather than pay its ~6 minutes twice.
  const proveDownloads = process.env.VERIFY_DOWNLOADS !== '0'
  const checkContext = { variants, outcomes, expectations, port: server.port, prefix: urlPrefix, reset: db.reset }
  if (proveDownloads) await checkDownloads(downloads, { ...checkContext, databaseUrl: (key) => db.urls[key] }, log)
  else log("downloads: the projects' own checks and the from-scratch build are skipped (VERIFY_DOWNLOADS=0)")
  stopChild(server.child, 'SIGKILL')
  if (proveDownloads) await buildDownloadFromScratch(downloads, outcomes, { repo: REPO }, log)
  await db.close()

  // Report.
  console.log('')
  console.log(
    `Examples verified against a real Next.js ${readVersion('next')} app and ${external ? 'an external Postgres' : 'embedded PGlite'}:`,
  )
  let failed = 0
  for (const o of outcomes) {
    const v = variants.find((x) => x.key === o.key)!
    const bounded =
      v.originalRequests > planCount(v)
        ? ` (preset has ${v.originalRequests} requests; each entry capped at ${MAX_COPIES} copies)`
        : ''
    const status = o.problems.length === 0 ? 'ok  ' : 'FAIL'
    if (o.problems.length) failed++
    console.log(
      `  ${status} ${o.key.padEnd(40)} ${o.compared} compared · ${o.matched} matched · ${o.allowed} allow-listed · ${o.seconds.toFixed(1)} s${o.mode === 'timed' ? ' (timed replay)' : ''} · preset "${v.preset}"${bounded}`,
    )
    for (const p of o.problems) console.log(`       ✗ ${p.replace(/\n/g, '\n       ')}`)
  }
  const totals = outcomes.reduce(
    (t, o) => ({ compared: t.compared + o.compared, matched: t.matched + o.matched, allowed: t.allowed + o.allowed }),
    { compared: 0, matched: 0, allowed: 0 },
  )
  console.log('')
  console.log(
    `${failed === 0 ? 'PASS' : 'FAIL'}: ${outcomes.length} variants (${new Set(variants.map((v) => v.id)).size} examples), ${totals.compared} requests compared, ${totals.matched} matched the lab engine, ${totals.allowed} allow-listed${failed ? `, ${failed} variant(s) with differences` : ''} · ${since()}`,
  )
  writeFileSync(
    join(WORK, 'report.json'),
    JSON.stringify({ outcomes, totals, seconds: (Date.now() - t0) / 1000 }, null, 2),
  )
  console.log('')
  for (const line of conformanceReport(conformance)) console.log(line)
  process.exitCode = failed === 0 && conformance.failures.length === 0 ? 0 : 1
}

function planCount(v: Variant) {
  return v.scenario.requests.reduce((n, e) => n + (e.count ?? 1), 0)
}

function readVersion(name: string): string {
  try {
    return (
      JSON.parse(readFileSync(join(VERIFY_DIR, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }
    ).version
  } catch {
    return '?'
  }
}

main().then(
  () => process.exit(),
  (error: unknown) => {
    console.error(`[verify ${since()}] ${(error as Error).stack ?? error}`)
    process.exit(1)
  },
)
