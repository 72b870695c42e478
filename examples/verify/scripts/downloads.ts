/**
 * The proof of the Lab's "Download" (lib/download/project.ts), in three steps that verify.ts calls:
 *
 * 1. `mountDownloads`: every variant is downloaded as a project zip by the same generator the button
 *    uses (download-runner.ts, in the site's toolchain), unpacked, and the verifier then mounts the
 *    UNPACKED PROJECT'S files instead of the example folder's, with its `.env.example` as `.env`. So
 *    every comparison with the lab engine (verify.ts) is made on the downloaded routes, lib/,
 *    proxy.ts and db/*.sql.
 * 2. `checkDownloads`: each project's own `npm run check` (scripts/check.mjs with its checks.json)
 *    runs against its mounted routes on a freshly reset database. It must pass for every example and
 *    every exercise solution; an exercise's starter must run it to a verdict (it is meant to fail).
 * 3. `buildDownloadFromScratch`: two projects (FROM_SCRATCH, one of them a Prisma project) are installed from
 *    the npm registry and built exactly as their README says (`npm install`, `npm run build`, `npm start` with its embedded database), then
 *    `npm run check` must pass against it. `VERIFY_DOWNLOAD_BUILD=0` skips this step.
 *
 * Problems are added to the verifier's own outcome of the variant, so they fail the run and appear
 * in its report.
 */
import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, relative, sep } from 'node:path'
import type { Expectation } from '../expectations'
import type { Variant } from './variants'

interface DownloadRecord {
  key: string
  dir: string
  zipBytes: number
  scaffold: string[]
  /** Files the project's own `prisma generate` wrote for the mount (not in the zip). */
  generatedByPrisma?: string[]
}

export interface Downloads {
  records: DownloadRecord[]
  seconds: number
}

interface OutcomeLike {
  key: string
  problems: string[]
}

type Log = (text: string) => void

/**
 * The projects checked from scratch: an App Router route behind proxy.ts, lib/ and a judged status; and a
 * Prisma ORM 7 project, whose `npm install` generates its client (postinstall) before `next build` type-checks it.
 */
export const FROM_SCRATCH = ['secrets-proxy-auth', 'prisma-module-client']

function runCommand(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    const timer = setTimeout(() => {
      output += `\n(stopped after ${(options.timeoutMs ?? 0) / 1000} s)`
      if (child.pid) process.kill(-child.pid, 'SIGKILL')
    }, options.timeoutMs ?? 600_000)
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      resolve({ code: code ?? (signal ? 1 : 0), output })
    })
  })
}

function walk(dir: string, root = dir, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) walk(full, root, out)
    else out.push(relative(root, full).split(sep).join('/'))
  }
  return out
}

const VERIFY_DIR = join(import.meta.dirname, '..')

/**
 * `prisma generate` without a network, as lib/examples/prisma-generate.mjs runs it for the lab (see
 * lib/lab/README.md, "Offline, and why that is safe"): the CLI would fetch the schema engine first,
 * which `generate` never runs.
 */
export function prismaOfflineEnv(repo: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: join(repo, 'lib/examples/prisma-no-schema-engine.mjs'),
    CHECKPOINT_DISABLE: '1',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  }
}

