/**
 * The numbers quoted in pages/where-they-hurt/real-time-updates.mdx.
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

describe('realtime-polling-vs-sse', () => {
  it('polling: 20 GETs, only 3 of them bring news, 23 queries in all', async () => {
    const result = await run('realtime-polling-vs-sse', 'Poll every second for 20 s')
    const polls = result.requests.filter((request) => request.method === 'GET')
    expect(polls).toHaveLength(20)
    expect(polls.every((poll) => poll.status === 200)).toBe(true)
    const changed = polls.filter((poll, i) => i > 0 && poll.body !== polls[i - 1].body)
    expect(changed).toHaveLength(3)
    expect(changed.map((poll) => poll.timing.start)).toEqual([5_000, 10_000, 16_000])
    expect(polls.length - changed.length).toBe(17)
    expect(result.database.stats.queries).toBe(23)
  })

  it('SSE: one request open for about 20 s, 3 todo events at 5.268, 9.268 and 16.268 s, 23 queries', async () => {
    const result = await run('realtime-polling-vs-sse', 'Stream for 20 s')
    const stream = result.requests.find((request) => request.path.startsWith('/api/todos/stream'))!
    expect(result.requests.filter((request) => request.method === 'GET')).toHaveLength(1)
    expect(stream.status).toBe(200)
    expect(stream.headers['content-type']).toBe('text/event-stream')
    expect(stream.chunks?.map((chunk) => chunk.t)).toEqual([1_265, 5_268, 9_268, 16_268])
    expect(stream.body.match(/^event: todo$/gm)).toHaveLength(3)
    expect(stream.timing.handlerMs).toBe(20_003)
    expect(stream.timing.end).toBe(21_268)
    // Inserts at 4.5, 9.2 and 15.7 s: each shows up within a second.
    const inserted = result.requests.filter((request) => request.method === 'POST').map((request) => request.timing.end)
    expect(inserted).toEqual([4_508, 9_203, 15_703])
    expect(result.database.stats.queries).toBe(23)
  })
})

describe('realtime-polling-vs-sse on lambda', () => {
  it('the stream holds λ1; the POSTs run on λ2, which cold-starts', async () => {
    const example = await loadExample('realtime-polling-vs-sse')
    const outcome = await engine.run({
      files: example.files,
      scenario: buildScenario(example.meta, 'Stream for 20 s', { profile: 'lambda' }),
    })
    if (!outcome.ok) throw new Error(outcome.error.message)
    const stream = outcome.requests.find((request) => request.path.startsWith('/api/todos/stream'))!
    const posts = outcome.requests.filter((request) => request.method === 'POST')
    expect(stream.instance).toBe('λ1')
    expect(posts.map((post) => post.instance)).toEqual(['λ2', 'λ2', 'λ2'])
    expect(posts[0].cold).toBe(true)
    expect(outcome.summary.instancesStarted).toBe(2)
  })
})

describe('realtime-sse-exercise', () => {
  it('the starter answers once with JSON, no stream', async () => {
    const result = await run('realtime-sse-exercise', 'Listen while two messages arrive')
    const stream = result.requests.find((request) => request.path === '/api/messages/stream')!
    expect(stream.status).toBe(200)
    expect(stream.headers['content-type']).toContain('application/json')
    expect(stream.chunks).toBeUndefined()
  })

  it('the solution streams 4 message events as text/event-stream, the last two after their POSTs', async () => {
    const result = await run('realtime-sse-exercise', 'Listen while two messages arrive', 'solution')
    const stream = result.requests.find((request) => request.path === '/api/messages/stream')!
    expect(stream.status).toBe(200)
    expect(stream.headers['content-type']).toBe('text/event-stream')
    expect(stream.body.match(/^event: message$/gm)).toHaveLength(4)
    expect(stream.chunks?.map((chunk) => chunk.t)).toEqual([293, 293, 2_268, 6_268])
  })
})
