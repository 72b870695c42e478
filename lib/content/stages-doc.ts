/**
 * The list of what a contributor runs before a pull request, written from the one stage list
 * (scripts/stages.mjs) into README.md, CONTRIBUTING.md and the pull-request template by
 * `npm run docs:generate`; tests/unit/generated-docs.test.ts fails when any of them drifts.
 */
import { CI_STAGES, FAST_STAGES, STAGES } from '@/scripts/stages.mjs'

const names = (stages: typeof STAGES) => stages.map((stage) => stage.name).join(', ')
/** "`a`", "`a` and `b`", "`a`, `b` and `c`". */
const codeList = (items: string[]) =>
  items.length < 2
    ? items.map((item) => `\`${item}\``).join('')
    : `${items
        .slice(0, -1)
        .map((item) => `\`${item}\``)
        .join(', ')} and \`${items.at(-1)}\``

/** The stage table with the two commands, for README.md and CONTRIBUTING.md. */
export function stagesMarkdown(): string {
  const rows = STAGES.map(
    (stage) =>
      `| \`${stage.name}\` | ${stage.checks} | ${stage.fast ? 'yes' : 'no'} | ${
        stage.network ? `yes: ${stage.network}` : 'no'
      } |`,
  )
  return [
    `Before you push, run \`npm run check\`: the ${FAST_STAGES.length} fast stages (${names(FAST_STAGES)}), with no network, no build and no browser. ` +
      "When only content changed since main (pages, examples, Markdown, test files), its unit stage runs the changed examples' presets and the engine suites that name them, and leaves out the engine and tooling suites nothing changed reaches. Writing a scaffolded lesson, each whole `npm run check` took 40–54 s on this 2-core machine shared with other work (2026-12; the unit stage is the long pole), against about 225 s with every unit test, which it runs after any code change and with `npm run check -- --all`. `npm test` and CI always run every unit test. " +
      `\`npm test\` runs every stage in this order and stops at the first failure; CI runs it on a fresh clone (\`bash .ci/run\`). ` +
      `\`npm test -- ${CI_STAGES.map((stage) => stage.name).join(' ')}\` runs the rest here; ` +
      `${codeList(CI_STAGES.filter((stage) => stage.network).map((stage) => stage.name))} need the npm registry.`,
    '',
    '| stage | what it checks | in `npm run check` | needs the network |',
    '| --- | --- | --- | --- |',
    ...rows,
  ].join('\n')
}

/** The checklist items of the pull-request template that say what to run. */
export function stagesChecklist(): string {
  const networked = codeList(CI_STAGES.filter((stage) => stage.network).map((stage) => stage.name))
  return [
    `- [ ] \`npm run check\` passes locally (${names(FAST_STAGES)}).`,
    `- [ ] \`npm test -- ${CI_STAGES.map((stage) => stage.name).join(' ')}\` passes locally, or CI ran it (${networked} need the npm registry).`,
  ].join('\n')
}
