/**
 * For every exercise: the starter must fail at least one check (or there is nothing to do) and the
 * solution must pass them all (or the exercise cannot be completed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { evaluateChecks } from '@/lib/examples/checks'
import { listExamples, loadExample } from '@/lib/examples/load'
import { buildScenario } from '@/lib/examples/scenario'
import { createTestEngine } from '@/lib/lab/testing/node-database'
import type { FileTree } from '@/lib/lab/types'

const engine = createTestEngine()
beforeAll(() => engine.ready())
afterAll(() => engine.close())

const exercises = (await Promise.all(listExamples().map((id) => loadExample(id)))).filter(
  (example) => example.meta.exercise,
)

async function verdicts(id: string, files: FileTree) {
  const { meta } = await loadExample(id)
  const exercise = meta.exercise!
  const outcome = await engine.run({ files, scenario: buildScenario(meta, exercise.preset ?? meta.defaultPreset) })
  if (!outcome.ok) throw new Error(`examples/${id}: the run failed: ${outcome.error.message}`)
  return evaluateChecks(exercise.checks, outcome)
}

it('there is at least one exercise to test', () => {
  expect(exercises.length).toBeGreaterThan(0)
})

describe.each(exercises.map((example) => example.id))('exercise %s', (id) => {
  it('has a solution', async () => {
    expect((await loadExample(id)).solution, `examples/${id}: add a solution/ folder`).not.toBeNull()
  })

  it('the starter fails at least one check', async () => {
    const results = await verdicts(id, (await loadExample(id)).files)
    expect(
      results.some((verdict) => !verdict.pass),
      JSON.stringify(results, null, 2),
    ).toBe(true)
  })

  it('the solution passes every check', async () => {
    const results = await verdicts(id, (await loadExample(id)).solution!)
    expect(
      results.filter((verdict) => !verdict.pass),
      JSON.stringify(results, null, 2),
    ).toEqual([])
  })
})
