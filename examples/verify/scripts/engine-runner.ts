/**
 * Runs in the SITE's toolchain (`<repo>/node_modules/.bin/tsx`, cwd = repo root), because it
 * imports the site's own loaders and lab engine: `lib/examples/load.ts`, `lib/examples/scenario.ts`
 * and `createEngine` from `lib/lab`. The verifier starts it as a child process.
 *
 *   tsx examples/verify/scripts/engine-runner.ts <out-dir> [id,id,…]
 *
 * 1. Loads every example (discovered from examples/<id>/meta.ts), builds each variant's bounded
 *    scenario, writes `<out-dir>/variants.json` and prints `LOADED`.
 * 2. Runs the lab engine on every variant, writes `<out-dir>/engine.json` and prints `DONE`.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { listExamples, loadExample } from '../../../lib/examples/load'
import { buildScenario } from '../../../lib/examples/scenario'
import { createEngine } from '../../../lib/lab'
import type { RunInput } from '../../../lib/lab/types'
import { boundScenario, countPlan, type EngineVariantResult, type Variant } from './variants'

const [outDir, only] = process.argv.slice(2)
if (!outDir) throw new Error('usage: engine-runner.ts <out-dir> [ids]')
mkdirSync(outDir, { recursive: true })

const ids = listExamples().filter((id) => id !== 'verify' && (!only || only.split(',').includes(id)))
const variants: Variant[] = []
for (const id of ids) {
  const example = await loadExample(id)
  const starter = buildScenario(example.meta, example.meta.defaultPreset)
  variants.push({
    key: id,
    id,
    kind: 'starter',
    preset: example.meta.defaultPreset,
    files: example.files,
    scenario: boundScenario(starter),
    originalRequests: countPlan(starter),
  })
  if (example.solution) {
    const preset = example.meta.exercise?.preset ?? example.meta.defaultPreset
    const solved = buildScenario(example.meta, preset)
    variants.push({
      key: `${id}--solution`,
      id,
      kind: 'solution',
      preset,
      files: example.solution,
      scenario: boundScenario(solved),
      originalRequests: countPlan(solved),
    })
  }
}
writeFileSync(join(outDir, 'variants.json'), JSON.stringify(variants))
console.log('LOADED')

const engine = createEngine()
const results: EngineVariantResult[] = []
for (const variant of variants) {
  const outcome = await engine.run({ files: variant.files, scenario: variant.scenario } as RunInput)
  if (!outcome.ok) {
    results.push({
      key: variant.key,
      ok: false,
      failure: `${outcome.error.kind}: ${outcome.error.message}`,
      requests: [],
      errors: [],
    })
    continue
  }
  results.push({
    key: variant.key,
    ok: true,
    requests: outcome.requests.map((r) => ({
      index: r.index,
      method: r.method,
      path: r.path,
      status: r.status,
      headers: r.headers,
      body: r.body,
      platformError: r.platformError,
      error: r.error ? r.error.message : undefined,
      start: r.timing.start,
      end: r.timing.end,
    })),
    errors: outcome.console.filter((line) => line.level === 'error').map((line) => line.text),
  })
}
await engine.close()
writeFileSync(join(outDir, 'engine.json'), JSON.stringify(results))
console.log('DONE')
process.exit(0)