/** Step 1: generate every variant's project and mount the unpacked project's files in its place. */
export async function mountDownloads(variants: Variant[], paths: { repo: string; work: string }, log: Log): Promise<Downloads> {
  const started = Date.now()
  const out = join(paths.work, 'downloads')
  const variantsFile = join(paths.work, 'variants.json')
  const tsx = join(paths.repo, 'node_modules/.bin/tsx')
  const result = await runCommand(tsx, ['examples/verify/scripts/download-runner.ts', variantsFile, out], {
    cwd: paths.repo,
    timeoutMs: 120_000,
  })
  if (result.code !== 0) throw new Error(`Generating the downloads failed (exit code ${result.code}):\n${result.output}`)
  const records = JSON.parse(readFileSync(join(out, 'downloads.json'), 'utf8')) as DownloadRecord[]
  for (const variant of variants) {
    const record = records.find((r) => r.key === variant.key)
    if (!record) throw new Error(`download-runner.ts wrote no project for ${variant.key}`)
    // A Prisma project ships no client: its `npm install` runs `prisma generate` (postinstall). Run that
    // here, with the project's own CLI version, so what is built below is what the reader's project generates.
    if (existsSync(join(record.dir, 'prisma/schema.prisma'))) {
      const before = new Set(walk(record.dir))
      const generated = await runCommand(join(VERIFY_DIR, 'node_modules/.bin/prisma'), ['generate'], {
        cwd: record.dir,
        env: prismaOfflineEnv(paths.repo),
        timeoutMs: 120_000,
      })
      if (generated.code !== 0)
        throw new Error(`\`prisma generate\` in the download of ${variant.key} failed (exit code ${generated.code}):\n${generated.output}`)
      record.generatedByPrisma = walk(record.dir).filter((path) => !before.has(path))
    }
    const scaffold = new Set(record.scaffold)
    const files: Record<string, string> = {}
    for (const path of walk(record.dir)) {
      if (scaffold.has(path) && path !== '.env.example') continue
      files[path] = readFileSync(join(record.dir, path), 'utf8')
    }
    // The app reads .env, which the project's first `npm run dev` creates from .env.example.
    files['.env'] = readFileSync(join(record.dir, '.env.example'), 'utf8')
    delete files['.env.example']
    const dropped = Object.keys(variant.files).filter((path) => !path.startsWith('.env') && !(path in files))
    if (dropped.length) throw new Error(`The download of ${variant.key} lacks ${dropped.join(', ')}`)
    variant.files = files
  }
  const kB = records.reduce((n, r) => n + r.zipBytes, 0) / 1024
  const seconds = (Date.now() - started) / 1000
  log(`downloads: ${records.length} project zips generated (${kB.toFixed(0)} kB in all) and mounted in place of the example folders`)
  return { records, seconds }
}

