#!/usr/bin/env node
// `npm run check`: the fast stages of `npm test` (scripts/stages.mjs): no network, no build, no browser.
// Two at a time (the unit tests, the longest, first), every stage reported, so one run shows every problem.
// What it leaves out runs in CI; the closing lines say which, and which of them need the npm registry.
import { runStagesConcurrently } from './run-stages.mjs'
import { CI_STAGES, FAST_STAGES } from './stages.mjs'

const longestFirst = [...FAST_STAGES].sort((a, b) => (b.name === 'unit') - (a.name === 'unit'))
const code = await runStagesConcurrently(longestFirst)
console.log(
  `\nLeft for CI (\`npm test\` runs them too): ${CI_STAGES.map(
    (stage) => `${stage.name}${stage.network ? ` (needs the npm registry: ${stage.network.replace(/`/g, '')})` : ''}`,
  ).join(', ')}.`,
)
console.log(`Run them here with \`npm test -- ${CI_STAGES.map((stage) => stage.name).join(' ')}\`.`)
process.exit(code)
