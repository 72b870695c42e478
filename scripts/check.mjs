#!/usr/bin/env node
// `npm run check`: the fast stages of `npm test` (scripts/stages.mjs): no network, no build, no browser.
// Two at a time (the unit tests, the longest, first), every stage reported, so one run shows every problem.
// The unit stage leaves out the engine suites a content-only change cannot reach (scripts/check-scope.mjs;
// `npm run check -- --all` runs them). What it leaves out runs in CI; the closing lines say which, and which of
// them need the npm registry.
import { unitScope } from './check-scope.mjs'
import { runStagesConcurrently } from './run-stages.mjs'
import { FAST_STAGES, leftForCi } from './stages.mjs'

const unknown = process.argv.slice(2).filter((arg) => arg !== '--all')
if (unknown.length) {
  console.error(`npm run check takes only --all (run every unit test, as CI does), not ${unknown.join(' ')}.`)
  process.exit(2)
}
const scope = unitScope({ all: process.argv.includes('--all') })
const stages = FAST_STAGES.map((stage) =>
  stage.name === 'unit'
    ? { ...stage, args: [...stage.args, ...scope.args], env: { ...stage.env, ...scope.env } }
    : stage,
)
const longestFirst = [...stages].sort((a, b) => (b.name === 'unit') - (a.name === 'unit'))
const code = await runStagesConcurrently(longestFirst)
console.log(`\n${scope.summary}`)
console.log(`\n${leftForCi()}`)
process.exit(code)
