/**
 * "A 500 is never part of the contract" (pages/why-api-routes-work/simplicity.mdx): an id larger than the
 * `integer` column holds must be refused by the route's schema (4xx), not by Postgres (22003, a 500).
 * Run on the starter files of each example whose route takes an id, and on the delete exercise's solution.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadExample } from '@/lib/examples/load'
import { createTestEngine } from '@/lib/lab/testing/node-database'

const engine = createTestEngine()
beforeAll(() => engine.ready())
afterAll(() => engine.close())

const OUT_OF_RANGE = '99999999999'

async function statusOf(id: string, method: string, path: string, solution = false) {
  const example = await loadExample(id)
  const outcome = await engine.run({
    files: solution ? example.solution! : example.files,
    scenario: { requests: [{ method, path }] },
  })
  if (!outcome.ok) throw new Error(outcome.error.message)
  return { status: outcome.requests[0].status, errors: outcome.database.stats.errors }
}

describe(`an id of ${OUT_OF_RANGE} answers 400, and never reaches Postgres`, () => {
  it.each([
    ['simplicity-todos-app', 'GET', `/api/todos/${OUT_OF_RANGE}`, false],
    ['simplicity-todos-pages', 'GET', `/api/todos/${OUT_OF_RANGE}`, false],
    ['simplicity-delete-exercise', 'DELETE', `/api/todos/${OUT_OF_RANGE}`, true],
    ['todos-delete-exercise', 'DELETE', `/api/todos/${OUT_OF_RANGE}`, true],
    ['playground', 'GET', `/api/v2/todos/${OUT_OF_RANGE}`, false],
    ['limits-long-transaction', 'PATCH', `/api/invoices/${OUT_OF_RANGE}`, false],
  ] as const)('%s: %s %s', async (id, method, path, solution) => {
    expect(await statusOf(id, method, path, solution)).toEqual({ status: 400, errors: 0 })
  })

  it('the largest id the column holds still reaches the database (404 for a missing row)', async () => {
    expect(await statusOf('simplicity-todos-app', 'GET', '/api/todos/2147483647')).toEqual({ status: 404, errors: 0 })
  })
})
