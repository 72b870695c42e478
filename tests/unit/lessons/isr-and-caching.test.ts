/**
 * The numbers quoted in pages/why-api-routes-work/isr-and-caching.mdx.
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

const cacheHeaders = (result: RunResult) => result.requests.map((request) => request.headers['x-vercel-cache'])
const count = (values: Array<string | undefined>, value: string) => values.filter((v) => v === value).length

describe('caching-revalidate', () => {
  it('uncached: 60 requests in an hour make 60 queries', async () => {
    const result = await run('caching-revalidate', 'Uncached: one a minute for an hour')
    expect(result.summary.requests).toBe(60)
    expect(result.database.stats.queries).toBe(60)
  })

  it('revalidate = 600: 6 queries, 1 MISS, 5 STALE, 54 HIT, readers never wait for the database', async () => {
    const result = await run('caching-revalidate', 'Cached: one a minute for an hour')
    expect(result.summary.requests).toBe(60)
    expect(result.database.stats.queries).toBe(6)
    const headers = cacheHeaders(result)
    expect(count(headers, 'MISS')).toBe(1)
    expect(count(headers, 'STALE')).toBe(5)
    expect(count(headers, 'HIT')).toBe(54)
    // The first STALE is the 12th request, at minute 11 (the diagram marks minutes 11, 22, 33, 44, 55).
    expect(headers.flatMap((header, minute) => (header === 'STALE' ? [minute] : []))).toEqual([11, 22, 33, 44, 55])
    expect(result.requests[11].timing.start).toBe(660_000)
    expect(result.requests[11].timing.databaseMs).toBe(0)
    expect(result.summary.p95Ms).toBe(0)
  })
})

describe('caching-revalidate-exercise', () => {
  it('the starter serves the old list (a HIT) straight after the write', async () => {
    const result = await run('caching-revalidate-exercise', 'Read, write, read again')
    expect(cacheHeaders(result)).toEqual(['MISS', undefined, 'HIT'])
    expect(result.requests[1].status).toBe(201)
    expect(result.requests[2].body).not.toContain('Water the plants')
    expect(JSON.parse(result.requests[2].body)).toHaveLength(3)
  })

  it('with revalidatePath the next GET is a MISS with 4 todos, 3 queries in all', async () => {
    const result = await run('caching-revalidate-exercise', 'Read, write, read again', 'solution')
    expect(cacheHeaders(result)).toEqual(['MISS', undefined, 'MISS'])
    expect(JSON.parse(result.requests[2].body)).toHaveLength(4)
    expect(result.database.stats.queries).toBe(3)
  })
})
