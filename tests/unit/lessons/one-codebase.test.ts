/**
 * The numbers quoted in pages/why-api-routes-work/one-codebase.mdx.
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

describe('codebase-contract', () => {
  it('a body that breaks the contract gets 400 with 1 zod issue (title) and no query', async () => {
    const result = await run('codebase-contract', 'A body that breaks the contract')
    const response = result.requests[0]
    expect(response.status).toBe(400)
    const { issues } = JSON.parse(response.body)
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ code: 'invalid_type', path: ['title'] })
    expect(issues[0].message).toContain('expected string, received number')
    expect(result.database.stats.queries).toBe(0)
  })

  it('a valid body gets 201 with the stored todo after 1 query', async () => {
    const result = await run('codebase-contract', 'Create a todo')
    expect(result.requests[0].status).toBe(201)
    expect(JSON.parse(result.requests[0].body)).toEqual({ id: 4, title: 'Share the schema', done: false })
    expect(result.database.stats.queries).toBe(1)
  })
})

describe('codebase-priority-exercise', () => {
  it('the starter answers 201 twice, silently dropping the priority, and stores 5 rows', async () => {
    const result = await run('codebase-priority-exercise', 'Valid, invalid, then list')
    expect(result.requests.map((request) => request.status)).toEqual([201, 201, 200])
    expect(result.requests[1].body).not.toContain('priority')
    expect(result.database.tables.find((table) => table.name === 'todos')?.rowCount).toBe(5)
  })

  it('the solution stores priority 3 (201) and rejects 7 with a too_big issue (400), 4 rows', async () => {
    const result = await run('codebase-priority-exercise', 'Valid, invalid, then list', 'solution')
    expect(result.requests.map((request) => request.status)).toEqual([201, 400, 200])
    expect(JSON.parse(result.requests[0].body)).toMatchObject({ title: 'Ship it', priority: 3 })
    expect(JSON.parse(result.requests[1].body).issues[0]).toMatchObject({
      code: 'too_big',
      path: ['priority'],
      maximum: 3,
    })
    expect(result.database.tables.find((table) => table.name === 'todos')?.rowCount).toBe(4)
  })
})
