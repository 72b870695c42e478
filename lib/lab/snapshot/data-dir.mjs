/**
 * The empty database's data directory, made once and reused: PGlite's initdb costs seconds, while
 * `PGlite.create({ loadDataDir })` from this snapshot costs a fraction of that.
 *
 * One generator for both users:
 * - the browser: `snapshot-loader.cjs` turns `empty-database.pgdata` into this tarball at build
 *   time (`next build` and `next dev`), so the lab worker can fetch it;
 * - the Node tests: `lib/lab/testing/node-database.ts`.
 *
 * The snapshot is PGlite right after initdb plus the lab's own objects (../database/setup-sql.mjs),
 * which `LabDatabase.create()` then finds in place instead of creating them. It is trimmed for a
 * fast load (see `createSnapshot`): every byte in it is copied into PGlite's in-memory file system
 * and every buffer Postgres sets up at start costs time before the reader's first run.
 * Plain JavaScript (Node only), because webpack loads the loader without a TypeScript step.
 */
import { createHash } from 'node:crypto'
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { LAB_SETUP_SQL } from '../database/setup-sql.mjs'

const require = createRequire(import.meta.url)

/** PGlite's package.json: its version is part of the cache key, and webpack watches it. */
export function pglitePackageJson() {
  return join(dirname(require.resolve('@electric-sql/pglite')), '..', 'package.json')
}

/** The files that make the snapshot what it is: this generator and the lab's setup SQL. */
export function generatorFiles() {
  return [fileURLToPath(import.meta.url), fileURLToPath(new URL('../database/setup-sql.mjs', import.meta.url))]
}

/**
 * Where the snapshot is cached: the OS temp folder, keyed by the PGlite version and the generator's
 * text, so a new PGlite, a changed generator or changed setup SQL makes a new snapshot.
 */
export function snapshotCacheFile() {
  const { version } = JSON.parse(readFileSync(pglitePackageJson(), 'utf8'))
  const hash = createHash('sha256')
  for (const file of generatorFiles()) hash.update(readFileSync(file))
  const self = hash.digest('hex').slice(0, 12)
  return join(tmpdir(), `robust-apis-lab-pgdata-${version}-${self}.tar.gz`)
}

/**
 * What initdb is told, on top of PGlite's own arguments. Checksums make Postgres hash every page it
 * reads or writes and log a full page the first time a hint bit changes; a lab's database lives for
 * one page view, in memory, so they buy nothing. A 1 MB WAL segment instead of 16 MB: the snapshot
 * must hold the segment with the last checkpoint, and most of a 16 MB one is zeros to unpack.
 */
const INITDB_ARGS = ['--no-data-checksums', '--wal-segsize=1']

/**
 * Appended to postgresql.conf. Postgres sets up its shared buffers and per-connection slots at every
 * start; PGlite is one connection, and a lab's tables fit in a few MB. 20 matches the simulated
 * `max_connections` the lessons quote (the engine enforces that one itself).
 */
const SERVER_SETTINGS = ['shared_buffers = 16MB', 'max_connections = 20']

/**
 * initdb into a temporary folder, then trimmed: template0 and template1 are dropped (the lab runs in
 * `postgres` and never creates a database), the lab's setup SQL, a clean shutdown, and only the WAL segment that holds
 * the shutdown checkpoint is kept (the others are recycled ones Postgres recreates when needed).
 * The folder then becomes a gzipped tarball (PGlite's `loadDataDir` accepts it). `dumpDataDir()` on
 * a running PGlite would save an image Postgres treats as crashed (pg_control "in production"),
 * which it then recovers on every load; `keepCheckpointSegment` refuses anything but a clean one.
 */
export async function createSnapshot() {
  const { PGlite } = await import('@electric-sql/pglite')
  const dir = mkdtempSync(join(tmpdir(), 'robust-apis-lab-initdb-'))
  try {
    const pg = await PGlite.create({ dataDir: dir, initDbStartParams: INITDB_ARGS })
    await pg.exec('ALTER DATABASE template0 IS_TEMPLATE false; ALTER DATABASE template1 IS_TEMPLATE false;')
    await pg.exec('DROP DATABASE template0')
    await pg.exec('DROP DATABASE template1')
    await pg.exec(LAB_SETUP_SQL)
    await pg.close()
    appendFileSync(
      join(dir, 'postgresql.conf'),
      `\n# The lab's snapshot (lib/lab/snapshot/data-dir.mjs)\n${SERVER_SETTINGS.join('\n')}\n`,
    )
    keepCheckpointSegment(dir)
    return new Uint8Array(gzipSync(tarDirectory(dir)))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** pg_control of PostgreSQL 18 (PG_CONTROL_VERSION 1800): where its fields are, and "shut down". */
const PG_CONTROL = { version: 1800, versionOffset: 8, stateOffset: 16, checkpointOffset: 32, shutDown: 1 }
const WAL_SEGMENT_BYTES = 1n << 20n

/**
 * Deletes every WAL segment but the one(s) the shutdown checkpoint record is in: a clean start reads
 * only that record. Throws unless pg_control says the cluster was shut down cleanly, so a snapshot
 * that would need crash recovery on every load is never shipped.
 */
function keepCheckpointSegment(dir) {
  const control = readFileSync(join(dir, 'global', 'pg_control'))
  if (control.readUInt32LE(PG_CONTROL.versionOffset) !== PG_CONTROL.version) {
    throw new Error('snapshot: unknown pg_control version; check PG_CONTROL in data-dir.mjs')
  }
  if (control.readUInt32LE(PG_CONTROL.stateOffset) !== PG_CONTROL.shutDown) {
    throw new Error('snapshot: the data directory was not shut down cleanly')
  }
  const checkpoint = control.readBigUInt64LE(PG_CONTROL.checkpointOffset)
  // The record is a few hundred bytes; it may straddle into the next segment.
  const first = checkpoint / WAL_SEGMENT_BYTES
  const last = (checkpoint + 8192n) / WAL_SEGMENT_BYTES
  const segmentsPerId = 0x100000000n / WAL_SEGMENT_BYTES
  for (const name of readdirSync(join(dir, 'pg_wal'))) {
    // <timeline 8 hex><log id 8 hex><segment within log id 8 hex>
    if (!/^[0-9A-F]{24}$/.test(name)) continue
    const segment = BigInt(`0x${name.slice(8, 16)}`) * segmentsPerId + BigInt(`0x${name.slice(16)}`)
    if (segment < first || segment > last) unlinkSync(join(dir, 'pg_wal', name))
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
