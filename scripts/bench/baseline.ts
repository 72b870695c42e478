/**
 * The baseline: a blank Nextra 3 page on the project's versions, from the shared folder beside the
 * repository (../shared/baseline/nextra3-blank/, or BASELINE_SOURCE), never copied into it. It is
 * built in .bench-work/baseline/ (git-ignored), installed from the registry. `npm run bench` builds it
 * in the same run as the project; the `baseline` stage of `npm test` builds it when its sources changed.
 *
 * Every build records its first-load JS in bench/baseline.json (committed), with the versions it was
 * built on. tests/e2e/budgets.spec.ts compares lesson pages with the live build when there is one, and
 * with that record on a clone that has no shared folder beside it.
 *
 *   npx tsx scripts/bench/baseline.ts           build unless .bench-work/baseline/out matches the sources
 *   npx tsx scripts/bench/baseline.ts --force   build anyway
 */
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { log, run } from './util'
import { firstLoadWeights, scriptName } from './weights'

const REPO_ROOT = resolve(fileURLToPath(import.meta.url), '../../..')
export const BASELINE_SOURCE = resolve(process.env.BASELINE_SOURCE ?? join(REPO_ROOT, '../shared/baseline/nextra3-blank'))
export const BASELINE_WORK = join(REPO_ROOT, '.bench-work/baseline')
export const BASELINE_OUT = join(BASELINE_WORK, 'out')
/** The page lesson pages are compared with. */
export const BASELINE_PAGE = '/'
/** The last baseline measurement, committed, for clones without the shared folder. */
export const BASELINE_RECORD = join(REPO_ROOT, 'bench/baseline.json')
/** Packages whose versions decide the baseline's weight; they must match the project's. */
export const BASELINE_PACKAGES = ['next', 'nextra', 'nextra-theme-docs', 'react', 'react-dom'] as const

export interface BaselineRecord {
  page: string
  /** First-load JS of the page, gzip level 9 (scripts/bench/weights.ts). */
  gzipBytes: number
  /** Its script file names without content hashes, to name what a lesson page loads beyond it. */
  scripts: string[]
  versions: Record<string, string>
  measured: string
}

/** The installed versions of BASELINE_PACKAGES in a folder's node_modules. */
export function installedVersions(root: string): Record<string, string> {
  const versions: Record<string, string> = {}
  for (const name of BASELINE_PACKAGES) {
    const file = join(root, 'node_modules', name, 'package.json')
    versions[name] = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : '?'
  }
  return versions
}

export function readBaselineRecord(): BaselineRecord | undefined {
  return existsSync(BASELINE_RECORD) ? (JSON.parse(readFileSync(BASELINE_RECORD, 'utf8')) as BaselineRecord) : undefined
}

function writeBaselineRecord(): void {
  const page = firstLoadWeights(BASELINE_OUT).find((candidate) => candidate.path === BASELINE_PAGE)
  if (!page) throw new Error(`The baseline build has no ${BASELINE_PAGE}.`)
  const record: BaselineRecord = {
    page: BASELINE_PAGE,
    gzipBytes: page.gzipBytes,
    scripts: page.scripts.map(scriptName),
    versions: installedVersions(BASELINE_WORK),
    measured: new Date().toISOString().slice(0, 10),
  }
  const previous = readBaselineRecord()
  if (previous && previous.gzipBytes === record.gzipBytes && JSON.stringify(previous.versions) === JSON.stringify(record.versions)) return
  writeFileSync(BASELINE_RECORD, JSON.stringify(record, null, 2) + '\n')
  log(`baseline: recorded ${record.gzipBytes} bytes in ${BASELINE_RECORD}; commit it`)
}

const SOURCES = ['pages', 'next.config.mjs', 'theme.config.tsx', 'tsconfig.json', 'package.json']
const STAMP = join(BASELINE_WORK, 'out/.sources')

/** A hash of the baseline's sources, written beside its build, so an unchanged baseline is not rebuilt. */
function sourcesHash(): string {
  const hash = createHash('sha256')
  const add = (path: string) => {
    if (!existsSync(path)) return
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) add(join(path, entry))
    } else {
      hash.update(path.slice(BASELINE_SOURCE.length)).update(readFileSync(path))
    }
  }
  for (const entry of SOURCES) add(join(BASELINE_SOURCE, entry))
  return hash.digest('hex')
}

/**
 * @param options.build false: use any existing build (`npm run bench -- --no-build`);
 *   'if-changed': rebuild only when the sources changed since the last build; true: always rebuild.
 */
export async function buildBaseline(options: { build: boolean | 'if-changed' }): Promise<string> {
  const out = BASELINE_OUT
  const built = existsSync(join(out, 'index.html'))
  if (!options.build && built) {
    log(`baseline: using the existing build in ${out} (--no-build)`)
    return out
  }
  if (!existsSync(BASELINE_SOURCE)) {
    throw new Error(`No baseline site at ${BASELINE_SOURCE}: put the shared folder beside the repository or set BASELINE_SOURCE.`)
  }
  const hash = sourcesHash()
  if (options.build === 'if-changed' && built && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === hash) {
    log(`baseline: ${out} is up to date with ${BASELINE_SOURCE}`)
    writeBaselineRecord()
    return out
  }
  mkdirSync(BASELINE_WORK, { recursive: true })
  // Refresh the sources (not node_modules), so a changed baseline is picked up.
  const sourcePackage = readFileSync(join(BASELINE_SOURCE, 'package.json'), 'utf8')
  const workPackage = join(BASELINE_WORK, 'package.json')
  const packageChanged = !existsSync(workPackage) || readFileSync(workPackage, 'utf8') !== sourcePackage
  for (const entry of SOURCES) {
    const from = join(BASELINE_SOURCE, entry)
    if (!existsSync(from)) continue
    rmSync(join(BASELINE_WORK, entry), { recursive: true, force: true })
    cpSync(from, join(BASELINE_WORK, entry), { recursive: true })
  }
  if (packageChanged || !existsSync(join(BASELINE_WORK, 'node_modules/next'))) {
    log('baseline: npm install (from the registry; once, then cached in .bench-work/baseline/node_modules)')
    await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: BASELINE_WORK })
  }
  log('baseline: next build')
  const started = Date.now()
  await run('npx', ['next', 'build'], { cwd: BASELINE_WORK })
  if (!existsSync(join(out, 'index.html')) || statSync(join(out, 'index.html')).mtimeMs < started - 1000) {
    throw new Error(`The baseline build did not write ${out}/index.html.`)
  }
  writeFileSync(STAMP, hash)
  writeBaselineRecord()
  return out
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!existsSync(BASELINE_SOURCE)) {
    // A clone without the shared folder (the baseline is never copied into the repository): the
    // budgets then use the committed measurement, whose versions they check against the project's.
    const record = readBaselineRecord()
    log(
      `baseline: no sources at ${BASELINE_SOURCE}; the budgets use ${BASELINE_RECORD}` +
        (record ? ` (${record.gzipBytes} bytes, measured ${record.measured})` : ' (missing!)'),
    )
    process.exit(record ? 0 : 1)
  }
  buildBaseline({ build: process.argv.includes('--force') ? true : 'if-changed' }).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
