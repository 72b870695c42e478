/**
 * A throwaway PostgreSQL server for the proof: its own data directory in a temporary folder, its
 * own port and socket directory, the lab's connection settings, stopped at the end (also when the
 * command fails or is interrupted). Uses the server binaries Debian's `postgresql` package installs
 * (`/usr/lib/postgresql/<major>/bin`, the newest one), or `PG_BIN`.
 *
 * PostgreSQL refuses to run as root, and CI runs as root: then initdb and the server run as the
 * `postgres` system user (`runuser -u postgres`), which the package creates.
 *
 *   tsx scripts/real-postgres.ts [--max-connections N] [--port P] [--skip-when-database-url] -- <command> [args…]
 *
 * starts the server, runs the command with `DATABASE_URL` (the lab's ordinary application role,
 * `lab_app`) and `REAL_PG_SUPERUSER_URL` set, stops the server and exits with the command's code.
 * The port is `REAL_PG_PORT`, `--port`, or a free one. With `--skip-when-database-url` and
 * `DATABASE_URL` set, nothing runs: the caller has checked that server already.
 */
import { execFileSync, spawn } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The lab's database settings (lib/lab/settings.ts) that a server needs at start. */
export interface RealPostgresOptions {
  /** `max_connections`; the lab's default is 20. */
  maxConnections?: number
  /** `superuser_reserved_connections`; PostgreSQL's default and the lab's: 3. */
  superuserReservedConnections?: number
  port?: number
}

export interface RealPostgres {
  /** The ordinary role the lab's examples log in as (`lab_app`, owner of database `lab`). */
  url: string
  /** The bootstrap superuser (`postgres`), same database. */
  superuserUrl: string
  port: number
  /** `server_version_num` / 10000, e.g. 15. */
  major: number
  binDir: string
  dataDir: string
  stop(): void
}

export function findPostgresBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN
  const root = '/usr/lib/postgresql'
  const majors = existsSync(root)
    ? readdirSync(root)
        .filter((name) => existsSync(join(root, name, 'bin/postgres')))
        .sort((a, b) => Number(b) - Number(a))
    : []
  if (!majors.length) {
    throw new Error(
      'No PostgreSQL server found under /usr/lib/postgresql. Install it with `apt-get install -y postgresql` ' +
        '(bash .ci/run does), or set PG_BIN to a directory holding initdb, pg_ctl and postgres.',
    )
  }
  return join(root, majors[0], 'bin')
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

const isRoot = process.getuid?.() === 0

/** Servers still running: stopped when this process exits or is interrupted, whoever started them. */
const running = new Set<() => void>()
let handlersInstalled = false
function stopAllOnExit() {
  if (handlersInstalled) return
  handlersInstalled = true
  process.on('exit', () => running.forEach((stop) => stop()))
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => {
      running.forEach((stop) => stop())
      process.exit(130)
    })
}

/** Runs a server binary, as `postgres` when we are root. */
function asServerUser(bin: string, args: string[]): string {
  const [command, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args]
  return execFileSync(command, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

export async function startRealPostgres(options: RealPostgresOptions = {}): Promise<RealPostgres> {
  const binDir = findPostgresBin()
  const port = options.port ?? (Number(process.env.REAL_PG_PORT) || (await freePort()))
  const maxConnections = options.maxConnections ?? 20
  const reserved = options.superuserReservedConnections ?? 3
  const dataDir = mkdtempSync(join(tmpdir(), 'robust-apis-pg-'))
  // The server user must own its data directory; the socket goes in the same folder.
  chmodSync(dataDir, 0o700)
  if (isRoot) execFileSync('chown', ['postgres:postgres', dataDir])
  let started = false
  const stop = () => {
    running.delete(stop)
    if (started) {
      started = false
      try {
        asServerUser(join(binDir, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop'])
      } catch {
        // already stopped
      }
    }
    rmSync(dataDir, { recursive: true, force: true })
  }
  stopAllOnExit()
  running.add(stop)
  try {
    asServerUser(join(binDir, 'initdb'), [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '--encoding=UTF8',
      '--locale=C',
      '--no-sync',
    ])
    const settings = [
      `-p ${port}`,
      `-k ${dataDir}`,
      "-c listen_addresses='127.0.0.1'",
      `-c max_connections=${maxConnections}`,
      `-c superuser_reserved_connections=${reserved}`,
      // A throwaway cluster: durability buys nothing here.
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c shared_buffers=32MB',
    ].join(' ')
    asServerUser(join(binDir, 'pg_ctl'), ['-D', dataDir, '-l', join(dataDir, 'server.log'), '-o', settings, '-w', 'start'])
    started = true
    const psql = (sql: string) =>
      execFileSync(join(binDir, 'psql'), ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', '127.0.0.1', '-p', `${port}`, '-U', 'postgres', '-d', 'postgres', '-Atc', sql], {
        encoding: 'utf8',
      }).trim()
    const psqlBin = existsSync(join(binDir, 'psql'))
    if (!psqlBin) throw new Error(`${binDir}/psql is missing`)
    psql('CREATE ROLE lab_app LOGIN NOSUPERUSER')
    psql('CREATE DATABASE lab OWNER lab_app')
    const major = Math.floor(Number(psql('SHOW server_version_num')) / 10000)
    return {
      url: `postgres://lab_app@127.0.0.1:${port}/lab`,
      superuserUrl: `postgres://postgres@127.0.0.1:${port}/lab`,
      port,
      major,
      binDir,
      dataDir,
      stop,
    }
  } catch (error) {
    stop()
    throw error
  }
}

async function cli() {
  const argv = process.argv.slice(2)
  const dash = argv.indexOf('--')
  const own = dash >= 0 ? argv.slice(0, dash) : argv
  const command = dash >= 0 ? argv.slice(dash + 1) : []
  const value = (name: string) => {
    const i = own.indexOf(name)
    return i >= 0 ? Number(own[i + 1]) : undefined
  }
  if (own.includes('--skip-when-database-url') && process.env.DATABASE_URL) {
    console.log('[real-postgres] DATABASE_URL is set: that server was checked already, no throwaway server needed')
    process.exit(0)
  }
  if (!command.length) {
    console.error(
      'usage: tsx scripts/real-postgres.ts [--max-connections N] [--port P] [--skip-when-database-url] -- <command> [args…]',
    )
    process.exit(2)
  }
  const started = Date.now()
  const server = await startRealPostgres({ maxConnections: value('--max-connections'), port: value('--port') })
  const cleanUp = () => server.stop()
  console.log(
    `[real-postgres] PostgreSQL ${server.major} on 127.0.0.1:${server.port} (${server.dataDir}), started in ${Date.now() - started} ms`,
  )
  const child = spawn(command[0], command.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: server.url, REAL_PG_SUPERUSER_URL: server.superuserUrl },
  })
  const code = await new Promise<number>((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))))
  cleanUp()
  process.exit(code)
}

if (process.argv[1] && /real-postgres\.ts$/.test(process.argv[1])) void cli().catch((error: Error) => {
  console.error(`[real-postgres] ${error.message}`)
  process.exit(1)
})

