#!/usr/bin/env node
// `npm test`: every check a pull request must pass (scripts/stages.mjs), in the order that fails fastest.
// Each stage prints one summary line; the run stops at the first failing stage and exits non-zero.
// `npm test -- unit build` runs only the stages named.
import { runStages } from './run-stages.mjs'
import { STAGES } from './stages.mjs'

const only = process.argv.slice(2)
const unknown = only.filter((name) => !STAGES.some((stage) => stage.name === name))
if (unknown.length) {
  console.error(`No stage named ${unknown.join(', ')}. Stages: ${STAGES.map((stage) => stage.name).join(', ')}.`)
  process.exit(2)
}
const selected = only.length ? STAGES.filter((stage) => only.includes(stage.name)) : STAGES
process.exit(await runStages(selected))
