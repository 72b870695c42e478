/**
 * Node-only test helper: an engine whose database starts from the snapshot of an empty data
 * directory, the same one the browser worker loads (lib/lab/snapshot/data-dir.mjs makes it and
 * caches it in the OS temp folder). PGlite's initdb costs 3–12 s per test file on a busy 2-core
 * machine; loading the snapshot costs a fraction of that. Never imported by the browser bundle.
 */
import { createEngine, type Engine } from '../engine'
import { dataDirBlob } from '../snapshot/blob'
import { snapshotBytes } from '../snapshot/data-dir.mjs'

async function cachedDataDir(): Promise<Blob> {
  return dataDirBlob(new Uint8Array(await snapshotBytes()))
}

/** An engine for tests; its database loads from the cached snapshot (initdb if that fails). */
export function createTestEngine(): Engine {
  let engine: Engine | undefined
  const get = async () => (engine ??= createEngine({ loadDataDir: await cachedDataDir().catch(() => undefined) }))
  return {
    ready: async () => (await get()).ready(),
    run: async (input, options) => (await get()).run(input, options),
    getReadyFor: async (input, options) => (await get()).getReadyFor(input, options),
    close: async () => {
      await engine?.close()
      engine = undefined
    },
  }
}