/** Step 2: every project's `npm run check` against its mounted routes. */
export async function checkDownloads(
  downloads: Downloads,
  context: {
    variants: Variant[]
    outcomes: OutcomeLike[]
    expectations: Expectation[]
    port: number
    prefix: (key: string) => string
    databaseUrl: (key: string) => string
    reset: (key: string) => Promise<void>
  },
  log: Log,
): Promise<void> {
  const started = Date.now()
  let passed = 0
  const skipped: string[] = []
  for (const variant of context.variants) {
    const record = downloads.records.find((r) => r.key === variant.key)!
    const outcome = context.outcomes.find((o) => o.key === variant.key)
    if (!outcome) continue
    // A request the real app cannot answer in reasonable time (expectations.ts) cannot be checked either.
    if (context.expectations.some((e) => e.key === variant.key && e.real.kind !== 'response')) {
      skipped.push(variant.key)
      continue
    }
    await context.reset(variant.key)
    const base = `http://127.0.0.1:${context.port}${context.prefix(variant.key)}`
    // 20 ms between requests instead of 300: the same order and overlaps, minutes less for the hour-long presets.
    const env = { ...process.env, DATABASE_URL: context.databaseUrl(variant.key), CHECK_TIMEOUT_MS: '60000', CHECK_PAUSE_MS: '20' }
    const result = await runCommand(process.execPath, ['scripts/check.mjs', base], { cwd: record.dir, env, timeoutMs: 300_000 })
    // An exercise's starter is meant to fail its checks; it must still run them to a verdict.
    const starterOfExercise = variant.kind === 'starter' && context.variants.some((v) => v.key === `${variant.key}--solution`)
    if (result.code === 0 || (starterOfExercise && result.code === 1 && result.output.includes('Checks:'))) {
      passed++
      continue
    }
    outcome.problems.push(
      `the downloaded project's \`npm run check\` exited with ${result.code} against its mounted routes:\n${result.output.trim()}`,
    )
  }
  log(
    `downloads: npm run check passed for ${passed} projects${skipped.length ? ` (not run: ${skipped.join(', ')}, see expectations.ts)` : ''} · ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )
}

function freePort(): Promise<number> {
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

/** Step 3: a few projects, installed and built from scratch as their README says, then their checks. */
export async function buildDownloadFromScratch(
  downloads: Downloads,
  outcomes: OutcomeLike[],
  paths: { repo: string },
  log: Log,
): Promise<void> {
  if (process.env.VERIFY_DOWNLOAD_BUILD === '0') return log('downloads: the from-scratch build is skipped (VERIFY_DOWNLOAD_BUILD=0)')
  for (const key of FROM_SCRATCH) await buildOneFromScratch(key, downloads, outcomes, paths, log)
}

async function buildOneFromScratch(
  key: string,
  downloads: Downloads,
  outcomes: OutcomeLike[],
  paths: { repo: string },
  log: Log,
): Promise<void> {
  const record = downloads.records.find((r) => r.key === key)
  const outcome = outcomes.find((o) => o.key === key)
  if (!record || !outcome) return log(`downloads: ${key} is not in this run; no from-scratch build`)
  const dir = mkdtempSync(join(tmpdir(), 'robust-apis-download-'))
  const times: string[] = []
  const fail = (what: string, output: string) =>
    outcome.problems.push(`the downloaded project, built from scratch in ${dir}: ${what}\n${output.split('\n').slice(-60).join('\n')}`)
  let server: ReturnType<typeof spawn> | undefined
  try {
    cpSync(record.dir, dir, { recursive: true })
    // As unzipped: the client the mount generated goes, so the project's own `npm install` must write it.
    for (const path of record.generatedByPrisma ?? []) {
      rmSync(join(dir, path))
      // and the folders it leaves empty (prisma generate refuses a non-empty output folder it did not write)
      for (let folder = dirname(path); folder !== '.' && readdirSync(join(dir, folder)).length === 0; folder = dirname(folder))
        rmSync(join(dir, folder), { recursive: true })
    }
    // A Prisma project's postinstall runs `prisma generate`, offline here as for the lab (prismaOfflineEnv).
    const prisma = existsSync(join(record.dir, 'prisma/schema.prisma'))
    const env: NodeJS.ProcessEnv = { ...(prisma ? prismaOfflineEnv(paths.repo) : process.env), NEXT_TELEMETRY_DISABLED: '1' }
    delete env.NODE_ENV
    delete env.DATABASE_URL
    // A free port for the embedded database, as a reader would edit .env if 5433 were taken.
    const dbPort = await freePort()
    env.DATABASE_URL = `postgres://postgres:postgres@127.0.0.1:${dbPort}/postgres`
    const step = async (label: string, args: string[], timeoutMs: number) => {
      const t = Date.now()
      const result = await runCommand('npm', args, { cwd: dir, env, timeoutMs })
      times.push(`${label} ${((Date.now() - t) / 1000).toFixed(0)} s`)
      if (result.code !== 0) fail(`\`npm ${args.join(' ')}\` exited with ${result.code}`, result.output)
      return result.code === 0
    }
    if (!(await step('npm install', ['install', '--no-audit', '--no-fund'], 600_000))) return
    if (!(await step('npm run build', ['run', 'build'], 600_000))) return
    const port = await freePort()
    const t = Date.now()
    server = spawn('npm', ['start', '--', '-p', String(port), '-H', '127.0.0.1'], {
      cwd: dir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    let serverOutput = ''
    server.stdout?.on('data', (d) => (serverOutput += d))
    server.stderr?.on('data', (d) => (serverOutput += d))
    const check = await runCommand('npm', ['run', 'check', '--', `http://127.0.0.1:${port}`], { cwd: dir, env, timeoutMs: 180_000 })
    times.push(`npm start + npm run check ${((Date.now() - t) / 1000).toFixed(0)} s`)
    if (check.code !== 0) fail(`\`npm run check\` exited with ${check.code}`, `${check.output}\n--- npm start:\n${serverOutput}`)
    else if (!existsSync(join(dir, '.env'))) fail('the first run did not create .env from .env.example', '')
  } finally {
    if (server?.pid) {
      try {
        process.kill(-server.pid, 'SIGTERM')
      } catch {
        // already gone
      }
    }
    rmSync(dir, { recursive: true, force: true })
    log(`downloads: ${key} installed and built from scratch as its README says: ${times.join(', ')}`)
  }
}
