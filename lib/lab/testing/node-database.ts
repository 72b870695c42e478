/**
 * Node-only test helper: an engine whose database starts from a data directory cached in the OS
 * temp folder. PGlite's initdb costs 3–12 s per test file on a busy 2-core machine; loading the
 * cached directory costs a fraction of that. Never imported by the browser bundle.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { LabDatabase } from '../database/pglite'
import { createEngine, type Engine } from '../engine'

function pgliteVersion(): string {
  try {
    const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite')
    const pkg = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string }
    return pkg.version
  } catch {
    return 'unknown'
  }
}

const CACHE_FILE = join(tmpdir(), `robust-apis-lab-pglite-${pgliteVersion()}.tar`)

async function cachedDataDir(): Promise<Blob | undefined> {
  if (existsSync(CACHE_FILE)) return new Blob([readFileSync(CACHE_FILE)])
  // First run on this machine: initdb once, then leave the result for every later test file.
  const db = await LabDatabase.create()
  const blob = await db.dumpDataDir()
  await db.close()
  const partial = `${CACHE_FILE}.${process.pid}.partial`
  writeFileSync(partial, new Uint8Array(await blob.arrayBuffer()))
  renameSync(partial, CACHE_FILE)
  return blob
}

/** An engine for tests; its database loads from the cached data directory when one exists. */
export function createTestEngine(): Engine {
  let engine: Engine | undefined
  const get = async () => (engine ??= createEngine({ loadDataDir: await cachedDataDir().catch(() => undefined) }))
  return {
    ready: async () => (await get()).ready(),
    run: async (input, options) => (await get()).run(input, options),
    close: async () => {
      await engine?.close()
      engine = undefined
    },
  }
}
