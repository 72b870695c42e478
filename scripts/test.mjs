#!/usr/bin/env node
// `npm test`: every check a pull request must pass, in the order that fails fastest.
// Each stage prints one summary line; the run stops at the first failing stage and exits non-zero.
import { spawn } from 'node:child_process'
import { findChromium, INSTALL_HINT } from './find-chromium.mjs'

const STAGES = [
  { name: 'lint', command: 'npx', args: ['eslint', '.', '--max-warnings=0'] },
  { name: 'format', command: 'npx', args: ['prettier', '--check', '.', '--log-level', 'warn'] },
  { name: 'types', command: 'npx', args: ['tsc', '--noEmit'] },
  { name: 'content', command: 'npx', args: ['tsx', 'scripts/check-content.ts'] },
  { name: 'unit', command: 'npx', args: ['vitest', 'run'] },
  // The same example files in a real Next.js 16 app against a real (embedded) Postgres.
  { name: 'examples', command: 'npm', args: ['run', 'test:examples'] },
  // `npm run build`: `next build`, then the service worker over out/ (scripts/offline/build-sw.ts).
  { name: 'build', command: 'npm', args: ['run', 'build'] },
  // A blank Nextra 3 page on the same versions (../shared/baseline/): the budgets compare lesson pages with it,
  // or with its committed measurement (bench/baseline.json) on a clone without the shared folder.
  // Installed from the registry and built once, then rebuilt only when its sources change.
  { name: 'baseline', command: 'npx', args: ['tsx', 'scripts/bench/baseline.ts'] },
  { name: 'browser', command: 'npx', args: ['playwright', 'test'], needsChromium: true },
]

const only = process.argv.slice(2)
const selected = only.length ? STAGES.filter((stage) => only.includes(stage.name)) : STAGES
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', FORCE_COLOR: process.env.CI ? '0' : '1' }

function run(stage) {
  return new Promise((resolve) => {
    const child = spawn(stage.command, stage.args, { stdio: 'inherit', env })
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  })
}

const summary = []
let failed = 0
for (const stage of selected) {
  if (stage.needsChromium && !findChromium()) {
    console.error(`\n${INSTALL_HINT}`)
    summary.push(`✗ ${stage.name}: no Chromium (see above)`)
    failed++
    break
  }
  console.log(`\n▶ ${stage.name}: ${stage.command} ${stage.args.join(' ')}`)
  const started = Date.now()
  const code = await run(stage)
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  const line = `${code === 0 ? '✓' : '✗'} ${stage.name} (${seconds} s)${code === 0 ? '' : `: exit code ${code}`}`
  console.log(line)
  summary.push(line)
  if (code !== 0) {
    failed++
    break
  }
}

console.log(`\n${summary.join('\n')}`)
const passed = summary.length - failed
const skipped = selected.length - summary.length
console.log(`stages: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(failed ? 1 : 0)
