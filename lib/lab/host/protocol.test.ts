import { describe, expect, it } from 'vitest'
import { isFromWorker } from './protocol'

describe('isFromWorker: the page takes only messages of the engine’s shape', () => {
  it.each([
    { type: 'ready', ok: true },
    { type: 'ready', ok: false, message: 'PGlite failed' },
    { type: 'pong', seq: 3 },
    { type: 'crash', id: 1, message: 'boom' },
    { type: 'result', id: 1, outcome: { ok: false, error: { kind: 'plan', message: 'x' }, console: [] } },
    { type: 'result', id: 2, outcome: { ok: true, summary: { line: '1 request' }, requests: [], console: [] } },
  ])('accepts %j', (message) => expect(isFromWorker(message)).toBe(true))

  it.each([
    null,
    'hello',
    ['ready'],
    { type: 'ready' },
    { type: 'ready', ok: false },
    { type: 'pong', seq: -1 },
    { type: 'pong', seq: '1' },
    { type: 'result', id: 1 },
    { type: 'result', id: 1, outcome: { ok: true } },
    { type: 'result', id: 1.5, outcome: { ok: false, error: { message: 'x' }, console: [] } },
    { type: 'crash', id: 1 },
    { type: 'navigate', url: 'https://evil.example/' },
  ])('drops %j', (message) => expect(isFromWorker(message)).toBe(false))
})
