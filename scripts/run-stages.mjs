// Runs stages from scripts/stages.mjs one after the other, each with one summary line, stopping at the first
// failure. Shared by `npm test` and `npm run check`.
import { spawn } from 'node:child_process'
import { findChromium, INSTALL_HINT } from './find-chromium.mjs'

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', FORCE_COLOR: process.env.CI ? '0' : '1' }

function run(stage) {
  return new Promise((resolve) => {
    const child = spawn(stage.command, stage.args, { stdio: 'inherit', env })
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  })
}

/**
 * @param {import('./stages.mjs').Stage[]} selected
 * @returns {Promise<number>} the exit code: 0 when every stage passed
 */
export async function runStages(selected) {
  const summary = []
  let failed = 0
  const startedAll = Date.now()
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
  const total = ((Date.now() - startedAll) / 1000).toFixed(1)
  console.log(`stages: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''} (${total} s)`)
  return failed ? 1 : 0
}
