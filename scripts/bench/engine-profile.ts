/**
 * The lab worker's start-up and run steps, timed in Node (the same engine, PGlite and snapshot the
 * worker uses): `npx tsx scripts/bench/engine-profile.ts [example-id ...]`. A tool for finding the
 * slow step; the browser adds downloads, the worker's start and rendering (scripts/bench/lab-profile.ts).
 */
import { readFileSync } from 'node:fs'
import { LabDatabase } from '../../lib/lab/database/pglite'
import { createEngine } from '../../lib/lab/engine'
import { dataDirBlob } from '../../lib/lab/snapshot/blob'
import { snapshotBytes } from '../../lib/lab/snapshot/data-dir.mjs'
import { WARM_UP_RUN } from '../../lib/lab/host/worker-engine'
import { createRequire } from 'node:module'
import { loadExample } from '../../lib/examples/load'
import { buildScenario } from '../../lib/examples/scenario'
import type { RunInput } from '../../lib/lab/types'

const require = createRequire(import.meta.url)

/** The example's starter files and its default preset, as the lab runs them on a first Run. */
async function loadExampleInput(id: string): Promise<RunInput> {
  const example = await loadExample(id)
  return { files: example.files, scenario: buildScenario(example.meta, example.meta.defaultPreset) }
}

async function main() {
  const ids = process.argv.slice(2)
  const steps: Array<[string, number]> = []
  let last = performance.now()
  const step = (name: string) => {
    const now = performance.now()
    steps.push([name, Math.round(now - last)])
    last = now
  }
  const snapshot = dataDirBlob(new Uint8Array(await snapshotBytes()))
  const wasm = await WebAssembly.compile(readFileSync(require.resolve('@electric-sql/pglite/pglite.wasm')))
  const fsBundle = new Blob([readFileSync(require.resolve('@electric-sql/pglite/pglite.data'))])
  step('snapshot read, wasm compiled, fs bundle read')
  const database = await LabDatabase.create({ loadDataDir: snapshot, pgliteWasmModule: wasm, fsBundle })
  step('PGlite open (from the snapshot)')
  const engine = createEngine({ database })
  await engine.ready()
  await engine.run(WARM_UP_RUN, { resetAhead: false })
  step('warm-up run')
  for (const id of ids.length ? ids : ['pooling-module-pool']) {
    const input = await loadExampleInput(id)
    await engine.getReadyFor(input)
    step(`${id}: compile + reset ahead of the first run (expect-run)`)
    for (const label of ['first run', 'repeat 1', 'repeat 2', 'repeat 3']) {
      await engine.run(input)
      step(`${id}: ${label}`)
      // Queued behind the reset ahead that the run started, which it then finds done.
      await engine.getReadyFor(input)
      step(`${id}: reset ahead after the ${label}`)
    }
  }
  await engine.close()
  for (const [name, ms] of steps) console.log(`${String(ms).padStart(6)} ms  ${name}`)
}

void main()
