/**
 * The baseline: a blank Nextra 3 page on the project's versions (../shared/baseline/nextra3-blank/),
 * copied to .bench-work/baseline/ (git-ignored, never into the repo), installed from the registry
 * and built in the same run as the project, so the two are compared on the same machine and day.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { log, run } from './util'

export const BASELINE_SOURCE = resolve('../shared/baseline/nextra3-blank')
export const BASELINE_WORK = resolve('.bench-work/baseline')

export async function buildBaseline(options: { build: boolean }): Promise<string> {
  const out = join(BASELINE_WORK, 'out')
  if (!options.build && existsSync(join(out, 'index.html'))) {
    log(`baseline: using the existing build in ${out} (--no-build)`)
    return out
  }
  if (!existsSync(BASELINE_SOURCE)) {
    throw new Error(`No baseline site at ${BASELINE_SOURCE}: the bench expects it beside the repository.`)
  }
  mkdirSync(BASELINE_WORK, { recursive: true })
  // Refresh the sources (not node_modules), so a changed baseline is picked up.
  const sourcePackage = readFileSync(join(BASELINE_SOURCE, 'package.json'), 'utf8')
  const workPackage = join(BASELINE_WORK, 'package.json')
  const packageChanged = !existsSync(workPackage) || readFileSync(workPackage, 'utf8') !== sourcePackage
  for (const entry of ['pages', 'next.config.mjs', 'theme.config.tsx', 'tsconfig.json', 'package.json']) {
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
  return out
}
