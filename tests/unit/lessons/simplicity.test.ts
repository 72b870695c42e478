/**
 * The numbers quoted on pages/why-api-routes-work/simplicity.mdx, run through the engine with the
 * presets the page tells the reader to run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadExample } from '@/lib/examples/load'
import { buildScenario } from '@/lib/examples/scenario'
import { createTestEngine } from '@/lib/lab/testing/node-database'
import type { FileTree, RunResult } from '@/lib/lab/types'

const engine = createTestEngine()
beforeAll(() => engine.ready())
afterAll(() => engine.close())

// The engine is deterministic: run each example and preset once and let several tests read it.
const runs = new Map<string, Promise<RunResult>>()

function run(id: string, preset: string, files?: FileTree): Promise<RunResult> {
  const key = JSON.stringify([id, preset, files === undefined])
  if (!runs.has(key)) runs.set(key, runOnce(id, preset, files))
  return runs.get(key)!
}

async function runOnce(id: string, preset: string, files?: FileTree): Promise<RunResult> {
  const example = await loadExample(id)
  const outcome = await engine.run({ files: files ?? example.files, scenario: buildScenario(example.meta, preset) })
  if (!outcome.ok) throw new Error(`${id}: ${outcome.error.message}`)
  return outcome
}

describe.each(['simplicity-todos-pages', 'simplicity-todos-app'])('%s, "Every status code"', (id) => {
  it('answers 200, 400, 404, 405, 201 with 3 database queries and creates todo 4', async () => {
    const result = await run(id, 'Every status code')
    expect(result.requests.map((r) => r.status)).toEqual([200, 400, 404, 405, 201])
    expect(result.summary.requests).toBe(5)
    expect(result.summary.databaseQueries).toBe(3)
    expect(JSON.parse(result.requests[4].body)).toMatchObject({ id: 4, title: 'Write the lesson', done: false })
    expect(result.database.tables.find((t) => t.name === 'todos')?.rowCount).toBe(4)
  })

  it('the 400 carries zod issues for the title and never touches the database', async () => {
    const result = await run(id, 'Every status code')
    const invalid = result.requests[1]
    expect(invalid.timing.databaseMs).toBe(0)
    const body = JSON.parse(invalid.body)
    expect(body.issues[0]).toMatchObject({ path: ['title'], code: 'too_small', message: 'title is required' })
  })

  it('the 405 never touches the database', async () => {
    const result = await run(id, 'Every status code')
    expect(result.requests[3].timing.databaseMs).toBe(0)
  })
})

it('the Pages Router handler sends its own Allow: GET, POST', async () => {
  const result = await run('simplicity-todos-pages', 'Every status code')
  expect(result.requests[3].headers.allow).toBe('GET, POST')
})

it("the route handler's automatic 405 carries no Allow header, as in Next.js 16", async () => {
  const result = await run('simplicity-todos-app', 'Every status code')
  expect(result.requests[3].status).toBe(405)
  expect(result.requests[3].headers.allow).toBeUndefined()
})

describe('simplicity-delete-exercise', () => {
  it('the starter answers the three DELETEs with 405 and keeps 3 rows', async () => {
    const result = await run('simplicity-delete-exercise', 'Delete, read back, delete a missing one')
    expect(result.requests.filter((r) => r.method === 'DELETE').map((r) => r.status)).toEqual([405, 405, 405])
    expect(result.database.tables.find((t) => t.name === 'todos')?.rowCount).toBe(3)
  })

  it('the solution answers 204, 404, 400, 404 and leaves 2 rows', async () => {
    const { solution } = await loadExample('simplicity-delete-exercise')
    const result = await run('simplicity-delete-exercise', 'Delete, read back, delete a missing one', solution!)
    expect(result.requests.map((r) => r.status)).toEqual([204, 404, 400, 404])
    expect(result.database.tables.find((t) => t.name === 'todos')?.rowCount).toBe(2)
  })
})
