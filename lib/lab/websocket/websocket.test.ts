/**
 * The lab's WebSocket clients and `experimental_upgradeWebSocket`: what the route's socket does as
 * the `ws` package's does, and what the clients see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestEngine } from '../testing/node-database'
import type { RunResult, Scenario } from '../types'

const engine = createTestEngine()
beforeAll(() => engine.ready())
afterAll(() => engine.close())

async function run(route: string, scenario: Partial<Scenario>): Promise<RunResult> {
  const outcome = await engine.run({
    files: { 'app/api/ws/route.ts': route },
    scenario: { requests: [], platform: { profile: 'fluid' }, ...scenario },
  })
  if (!outcome.ok) throw new Error(outcome.error.message)
  return outcome
}

const ROUTE = (body: string) => `import { experimental_upgradeWebSocket } from '@vercel/functions'
export async function GET() {
  return experimental_upgradeWebSocket((ws) => {
${body}
  })
}
`

describe('WebSocket clients in the lab', () => {
  it('an echo: a text message arrives as a Buffer (isBinary false), the reply reaches the client a trip later', async () => {
    const result = await run(
      ROUTE(
        `ws.on('message', (data, isBinary) => ws.send(JSON.stringify({ text: data.toString(), buffer: Buffer.isBuffer(data), isBinary })))`,
      ),
      { webSockets: { clients: [{ path: '/api/ws', closeAt: 1_000 }], send: [{ client: 1, at: 500, data: 'ping' }] } },
    )
    const [client] = result.webSockets!.clients
    expect(client.received).toEqual([{ t: 540, data: '{"text":"ping","buffer":true,"isBinary":false}' }])
    expect([client.closeCode, client.closedBy, client.closedAt]).toEqual([1000, 'client', 1_020])
    expect(result.requests[0]).toMatchObject({ status: 101, instance: 'λ1' })
    expect(result.requests[0].timing.end).toBe(1_020)
  })

  it("ws.close() without a code: the client sees 1005; the route's 'close' listener gets it too", async () => {
    const result = await run(
      ROUTE(`ws.on('close', (code) => console.log('server close', code))
    setTimeout(() => ws.close(), 100)`),
      { webSockets: { clients: [{ path: '/api/ws' }] } },
    )
    const [client] = result.webSockets!.clients
    expect([client.closeCode, client.closedBy]).toEqual([1005, 'server'])
    expect(result.console.map((l) => l.text)).toContain('server close 1005')
  })

  it('ws.close(4000, reason) and terminate(): the client sees 4000, or 1006', async () => {
    const result = await run(
      `import { experimental_upgradeWebSocket } from '@vercel/functions'
let n = 0
export async function GET() {
  const mine = ++n
  return experimental_upgradeWebSocket((ws) => {
    setTimeout(() => (mine === 1 ? ws.close(4000, 'bye') : ws.terminate()), 100)
  })
}
`,
      { webSockets: { clients: [{ path: '/api/ws', count: 2 }] } },
    )
    expect(result.webSockets!.clients.map((c) => c.closeCode)).toEqual([4000, 1006])
  })

  it('send after close calls back with ws’s error; an invalid close code throws as in ws', async () => {
    const result = await run(
      ROUTE(`ws.close(1000)
    ws.send('late', (error) => console.log(error?.message))
    try { ws.close(1006) } catch (e) { console.log('no throw after close') }
    `),
      { webSockets: { clients: [{ path: '/api/ws' }] } },
    )
    expect(result.console.map((l) => l.text)).toContain('WebSocket is not open: readyState 2 (CLOSING)')
  })

  it('a handler that throws: the socket closes with 1011 and the request answers 500', async () => {
    const result = await run(ROUTE(`throw new Error('boom')`), { webSockets: { clients: [{ path: '/api/ws' }] } })
    expect(result.webSockets!.clients[0]).toMatchObject({ closeCode: 1011, closedBy: 'server' })
    expect(result.requests[0].status).toBe(500)
  })

  it('a plain GET to an upgrading route fails with a labelled lab error', async () => {
    const result = await run(ROUTE(''), { requests: [{ path: '/api/ws' }] })
    expect(result.requests[0].status).toBe(500)
    expect(result.requests[0].error?.message).toMatch(/^Error: \[lab\] This request is not a WebSocket upgrade/)
    expect(result.webSockets).toBeUndefined()
  })

  it('a send before the connection opens is not sent, and the console says why', async () => {
    const result = await run(ROUTE(''), {
      webSockets: {
        clients: [{ path: '/api/ws', at: 1_000, closeAt: 2_000 }],
        send: [{ client: 1, at: 100, data: 'early' }],
      },
    })
    expect(result.webSockets!.clients[0].sent).toEqual([])
    expect(result.console.map((l) => l.text)).toContain(
      '[lab] WebSocket client 1 sends at 0.1 s, but its connection is not open yet: the message is not sent.',
    )
  })

  it('a send from a client the plan does not connect fails the plan', async () => {
    const outcome = await engine.run({
      files: { 'app/api/ws/route.ts': ROUTE('') },
      scenario: {
        requests: [],
        webSockets: { clients: [{ path: '/api/ws', count: 2 }], send: [{ client: 3, at: 0, data: 'x' }] },
      },
    })
    expect(outcome.ok).toBe(false)
    if (!outcome.ok)
      expect(outcome.error.message).toBe('webSockets.send names client 3, but the plan connects clients 1 to 2.')
  })

  it('a connection holds one of the instance’s concurrency slots until it closes', async () => {
    const result = await run(ROUTE(''), {
      platform: { profile: 'fluid', maxConcurrencyPerInstance: 1 },
      webSockets: { clients: [{ path: '/api/ws', count: 2, interval: 1_000, closeAt: 3_000 }] },
    })
    expect(result.webSockets!.clients.map((c) => c.instance)).toEqual(['λ1', 'λ2'])
  })
})
