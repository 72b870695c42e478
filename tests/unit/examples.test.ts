/**
 * Every example, through the Node loader and the real engine, each preset run once with the starter files
 * and once with the solution:
 * - the default preset's last request answers the status its meta `expect`s;
 * - no request answers 5xx or lets an error escape a route, unless the preset says why in
 *   `expectServerErrors` (starter only); a failure prints each failing request, the error it threw and the
 *   line of the example that threw it;
 * - an exercise's starter fails at least one check (or there is nothing to do) and its solution passes them
 *   all (or it cannot be completed).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkExercise } from '@/lib/content/exercise-checkable'
import { formatProblem } from '@/lib/content/problem'
import { evaluateChecks } from '@/lib/examples/exercise-checks'
import { listExamples, loadExample, type LoadedExample } from '@/lib/examples/load'
import { lineOfMetaPath } from '@/lib/examples/meta-source'
import { buildScenario } from '@/lib/examples/scenario'
import { describeServerErrors, serverErrors } from '@/lib/examples/server-errors'
import { createTestEngine } from '@/lib/lab/testing/node-database'
import type { FileTree, RunFailure, RunResult } from '@/lib/lab/types'

/**
 * `npm run check` runs only the examples a change touches, named in CHECK_EXAMPLES (scripts/check-scope.mjs);
 * `npm test` and CI leave it unset and run every example.
 */
const scoped = process.env.CHECK_EXAMPLES !== undefined
const exampleIds = scoped
  ? listExamples().filter((id) => process.env.CHECK_EXAMPLES!.split(',').includes(id))
  : listExamples()

const engine = createTestEngine()
beforeAll(() => engine.ready())
afterAll(() => engine.close())

type Kind = 'starter' | 'solution'

/** Each example, preset and kind runs once; the tests below read the same runs. */
const runs = new Map<string, Promise<RunResult | RunFailure>>()
function runOnce(example: LoadedExample, kind: Kind, preset: string): Promise<RunResult | RunFailure> {
  const key = JSON.stringify([example.dir, kind, preset])
  if (!runs.has(key)) {
    const files = kind === 'starter' ? example.files : example.solution!
    runs.set(key, engine.run({ files, scenario: buildScenario(example.meta, preset) }))
  }
  return runs.get(key)!
}

/**
 * Solution files no request reaches (a solution at the wrong path), as the content check words them: the
 * failure they cause (a 5xx from the starter route, "orders holds 4 row(s)") names only the symptom.
 */
function misplacedSolutionFiles(example: LoadedExample, metaSource: string): string {
  const problems = checkExercise(example, metaSource).filter((problem) => problem.file.includes('/solution/'))
  return problems.length
    ? `\n  The solution's files do not run where they are:\n${problems.map((problem) => `  ${formatProblem(problem).replace(/\n/g, '\n  ')}`).join('\n')}`
    : ''
}

/** What is wrong with one example across its presets, as messages naming the file and line; empty when nothing is. */
async function presetProblems(id: string, examplesDir?: string): Promise<string[]> {
  const example = await loadExample(id, examplesDir ? { examplesDir } : undefined)
  const metaFile = `examples/${id}/meta.ts`
  const metaSource = readFileSync(join(example.dir, 'meta.ts'), 'utf8')
  const variants: Array<[Kind, FileTree]> = [['starter', example.files]]
  if (example.solution) variants.push(['solution', example.solution])
  const problems: string[] = []
  for (const [kind, files] of variants) {
    for (const [index, preset] of example.meta.presets.entries()) {
      const at = `${metaFile}:${lineOfMetaPath(metaSource, ['presets', index, 'name'])}`
      const what = `preset "${preset.name}" with the ${kind} files`
      const outcome = await runOnce(example, kind, preset.name)
      if (!outcome.ok) {
        const place = outcome.error.file ? ` at examples/${id}/${outcome.error.file}:${outcome.error.line ?? ''}` : ''
        problems.push(`${at}: ${what} could not run: ${outcome.error.message}${place}`)
        continue
      }
      const failed = serverErrors(outcome)
      const expected = kind === 'starter' ? preset.expectServerErrors : undefined
      if (failed.length > 0 && !expected) {
        problems.push(
          `${at}: ${what}: ${failed.length} of ${outcome.requests.length} requests failed.\n` +
            describeServerErrors(`examples/${id}`, outcome, failed, files, (file) =>
              kind === 'solution' && example.solutionFiles && file in example.solutionFiles ? `solution/${file}` : file,
            ) +
            `\n  → Fix the route${kind === 'starter' ? `, or, if the lesson shows this failure, say why in the preset: expectServerErrors: '…'` : ''}.` +
            (kind === 'solution' ? misplacedSolutionFiles(example, metaSource) : ''),
        )
      }
      if (failed.length === 0 && expected) {
        problems.push(
          `${at}: ${what} answers no 5xx and throws nothing, but its expectServerErrors says: "${expected}"\n  → Remove expectServerErrors, or restore the failure the lesson shows.`,
        )
      }
    }
  }
  return problems
}

