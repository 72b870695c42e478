/**
 * The WebSocket numbers quoted in pages/where-they-hurt/real-time-updates.mdx ("WebSockets on a
 * serverless function" and the second exercise).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { evaluateChecks } from '@/lib/examples/exercise-checks'
import { loadExample } from '@/lib/examples/load'
import { buildScenario } from '@/lib/examples/scenario'
import { createTestEngine } from '@/lib/lab/testing/node-database'
import type { FileTree, PlatformProfile, RunResult } from '@/lib/lab/types'
import { UPGRADE_UNAVAILABLE } from '@/lib/lab/websocket/upgrade'
import { summariseWebSockets } from '@/lib/lab/websocket/summary'

const engine = createTestEngine()
beforeAll(() => engine.ready())
afterAll(() => engine.close())

async function run(id: string, preset: string, options: { profile?: PlatformProfile; solution?: boolean } = {}) {
  const example = await loadExample(id)
  const files = (options.solution ? example.solution : example.files) as FileTree
  const outcome = await engine.run({
    files,
    scenario: buildScenario(example.meta, preset, options.profile ? { profile: options.profile } : undefined),
  })
  if (!outcome.ok) throw new Error(outcome.error.message)
  return outcome
}

/** The clients' upgrade requests (they follow the plan's own requests). */
const upgrades = (result: RunResult) => result.webSockets!.clients.map((c) => result.requests[c.request])

const receivers = (result: RunResult, text: string) =>
  result.webSockets!.clients.filter((c) => c.received.some((m) => m.data === text)).map((c) => c.client)

describe('realtime-websocket-chat', () => {
  it('in-memory broadcast: six connections on three instances, two each; each message reaches 2 of 6', async () => {
    const result = await run('realtime-websocket-chat', 'In-memory broadcast, 6 clients')
    const summary = summariseWebSockets(result.webSockets!)
    expect(summary.perInstance).toEqual([
      { instance: 'λ1', connections: 2, clients: [1, 2] },
      { instance: 'λ2', connections: 2, clients: [3, 4] },
      { instance: 'λ3', connections: 2, clients: [5, 6] },
    ])
    expect(upgrades(result).every((r) => r.status === 101)).toBe(true)
    // "Who is online?" from memory, at 5 s: a fourth instance, which holds no socket.
    const online = result.requests.find((r) => r.path === '/api/chat/online')!
    expect([online.body, online.instance]).toEqual(['{"online":0}', 'λ4'])
    expect(receivers(result, 'Hello from client 1')).toEqual([1, 2])
    expect(receivers(result, 'Client 5 here')).toEqual([5, 6])
    // Clients 3 and 4, on λ2, receive nothing.
    expect(result.webSockets!.clients.filter((c) => c.received.length === 0).map((c) => c.client)).toEqual([3, 4])
    expect(summary.line).toBe('6 of 6 connections opened on 3 instances · 2 messages sent, 4 deliveries to clients')
    expect(result.timeline.filter((e) => e.type === 'ws-open')).toHaveLength(6)
    expect(result.timeline.filter((e) => e.type === 'ws-deliver')).toHaveLength(4)
  })

  it('LISTEN/NOTIFY: all six receive both messages, 68 ms after they were sent; peak 5 connections', async () => {
    const result = await run('realtime-websocket-chat', 'LISTEN/NOTIFY, 6 clients')
    expect(receivers(result, 'Hello from client 1')).toEqual([1, 2, 3, 4, 5, 6])
    expect(receivers(result, 'Client 5 here')).toEqual([1, 2, 3, 4, 5, 6])
    for (const c of result.webSockets!.clients) expect(c.received.map((m) => m.t)).toEqual([2_068, 3_068])
    expect(result.database.stats.peakConnections).toBe(5)
    // Three instances listen, so each NOTIFY reaches three listening connections.
    expect(result.timeline.filter((e) => e.type === 'db-notification')).toHaveLength(6)
  })

  it('the duration limit: connections opened at 0.26, 20 and 40 s close at 60.3, 80 and 100 s with 1006', async () => {
    const result = await run('realtime-websocket-chat', 'Stay connected for 2 minutes')
    const clients = result.webSockets!.clients
    expect(clients.map((c) => c.openedAt)).toEqual([260, 20_000, 40_000])
    expect(clients.map((c) => c.closedAt)).toEqual([60_260, 80_000, 100_000])
    expect(clients.map((c) => [c.closeCode, c.closedBy])).toEqual([
      [1006, 'duration-limit'],
      [1006, 'duration-limit'],
      [1006, 'duration-limit'],
    ])
    expect(summariseWebSockets(result.webSockets!).closedAtDurationLimit).toBe(3)
    expect(upgrades(result).map((r) => r.platformError)).toEqual(Array(3).fill('FUNCTION_INVOCATION_TIMEOUT'))
    expect(result.console.filter((l) => l.text === 'Task timed out after 60 seconds')).toHaveLength(3)
  })

  it.each(['lambda', 'server'] as const)(
    'on %s every upgrade answers 500 with the package’s own error',
    async (profile) => {
      const result = await run('realtime-websocket-chat', 'In-memory broadcast, 6 clients', { profile })
      expect(upgrades(result).map((r) => r.status)).toEqual(Array(6).fill(500))
      expect(upgrades(result)[0].error?.message).toBe(`Error: ${UPGRADE_UNAVAILABLE}`)
      expect(result.webSockets!.clients.every((c) => c.closedBy === 'refused' && c.instance === undefined)).toBe(true)
    },
  )
})

describe('realtime-websocket-exercise', () => {
  it('the starter: the POSTs run on a third instance, so no dashboard hears either order', async () => {
    const result = await run('realtime-websocket-exercise', 'Four dashboards, two orders')
    const posts = result.requests.filter((r) => r.method === 'POST')
    expect(posts.map((r) => [r.status, r.instance])).toEqual([
      [201, 'λ3'],
      [201, 'λ3'],
    ])
    expect(result.webSockets!.clients.map((c) => c.instance)).toEqual(['λ1', 'λ1', 'λ2', 'λ2'])
    expect(result.webSockets!.clients.every((c) => c.received.length === 0)).toBe(true)
  })

  it('the solution: every dashboard receives both orders, and every check passes', async () => {
    const example = await loadExample('realtime-websocket-exercise')
    const result = await run('realtime-websocket-exercise', 'Four dashboards, two orders', { solution: true })
    for (const c of result.webSockets!.clients) {
      expect(c.received.map((m) => JSON.parse(m.data).item)).toEqual(['Coffee beans', 'Filter papers'])
    }
    expect(evaluateChecks(example.meta.exercise!.checks, result).every((v) => v.pass)).toBe(true)
  })
})
