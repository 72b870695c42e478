// Runs stages from scripts/stages.mjs: one after the other, stopping at the first failure (`npm test`), or two
// at a time with their output held back and shown for the stages that fail (`npm run check`). One summary line
// per stage either way.
import { spawn } from 'node:child_process'
import { findChromium, INSTALL_HINT } from './find-chromium.mjs'
import { STAGES } from './stages.mjs'

/**
 * The stages in `npm test`'s order, for summaries. By name: `npm run check` passes copies of the stages (its unit
 * stage with a scope added), and a summary that matched them by identity would drop the copies, and their failures.
 */
const STAGE_ORDER = (selected) =>
  [...selected].sort(
    (a, b) => STAGES.findIndex((stage) => stage.name === a.name) - STAGES.findIndex((stage) => stage.name === b.name),
  )

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

/**
 * Runs every stage, `concurrency` at a time, in the order given (put the longest first), and reports all
 * of them rather than stopping at the first failure: a contributor sees every problem of an edit in one run.
 * @param {import('./stages.mjs').Stage[]} selected
 * @returns {Promise<number>} the exit code: 0 when every stage passed
 */
export async function runStagesConcurrently(selected, concurrency = 2) {
  const startedAll = Date.now()
  const results = new Map()
  const queue = [...selected]
  const runOne = (stage) =>
    new Promise((resolve) => {
      const started = Date.now()
      const child = spawn(stage.command, stage.args, {
        env: { ...env, ...stage.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let output = ''
      child.stdout.on('data', (chunk) => (output += chunk))
      child.stderr.on('data', (chunk) => (output += chunk))
      child.on('exit', (code, signal) => {
        const exit = code ?? (signal ? 1 : 0)
        const seconds = ((Date.now() - started) / 1000).toFixed(1)
        const line = `${exit === 0 ? '✓' : '✗'} ${stage.name} (${seconds} s)${exit === 0 ? '' : `: exit code ${exit}`}`
        if (exit !== 0) console.log(`\n▶ ${stage.name}: ${stage.command} ${stage.args.join(' ')}\n${output.trimEnd()}`)
        console.log(line)
        results.set(stage.name, { line, exit })
        resolve()
      })
    })
  const lanes = Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
    while (queue.length) await runOne(queue.shift())
  })
  console.log(`Running ${selected.map((stage) => stage.name).join(', ')}, ${concurrency} at a time…`)
  await Promise.all(lanes)
  const ordered = STAGE_ORDER(selected).map((stage) => results.get(stage.name))
  const failed = ordered.filter((result) => result.exit !== 0).length
  const total = ((Date.now() - startedAll) / 1000).toFixed(1)
  console.log(`\n${ordered.map((result) => result.line).join('\n')}`)
  console.log(`stages: ${ordered.length - failed} passed, ${failed} failed (${total} s)`)
  return failed ? 1 : 0
}
