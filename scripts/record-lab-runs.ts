/**
 * Records every lab's first run into the static export, after `next build` (`npm run build` runs it):
 * the outcome of the unedited example with the default request panel, run by the lab engine in Node,
 * written gzipped to `out/_next/static/<build id>/lab-runs/<example>.json.gz` as `{ input, outcome }`. A reader
 * who presses Run before the page's database has opened sees it at once (components/Lab/session/
 * recordedRun.ts); every other run is live.
 *
 * A recording can never differ from what the engine gives: after recording them all on a fresh
 * database, this re-runs every lab in the reverse order on the same database (so each one runs after
 * different work than the first time) and fails the build on any difference. An outcome JSON cannot
 * carry exactly (bytes, a Map, undefined in a list...) is not recorded (its file holds `null`); that lab
 * always runs live.
 *
 *   npx tsx scripts/record-lab-runs.ts [outDir]
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { pathToFileURL } from 'node:url'
import { initialPanelState } from '@/components/Lab/panelState'
import type { RecordedRun } from '@/components/Lab/session/recordedRun'
import { recordedRunPath, stableJson } from '@/components/Lab/session/recordedRun'
import { runInputFromPanel } from '@/components/Lab/session/runInput'
import type { LabMeta } from '@/components/Lab/types'
import { loadExample } from '@/lib/examples/load'
import type { Engine } from '@/lib/lab/engine'
import { createTestEngine } from '@/lib/lab/testing/node-database'
import type { RunInput } from '@/lib/lab/types'

/** Where JSON would not give back exactly `value` (a path like `outcome.requests[3].body`), or null. */
export function notExactInJson(value: unknown, path = 'outcome'): string | null {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return null
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0) ? null : path
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const problem = item === undefined ? `${path}[${index}]` : notExactInJson(item, `${path}[${index}]`)
      if (problem) return problem
    }
    return null
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      // An undefined property is left out by JSON; reading it gives undefined either way.
      if (item === undefined) continue
      const problem = notExactInJson(item, `${path}.${key}`)
      if (problem) return problem
    }
    return null
  }
  return path
}

/** The lab ids of an export, from its pages' `data-lab` attributes. */
export function labsInExport(outDir: string): string[] {
  const ids = new Set<string>()
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = join(dir, name)
      if (statSync(file).isDirectory()) walk(file)
      else if (name.endsWith('.html'))
        for (const match of readFileSync(file, 'utf8').matchAll(/data-lab="([^"]+)"/g)) ids.add(match[1])
    }
  }
  walk(outDir)
  return [...ids].sort()
}

/** The input the lab sends for its first Run on the unedited example (session/runInput.ts). */
export async function firstRunInput(example: string): Promise<RunInput> {
  const { meta, files } = await loadExample(example)
  const built = runInputFromPanel(meta, files, initialPanelState(meta as LabMeta))
  if (!built.ok)
    throw new Error(`examples/${example}: the default request panel does not parse (${built.body ?? built.headers})`)
  return built.input
}

export interface Recordings {
  recorded: Map<string, RecordedRun>
  /** Labs left live, and why. */
  skipped: Array<{ example: string; why: string }>
}

/** Records each example's first run, then re-runs them all in reverse order and throws on any difference. */
export async function recordLabRuns(examples: string[], engine: Engine): Promise<Recordings> {
  const recorded = new Map<string, RecordedRun>()
  const skipped: Recordings['skipped'] = []
  for (const example of examples) {
    const input = await firstRunInput(example)
    const outcome = await engine.run(input, { resetAhead: false })
    const problem = notExactInJson(outcome)
    if (problem) skipped.push({ example, why: `${problem} is not plain JSON` })
    else recorded.set(example, JSON.parse(JSON.stringify({ input, outcome })) as RecordedRun)
  }
  for (const example of [...recorded.keys()].reverse()) {
    const { input, outcome } = recorded.get(example)!
    const again = await engine.run(input, { resetAhead: false })
    if (stableJson(again) !== stableJson(outcome)) {
      throw new Error(
        `examples/${example}: the engine gave a different outcome on a second run of the same input, so its first run cannot be recorded. The engine must be deterministic (lib/lab/README.md); first difference near: ${firstDifference(stableJson(outcome), stableJson(again))}`,
      )
    }
  }
  return { recorded, skipped }
}

function firstDifference(a: string, b: string): string {
  let index = 0
  while (index < a.length && a[index] === b[index]) index++
  return `…${a.slice(Math.max(0, index - 80), index + 40)}… vs …${b.slice(Math.max(0, index - 80), index + 40)}…`
}

/** Next's build id: the folder under _next/static/ beside chunks/, css/ and media/. */
function buildIdOf(outDir: string): string {
  const dir = join(outDir, '_next/static')
  const id = readdirSync(dir).find(
    (entry) => !['chunks', 'css', 'media'].includes(entry) && statSync(join(dir, entry)).isDirectory(),
  )
  if (!id) throw new Error(`${dir} has no build id folder: is it a Next.js static export?`)
  return id
}

async function main() {
  const outDir = resolve(process.argv[2] ?? 'out')
  const buildId = buildIdOf(outDir)
  const examples = labsInExport(outDir)
  const engine = createTestEngine()
  const started = Date.now()
  try {
    const { recorded, skipped } = await recordLabRuns(examples, engine)
    const folder = join(outDir, recordedRunPath(buildId, 'x').replace(/\/x\.json\.gz$/, ''))
    rmSync(folder, { recursive: true, force: true })
    mkdirSync(folder, { recursive: true })
    let bytes = 0
    for (const [example, recording] of recorded) {
      // Gzipped here (1.3 MB of JSON for all labs, 0.1 MB gzipped), whatever the host compresses.
      const file = gzipSync(JSON.stringify(recording), { level: 9 })
      bytes += file.byteLength
      writeFileSync(join(outDir, recordedRunPath(buildId, example)), file)
    }
    console.log(
      `Recorded first runs: ${recorded.size} of ${examples.length} labs, each checked against a second run (${(bytes / 1e3).toFixed(1)} kB gzipped, ${((Date.now() - started) / 1000).toFixed(1)} s).`,
    )
    for (const { example, why } of skipped) {
      // `null`: the lab runs live; a missing file would be a 404, which the browser logs as an error.
      writeFileSync(join(outDir, recordedRunPath(buildId, example)), gzipSync('null'))
      console.log(`  ${example} runs live only: ${why}`)
    }
  } finally {
    await engine.close()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