async function verdicts(id: string, kind: Kind) {
  const example = await loadExample(id)
  const exercise = example.meta.exercise!
  const outcome = await runOnce(example, kind, exercise.preset ?? example.meta.defaultPreset)
  if (!outcome.ok) throw new Error(`examples/${id}: the run failed: ${outcome.error.message}`)
  return evaluateChecks(exercise.checks, outcome)
}

// A meta that does not load fails its own example's tests below (and check:content names the line), not the file.
const exercises = (await Promise.all(exampleIds.map((id) => loadExample(id).catch(() => undefined)))).filter(
  (example) => example?.meta.exercise,
) as LoadedExample[]

it.skipIf(scoped)('there is at least one exercise to test', () => {
  expect(exercises.length).toBeGreaterThan(0)
})

describe.skipIf(exampleIds.length === 0).each(exampleIds)('example %s', (id) => {
  it('produces the status its meta expects', async () => {
    const example = await loadExample(id)
    const outcome = await runOnce(example, 'starter', example.meta.defaultPreset)
    if (!outcome.ok) throw new Error(`examples/${id}: the run failed: ${outcome.error.message}`)
    const last = outcome.requests[outcome.requests.length - 1]
    expect(last.status, `examples/${id}: ${last.method} ${last.path} answered ${last.status}: ${last.body}`).toBe(
      example.meta.expect.status,
    )
  })

  it('answers every preset, starter and solution, without an unexpected 5xx or uncaught error', async () => {
    const problems = await presetProblems(id)
    if (problems.length) throw new Error(problems.join('\n\n'))
  })
})

describe.skipIf(exercises.length === 0).each(exercises.map((example) => example.id))('exercise %s', (id) => {
  it('has a solution', async () => {
    expect((await loadExample(id)).solution, `examples/${id}: add a solution/ folder`).not.toBeNull()
  })

  it('the starter fails at least one check', async () => {
    const results = await verdicts(id, 'starter')
    expect(
      results.some((verdict) => !verdict.pass),
      JSON.stringify(results, null, 2),
    ).toBe(true)
  })

  it('the solution passes every check', async () => {
    const results = await verdicts(id, 'solution')
    const example = await loadExample(id)
    const where = misplacedSolutionFiles(example, readFileSync(join(example.dir, 'meta.ts'), 'utf8'))
    expect(
      results.filter((verdict) => !verdict.pass),
      `examples/${id}: the solution fails a check.${where}\n${JSON.stringify(results, null, 2)}`,
    ).toEqual([])
  })
})

