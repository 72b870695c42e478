/**
 * The baseline: a blank Nextra 3 page on the project's versions (bench/baseline/nextra3-blank/, a copy
 * of the shared baseline kept in the repository so a fresh clone can build it), copied to
 * .bench-work/baseline/ (git-ignored), installed from the registry and built there. `npm run bench`
 * builds it in the same run as the project; `npm test` builds it before the browser stage, where
 * tests/e2e/budgets.spec.ts compares every lesson page's first-load JS with it.
 *
 *   npx tsx scripts/bench/baseline.ts           build unless .bench-work/baseline/out matches the sources
 *   npx tsx scripts/bench/baseline.ts --force   build anyway
 */
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { log, run } from './util'

const REPO_ROOT = resolve(fileURLToPath(import.meta.url), '../../..')
export const BASELINE_SOURCE = join(REPO_ROOT, 'bench/baseline/nextra3-blank')
export const BASELINE_WORK = join(REPO_ROOT, '.bench-work/baseline')
export const BASELINE_OUT = join(BASELINE_WORK, 'out')
/** The page lesson pages are compared with. */
export const BASELINE_PAGE = '/'

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
  if (!existsSync(BASELINE_SOURCE)) throw new Error(`No baseline site at ${BASELINE_SOURCE}.`)
  const hash = sourcesHash()
  if (options.build === 'if-changed' && built && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === hash) {
    log(`baseline: ${out} is up to date with ${BASELINE_SOURCE}`)
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
  return out
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildBaseline({ build: process.argv.includes('--force') ? true : 'if-changed' }).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
