/**
 * The numbers quoted in pages/why-api-routes-work/secrets-and-environment-variables.mdx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadExample } from '@/lib/examples/load'
import { buildScenario } from '@/lib/examples/scenario'
import { createTestEngine } from '@/lib/lab/testing/node-database'
import type { FileTree, RunResult } from '@/lib/lab/types'

const engine = createTestEngine()
beforeAll(() => engine.ready())
afterAll(() => engine.close())

async function run(id: string, preset: string, which: 'files' | 'solution' = 'files'): Promise<RunResult> {
  const example = await loadExample(id)
  const files = (which === 'files' ? example.files : example.solution) as FileTree
  const outcome = await engine.run({ files, scenario: buildScenario(example.meta, preset) })
  if (!outcome.ok) throw new Error(outcome.error.message)
  return outcome
}

const queriesFor = (result: RunResult, request: number) =>
  result.timeline.filter((event) => event.type === 'db-query' && event.request === request)

describe('secrets-proxy-auth', () => {
  it('ten requests without a cookie get 401 from the proxy with zero queries; the signed-in one makes 2', async () => {
    const result = await run('secrets-proxy-auth', 'Ten without a cookie, then one signed in')
    expect(result.summary.byStatus).toEqual({ 200: 1, 401: 10 })
    for (let i = 0; i < 10; i++) {
      expect(result.requests[i].status).toBe(401)
      expect(result.requests[i].timing.databaseMs).toBe(0)
      expect(queriesFor(result, i)).toHaveLength(0)
    }
    expect(result.database.stats.queries).toBe(2)
    expect(result.database.stats.connectionsOpened).toBe(1)
    expect(queriesFor(result, 10)).toHaveLength(2)
    expect(JSON.parse(result.requests[10].body).count).toBe(3)
  })

  it('a forged cookie passes the proxy and is rejected by the handler after 1 query', async () => {
    const result = await run('secrets-proxy-auth', 'A forged cookie')
    expect(result.requests[0].status).toBe(401)
    expect(result.requests[0].body).toContain('Invalid or expired session')
    expect(result.database.stats.queries).toBe(1)
  })
})

describe('secrets-sql-injection-exercise', () => {
  it('the concatenated query fails on an apostrophe with 42601 and leaks all 5 rows, 2 of them Bob’s', async () => {
    const result = await run('secrets-sql-injection-exercise', 'Search, apostrophe, injection')
    const [milk, apostrophe, injected] = result.requests
    expect(JSON.parse(milk.body).count).toBe(1)
    expect(apostrophe.status).toBe(500)
    expect(result.database.stats.errorsByCode).toEqual({ '42601': 1 })
    expect(injected.status).toBe(200)
    const leaked = JSON.parse(injected.body).todos as Array<{ user_id: number }>
    expect(leaked).toHaveLength(5)
    expect(leaked.filter((row) => row.user_id === 2)).toHaveLength(2)
  })

  it('the parameterised query returns 1, 0 and 0 rows with no database error', async () => {
    const result = await run('secrets-sql-injection-exercise', 'Search, apostrophe, injection', 'solution')
    expect(result.requests.map((request) => request.status)).toEqual([200, 200, 200])
    expect(result.requests.map((request) => JSON.parse(request.body).count)).toEqual([1, 0, 0])
    expect(result.database.stats.errors).toBe(0)
  })
})
