// The one list of checks a pull request must pass. `npm test` runs them all (scripts/test.mjs), `npm run check`
// runs the fast ones (scripts/check.mjs), and `npm run docs:generate` writes the list into README.md,
// CONTRIBUTING.md and the pull-request template (lib/content/stages-doc.ts), so the three never disagree.
import { CURRENT_NODE_MAJOR } from './current-node/node.mjs'

/**
 * @typedef {object} Stage
 * @property {string} name what `npm test -- <name>` selects
 * @property {string} command
 * @property {string[]} args
 * @property {string} checks what the stage proves, for the generated docs
 * @property {boolean} fast part of `npm run check`: no network, no build, no browser
 * @property {string} [network] why the stage needs the npm registry, when it does
 * @property {boolean} [needsChromium]
 * @property {Record<string, string>} [env] added to the environment (`npm run check` scopes the unit stage with it)
 */

/** @type {Stage[]} In the order that fails fastest. */
export const STAGES = [
  {
    name: 'lint',
    command: 'npx',
    // The caches (in node_modules/.cache/) make a repeat run check only the files that changed.
    args: ['eslint', '.', '--max-warnings=0', '--cache', '--cache-location', 'node_modules/.cache/eslint/'],
    checks: 'ESLint over the site, scripts, tests and every example folder (`examples/<id>/`, solutions included)',
    fast: true,
  },
  {
    name: 'format',
    command: 'npx',
    args: ['prettier', '--check', '.', '--log-level', 'warn', '--cache'],
    checks: 'Prettier',
    fast: true,
  },
  {
    name: 'types',
    command: 'npm',
    args: ['run', 'typecheck', '--silent'],
    checks:
      "tsc over the site, then every example (starter and solution) against the Next.js 16, `pg`, `@vercel/functions`, `@aws-sdk/client-sqs`, `@types/aws-lambda` and `bullmq` types the examples app uses, and every route's handlers against Next.js 16's signature; then every TypeScript block of the pages against the real packages (Express, the Firebase Admin SDK, Neon's and PlanetScale's drivers among them)",
    fast: true,
  },
  {
    name: 'content',
    command: 'npx',
    args: ['tsx', 'scripts/check-content.ts'],
    checks:
      'the content checks: sidebar, front matter, lesson shape and length, labs, links and anchors, overviews, example metas and exercises',
    fast: true,
  },
  {
    name: 'unit',
    command: 'npx',
    args: ['vitest', 'run'],
    checks: 'Vitest in Node: the lab engine, every preset of every example, every exercise, the lesson numbers',
    fast: true,
  },
  {
    name: 'examples',
    command: 'npm',
    args: ['run', 'test:examples'],
    checks: 'every example in a real Next.js 16 app against a real Postgres, compared with the lab engine',
    fast: false,
    network: '`npm ci` of `examples/verify/` from the npm registry',
  },
  {
    // `npm run build`: the static export, its Markdown copy and llms.txt (scripts/export-markdown.ts), then the
    // service worker over out/ (scripts/offline/build-sw.ts).
    name: 'build',
    command: 'npm',
    args: ['run', 'build'],
    checks:
      'the static export in `out/`, with every page as Markdown, `llms.txt`, `llms-full.txt` and the service worker',
    fast: false,
  },
  {
    // A blank Nextra 3 page on the same versions (../shared/baseline/): the budgets compare lesson pages with it,
    // or with its committed measurement (bench/baseline.json) on a clone without the shared folder.
    // Installed from the registry and built once, then rebuilt only when its sources change.
    name: 'baseline',
    command: 'npx',
    args: ['tsx', 'scripts/bench/baseline.ts'],
    checks: 'builds the blank Nextra 3 page the page-weight budgets compare with (skipped when up to date)',
    fast: false,
    network: 'installs the blank page from the npm registry',
  },
  {
    name: 'browser',
    command: 'npx',
    args: ['playwright', 'test'],
    checks: 'Playwright in Chromium against the built site: pages, labs, the decision tree, budgets, CSP, axe',
    fast: false,
    needsChromium: true,
  },
  {
    // Last: the other stages run on the Node the machine has (20 and up); this one on the current LTS, so a
    // contributor who arrives with it finds the project working. A copy of the working tree, ~7 minutes.
    name: `node${CURRENT_NODE_MAJOR}`,
    command: 'node',
    args: ['scripts/current-node/stage.mjs'],
    checks: `\`npm ci\`, the build and the unit tests again on Node ${CURRENT_NODE_MAJOR} (the current LTS), in a copy of the working tree`,
    fast: false,
    network: `Node ${CURRENT_NODE_MAJOR} (the \`node\` package) and its \`npm ci\` from the npm registry`,
  },
]

export const FAST_STAGES = STAGES.filter((stage) => stage.fast)
export const CI_STAGES = STAGES.filter((stage) => !stage.fast)

/** What `npm run check` prints last: the stages it left for CI, which of them need the npm registry, and how to run them. */
export function leftForCi() {
  const stages = CI_STAGES.map(
    (stage) => `${stage.name}${stage.network ? ` (needs the npm registry: ${stage.network.replace(/`/g, '')})` : ''}`,
  )
  return [
    `Left for CI (\`npm test\` runs them too): ${stages.join(', ')}.`,
    `Run them here with \`npm test -- ${CI_STAGES.map((stage) => stage.name).join(' ')}\`.`,
  ].join('\n')
}
