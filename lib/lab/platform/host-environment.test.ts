/**
 * What each profile's host gives the reader's code beyond the routes: Vercel's request context on
 * `fluid` only, Node 22's WebSocket global without a network, a read-only file system.
 */
import { describe, expect, it } from 'vitest'
import { engineForTestFile } from '../testing/engine-fixture'
import type { PlatformProfile, RunResult } from '../types'

const engine = engineForTestFile()

async function run(files: Record<string, string>, profile: PlatformProfile): Promise<RunResult> {
  const outcome = await engine.run({
    files,
    scenario: { requests: [{ path: '/api/x' }], platform: { profile }, runForMs: 5000 },
  })
  if (!outcome.ok) throw new Error(outcome.error.message)
  return outcome
}

const waitUntilRoute = {
  'app/api/x/route.ts': `import { waitUntil } from '@vercel/functions'
export async function GET() {
  waitUntil(new Promise((resolve) => setTimeout(() => { console.log('audit written'); resolve(null) }, 1000)))
  return new Response('ok')
}
`,
}

describe('waitUntil from @vercel/functions', () => {
  it('on fluid (Vercel) keeps the instance running until the promise settles', async () => {
    const r = await run(waitUntilRoute, 'fluid')
    expect(r.console.map((l) => l.text)).toContain('audit written')
    expect(r.timeline.some((e) => e.type === 'after-start')).toBe(true)
    expect(r.timeline.some((e) => e.type === 'background-lost')).toBe(false)
  })

  it.each(['lambda'] as const)('on %s does nothing: the instance freezes and the timer is lost', async (profile) => {
    const r = await run(waitUntilRoute, profile)
    expect(r.console.map((l) => l.text)).not.toContain('audit written')
    expect(r.timeline.some((e) => e.type === 'after-start')).toBe(false)
    expect(r.timeline.find((e) => e.type === 'background-lost')).toMatchObject({ what: 'setTimeout (1000 ms)' })
  })

  it('on server does nothing either, but the process lives on, so the work still finishes', async () => {
    const r = await run(waitUntilRoute, 'server')
    expect(r.console.map((l) => l.text)).toContain('audit written')
    expect(r.timeline.some((e) => e.type === 'after-start')).toBe(false)
  })
})

it('WebSocket exists, as in Node 22, but never connects: error, then close with 1006', async () => {
  const r = await run(
    {
      'app/api/x/route.ts': `export async function GET() {
  const events: string[] = []
  await new Promise<void>((resolve) => {
    const ws = new WebSocket('wss://realtime.example.com')
    ws.addEventListener('error', () => events.push('error'))
    ws.onclose = (e) => { events.push('close ' + (e as CloseEvent).code); resolve() }
  })
  return Response.json(events)
}
`,
    },
    'fluid',
  )
  expect(JSON.parse(r.requests[0].body)).toEqual(['error', 'close 1006'])
  expect(r.console.map((l) => l.text)).toContain(
    'WebSocket to wss://realtime.example.com failed: the lab has no network, so the connection is never made.',
  )
})
