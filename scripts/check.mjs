#!/usr/bin/env node
// `npm run check`: the fast stages of `npm test` (scripts/stages.mjs): no network, no build, no browser.
// What it leaves out runs in CI; the closing lines say which, and which of them need the npm registry.
import { runStages } from './run-stages.mjs'
import { CI_STAGES, FAST_STAGES } from './stages.mjs'

const code = await runStages(FAST_STAGES)
console.log(
  `\nLeft for CI (\`npm test\` runs them too): ${CI_STAGES.map(
    (stage) => `${stage.name}${stage.network ? ` (needs the npm registry: ${stage.network.replace(/`/g, '')})` : ''}`,
  ).join(', ')}.`,
)
console.log(`Run them here with \`npm test -- ${CI_STAGES.map((stage) => stage.name).join(' ')}\`.`)
process.exit(code)
