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
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

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

/**
 * initdb into a temporary folder, a clean shutdown, then the folder as a gzipped tarball (PGlite's
 * `loadDataDir` accepts it). `dumpDataDir()` on a running PGlite would save an image Postgres
 * treats as crashed (pg_control "in production"), which it then recovers on every load.
 */
export async function createSnapshot() {
  const { PGlite } = await import('@electric-sql/pglite')
  const dir = mkdtempSync(join(tmpdir(), 'robust-apis-lab-initdb-'))
  try {
    const pg = await PGlite.create({ dataDir: dir })
    await pg.close()
    return new Uint8Array(gzipSync(tarDirectory(dir)))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** A ustar archive of a folder, paths like `/base/1/1255`, as PGlite's own dumps name them. */
function tarDirectory(root) {
  const blocks = []
  const header = (name, size, mode, type, mtime) => {
    const block = Buffer.alloc(512)
    block.write(name, 0, 100, 'utf8')
    block.write(`${mode.toString(8).padStart(7, '0')}\0`, 100)
    block.write('0000000\0', 108)
    block.write('0000000\0', 116)
    block.write(`${size.toString(8).padStart(11, '0')}\0`, 124)
    block.write(
      `${Math.floor(mtime / 1000)
        .toString(8)
        .padStart(11, '0')}\0`,
      136,
    )
    block.write('        ', 148)
    block.write(type, 156)
    block.write('ustar\0', 257)
    block.write('00', 263)
    let sum = 0
    for (const byte of block) sum += byte
    block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148)
    return block
  }
  const walk = (dir, prefix) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry)
      const name = `${prefix}/${entry}`
      if (name.length > 99) throw new Error(`tar: path too long: ${name}`)
      const stat = statSync(path)
      if (stat.isDirectory()) {
        blocks.push(header(name, 0, stat.mode & 0o7777, '5', stat.mtimeMs))
        walk(path, name)
      } else {
        const data = readFileSync(path)
        blocks.push(header(name, data.length, stat.mode & 0o7777, '0', stat.mtimeMs), data)
        if (data.length % 512) blocks.push(Buffer.alloc(512 - (data.length % 512)))
      }
    }
  }
  walk(root, '')
  blocks.push(Buffer.alloc(1024))
  return Buffer.concat(blocks)
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
