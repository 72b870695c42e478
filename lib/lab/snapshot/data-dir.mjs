/**
 * The empty database's data directory, made once and reused: PGlite's initdb costs seconds, while
 * `PGlite.create({ loadDataDir })` from this snapshot costs a fraction of that.
 *
 * One generator for both users:
 * - the browser: `snapshot-loader.cjs` turns `empty-database.pgdata` into this tarball at build
 *   time (`next build` and `next dev`), so the lab worker can fetch it;
 * - the Node tests: `lib/lab/testing/node-database.ts`.
 *
 * The snapshot is PGlite right after initdb, with nothing of the lab's own: `LabDatabase.create()`
 * runs its setup SQL on top of it, exactly as it does after a fresh initdb.
 * Plain JavaScript (Node only), because webpack loads the loader without a TypeScript step.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)

/** PGlite's package.json: its version is part of the cache key, and webpack watches it. */
export function pglitePackageJson() {
  return join(dirname(require.resolve('@electric-sql/pglite')), '..', 'package.json')
}

/**
 * Where the snapshot is cached: the OS temp folder, keyed by the PGlite version and this file's own
 * text, so a new PGlite or a changed generator makes a new snapshot.
 */
export function snapshotCacheFile() {
  const { version } = JSON.parse(readFileSync(pglitePackageJson(), 'utf8'))
  const self = createHash('sha256')
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .digest('hex')
    .slice(0, 12)
  return join(tmpdir(), `robust-apis-lab-pgdata-${version}-${self}.tar.gz`)
}

/** initdb, then the whole data directory as a gzipped tarball (PGlite's `loadDataDir` accepts it). */
export async function createSnapshot() {
  const { PGlite } = await import('@electric-sql/pglite')
  const pg = await PGlite.create()
  try {
    const blob = await pg.dumpDataDir('gzip')
    return new Uint8Array(await blob.arrayBuffer())
  } finally {
    await pg.close()
  }
}

/** The snapshot's bytes, from the cache when it exists; otherwise made once and cached. */
export async function snapshotBytes(cacheFile = snapshotCacheFile()) {
  if (existsSync(cacheFile)) return new Uint8Array(readFileSync(cacheFile))
  const bytes = await createSnapshot()
  // Several processes (test files, build workers) may race here: write aside, then rename.
  const partial = `${cacheFile}.${process.pid}.partial`
  writeFileSync(partial, bytes)
  renameSync(partial, cacheFile)
  return bytes
}
