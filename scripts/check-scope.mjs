// What `npm run check`'s unit stage runs. `npm test` runs every unit test; the check runs every test too, except
// the engine suites (test files that start the lab engine, ~two thirds of the stage's time) that a change cannot
// reach: when every file changed since main is content (pages/, an example's folder, public/, Markdown) or a test
// file, an engine suite runs only if it names a changed example or changed itself, and
// tests/unit/examples.test.ts runs the changed examples' presets only. Any other change (code, config) runs them
// all. CI runs them all whatever changed.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The env var tests/unit/examples.test.ts reads: the example ids to run, comma-separated. Unset: every example. */
export const SCOPE_ENV = 'CHECK_EXAMPLES'
/** The engine suite that runs every example's presets; it takes the ids from SCOPE_ENV instead of being skipped. */
const EVERY_EXAMPLE_SUITE = 'tests/unit/examples.test.ts'
const TEST_ROOTS = ['lib', 'components', 'examples', 'tests/unit']
const TEST_FILE = /\.test\.tsx?$/
const STARTS_ENGINE = /\b(?:create(?:Test)?Engine|engineForTestFile)\(/
/**
 * Slow suites that read no content: they test the tooling (ESLint and tsc over a scaffold they write to a temp
 * folder, tsc over made-up page snippets, the database snapshot maker), so only a code change can change their
 * outcome.
 */
const TOOLING_SUITES = [
  'tests/unit/example-code-checks.test.ts',
  'tests/unit/snippet-typecheck.test.ts',
  'lib/lab/snapshot/data-dir.test.ts',
]

const git = (args) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()

/** The commit the branch left main at, or undefined (no git, no main). */
function baseCommit() {
  for (const ref of ['main', 'origin/main']) {
    try {
      return git(['merge-base', 'HEAD', ref])
    } catch {
      // try the next
    }
  }
  return undefined
}

/** Every file changed since `base`: committed, staged, unstaged or new. */
function changedFiles(base) {
  const lines = (text) => text.split('\n').filter(Boolean)
  return [
    ...new Set([
      ...lines(git(['diff', '--name-only', base])),
      ...lines(git(['ls-files', '--others', '--exclude-standard'])),
    ]),
  ]
}

/** The example id a content path belongs to, '' for other content or a test file, undefined for code. */
function contentOf(file) {
  if (file.startsWith('examples/verify/')) return undefined
  if (TEST_FILE.test(file)) return ''
  const example = /^examples\/([^/]+)\//.exec(file)
  if (example) return example[1]
  // pages/_app.tsx and pages/_document.tsx are code; the lessons and sidebar files are content.
  if (/^public\//.test(file) || /^pages\/(.*\/)?_meta\.ts$/.test(file) || /\.mdx?$/.test(file)) return ''
  return undefined
}

function testFiles(dir) {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && TEST_FILE.test(entry.name))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .filter((file) => !file.startsWith('examples/verify/'))
}

/**
 * @param {{ all?: boolean }} [options] `all`: run everything, as `npm test` does
 * @returns {{ args: string[], env: Record<string, string>, summary: string }} extra vitest arguments, environment,
 *   and the line the check prints about what it left out
 */
export function unitScope(options = {}) {
  if (options.all) return everything('--all')
  const base = baseCommit()
  if (!base) return everything('no main branch to compare with')
  return planUnitScope(changedFiles(base), `since main (${base.slice(0, 7)})`)
}

const everything = (why) => ({ args: [], env: {}, summary: `unit: every test (${why}).` })

/**
 * The scope for a list of changed files (paths from the repository root, which must be the working directory).
 * @param {string[]} changed
 * @param {string} where what they changed against, for the summary
 */
export function planUnitScope(changed, where) {
  const code = changed.filter((file) => contentOf(file) === undefined)
  if (code.length) return everything(`${code.length} file(s) other than content changed ${where}, e.g. ${code[0]}`)

  const examples = [...new Set(changed.map(contentOf).filter(Boolean))]
  const exampleIds = new Set(readdirSync('examples').filter((id) => id !== 'verify'))
  const skipped = []
  for (const file of TEST_ROOTS.flatMap(testFiles)) {
    if (file === EVERY_EXAMPLE_SUITE || changed.includes(file)) continue
    if (TOOLING_SUITES.includes(file)) {
      skipped.push(file)
      continue
    }
    const source = readFileSync(file, 'utf8')
    if (!STARTS_ENGINE.test(source)) continue
    const named = [...source.matchAll(/['"`]([a-z0-9-]+)['"`]/g)]
      .map((match) => match[1])
      .filter((id) => exampleIds.has(id))
    if (!named.some((id) => examples.includes(id))) skipped.push(file)
  }
  const ran = examples.length ? `the presets of ${examples.join(', ')}` : 'no example presets'
  return {
    args: skipped.flatMap((file) => ['--exclude', file]),
    env: { [SCOPE_ENV]: examples.join(',') },
    summary:
      `unit: only content changed ${where}, so this ran ${ran} and left out ${skipped.length} engine and tooling suites ` +
      `that no changed file reaches, and every other example's presets. \`npm test\` and CI run them all; ` +
      '`npm run check -- --all` runs them all here.',
  }
}