describe('the messages of a failing example', () => {
  const roots: string[] = []
  afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })))

  function examplesWith(files: Record<string, string>): string {
    const root = mkdtempSync(join(tmpdir(), 'example-presets-'))
    roots.push(root)
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(root, 'orders', path)), { recursive: true })
      writeFileSync(join(root, 'orders', path), content)
    }
    return root
  }

  const ROUTE = `export async function POST() {
  const order = { id: 1 }
  if (order.id === 1) throw new Error('duplicate order 1')
  return Response.json(order, { status: 201 })
}
`
  const meta = (extra = '') => `export default {
  title: 'Orders',
  presets: [
    {
      name: 'The same POST twice',${extra}
      scenario: { requests: [{ method: 'POST', path: '/api/orders' }, { at: 100, method: 'POST', path: '/api/orders' }] },
    },
  ],
  expect: { status: 500 },
}
`

  it('names every failing request, not only the last, with the error and the line that threw it', async () => {
    const dir = examplesWith({ 'meta.ts': meta(), 'app/api/orders/route.ts': ROUTE })
    const [problem] = await presetProblems('orders', dir)
    expect(problem).toMatch(
      /^examples\/orders\/meta\.ts:5: preset "The same POST twice" with the starter files: 2 of 2 requests failed\./,
    )
    expect(problem).toContain('request #0: POST /api/orders → 500 (and 1 more request the same way)')
    expect(problem).toContain('threw: Error: duplicate order 1')
    expect(problem).toContain('at examples/orders/app/api/orders/route.ts:3')
    expect(problem).toContain("say why in the preset: expectServerErrors: '…'")
  })

  it('fails on an earlier request that answered 500, though the last one answers 201', async () => {
    // The first POST comes without its body, a retry with it: only the first fails.
    const firstFails = `export async function POST(request: Request) {
  const body = await request.json().catch(() => null)
  if (!body) throw new Error('first order lost')
  return Response.json(body, { status: 201 })
}
`
    const dir = examplesWith({
      'meta.ts': meta()
        .replace('status: 500', 'status: 201')
        .replace(
          "{ at: 100, method: 'POST', path: '/api/orders' }",
          "{ at: 100, method: 'POST', path: '/api/orders', body: { item: 'pen' } }",
        ),
      'app/api/orders/route.ts': firstFails,
    })
    const example = await loadExample('orders', { examplesDir: dir })
    const outcome = await runOnce(example, 'starter', 'The same POST twice')
    expect(outcome.ok && outcome.requests.map((request) => request.status)).toEqual([500, 201])
    const [problem] = await presetProblems('orders', dir)
    expect(problem).toMatch(
      /^examples\/orders\/meta\.ts:5: preset "The same POST twice" with the starter files: 1 of 2 requests failed\./,
    )
    expect(problem).toContain('request #0: POST /api/orders → 500')
    expect(problem).toContain('threw: Error: first order lost')
    expect(problem).toContain('at examples/orders/app/api/orders/route.ts:3')
  })

  it("places a database error at the line that writes the query, since the driver's stack holds none", async () => {
    const route = `import { Pool } from 'pg'

const pool = new Pool()

export async function POST() {
  const { rows } = await pool.query('INSERT INTO orders (idempotency, item) VALUES ($1, $2) RETURNING id', ['k', 'pen'])
  return Response.json(rows[0], { status: 201 })
}
`
    const dir = examplesWith({
      'meta.ts': meta(),
      'app/api/orders/route.ts': route,
      'db/schema.sql': 'CREATE TABLE orders (id serial PRIMARY KEY, idempotency_key text, item text NOT NULL);\n',
    })
    const [problem] = await presetProblems('orders', dir)
    expect(problem).toContain('threw: error: column "idempotency" of relation "orders" does not exist (code 42703)')
    expect(problem).toContain(
      'failed query: INSERT INTO orders (idempotency, item) VALUES ($1, $2) RETURNING id → 42703',
    )
    expect(problem).toContain('written at examples/orders/app/api/orders/route.ts:6')
  })

  it('names a solution file at the wrong path, with the path the requests reach', async () => {
    const exercise = meta("\n      expectServerErrors: 'The starter throws on the duplicate.',").replace(
      '  expect: { status: 500 },',
      `  expect: { status: 500 },
  exercise: {
    goal: 'Answer the duplicate without an error.',
    checks: [{ type: 'no-status-class', class: 5, label: 'No 5xx responses' }],
    hints: ['Which file answers POST /api/orders?'],
  },`,
    )
    const dir = examplesWith({
      'meta.ts': exercise,
      'app/api/orders/route.ts': ROUTE,
      'solution/app/api/order/route.ts': 'export async function POST() {\n  return Response.json({ id: 1 })\n}\n',
    })
    const [problem] = await presetProblems('orders', dir)
    expect(problem).toMatch(
      /^examples\/orders\/meta\.ts:5: preset "The same POST twice" with the solution files: 2 of 2/,
    )
    expect(problem).toContain('at examples/orders/app/api/orders/route.ts:3')
    expect(problem).toContain(
      "The solution's files do not run where they are:\n  examples/orders/solution/app/api/order/route.ts:1: is a route no request",
    )
    expect(problem).toContain('→ Did you mean solution/app/api/orders/route.ts?')
  })

  it('accepts a preset that says why it fails, and refuses one whose failure has gone', async () => {
    const expected = "\n      expectServerErrors: 'The lesson shows the duplicate.',"
    expect(
      await presetProblems('orders', examplesWith({ 'meta.ts': meta(expected), 'app/api/orders/route.ts': ROUTE })),
    ).toEqual([])
    const fixed = ROUTE.replace("if (order.id === 1) throw new Error('duplicate order 1')\n", '')
    expect(
      await presetProblems('orders', examplesWith({ 'meta.ts': meta(expected), 'app/api/orders/route.ts': fixed })),
    ).toEqual([
      expect.stringMatching(
        /^examples\/orders\/meta\.ts:5: .* answers no 5xx and throws nothing, but its expectServerErrors says/,
      ),
    ])
  })
})
