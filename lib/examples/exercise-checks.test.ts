import { describe, expect, it } from 'vitest'
import type { RequestResult, RunResult } from '@/lib/lab/types'
import { evaluateCheck } from './exercise-checks'
import { listExamples, loadExample } from './load'
import { checkSchema, type CheckMetric } from './schema'

function request(index: number, method: string, path: string, status: number, body = ''): RequestResult {
  return {
    index,
    method,
    path,
    status,
    headers: {},
    body,
    timing: { start: 0, end: 10, queuedMs: 0, coldStartMs: 0, handlerMs: 10, databaseMs: 0 },
    cold: false,
  }
}

const result = {
  ok: true,
  requests: [request(0, 'DELETE', '/api/todos/1', 204), request(1, 'GET', '/api/todos/42', 404, '{"error":"Not found"}'), request(2, 'GET', '/api/todos', 500)],
  console: [],
  consoleTruncated: false,
  timeline: [],
  connections: [],
  database: {
    tables: [{ name: 'todos', columns: ['id'], rows: [[2]], rowCount: 1 }],
    stats: { queries: 3, errors: 1, errorsByCode: { '53300': 1 }, connectionsOpened: 2, peakConnections: 2, maxConnections: 20, openAtEnd: 1 },
  },
  summary: {
    requests: 3,
    byStatus: { 204: 1, 404: 1, 500: 1 },
    p50Ms: 10,
    p95Ms: 10,
    instancesStarted: 1,
    coldStarts: 1,
    peakConnections: 2,
    maxConnections: 20,
    databaseQueries: 3,
    databaseErrors: 1,
    durationMs: 10,
    line: '',
  },
} as unknown as RunResult

describe('exercise checks', () => {
  it('request-duration-at-most takes the slowest matching request, and fails when none was made', () => {
    const slowest = Math.max(...result.requests.filter((request) => request.path === '/api/todos/42').map((request) => request.timing.end - request.timing.start))
    expect(evaluateCheck({ type: 'request-duration-at-most', path: '/api/todos/42', ms: slowest, label: 'x' }, result).pass).toBe(true)
    const tooSlow = evaluateCheck({ type: 'request-duration-at-most', path: '/api/todos/42', ms: slowest - 1, label: 'x' }, result)
    expect(tooSlow).toEqual({ label: 'x', pass: false, detail: `The slowest any method /api/todos/42 took ${slowest} ms.` })
    expect(evaluateCheck({ type: 'request-duration-at-most', path: '/nope', ms: 1, label: 'x' }, result).pass).toBe(false)
  })

  it('request-status matches method and path', () => {
    expect(evaluateCheck({ type: 'request-status', method: 'GET', path: '/api/todos/42', status: 404, label: 'x' }, result).pass).toBe(true)
    const missing = evaluateCheck({ type: 'request-status', method: 'POST', path: '/api/todos/42', status: 404, label: 'x' }, result)
    expect(missing).toMatchObject({ pass: false, detail: 'No request to POST /api/todos/42 was made.' })
  })

  it('no-status-class counts the hundreds', () => {
    expect(evaluateCheck({ type: 'no-status-class', class: 5, label: 'x' }, result)).toMatchObject({ pass: false, detail: '1 response(s) were 5xx: 500.' })
    expect(evaluateCheck({ type: 'no-status-class', class: 3, label: 'x' }, result).pass).toBe(true)
  })

  it('metrics, database errors, bodies and tables', () => {
    expect(evaluateCheck({ type: 'metric-at-most', metric: 'peakConnections', value: 2, label: 'x' }, result).pass).toBe(true)
    expect(evaluateCheck({ type: 'metric-at-least', metric: 'openAtEnd', value: 2, label: 'x' }, result).pass).toBe(false)
    expect(evaluateCheck({ type: 'no-database-error', code: '53300', label: 'x' }, result).pass).toBe(false)
    expect(evaluateCheck({ type: 'body-includes', path: '/api/todos/42', text: 'Not found', label: 'x' }, result).pass).toBe(true)
    expect(evaluateCheck({ type: 'table-row-count', table: 'todos', count: 1, label: 'x' }, result).pass).toBe(true)
  })
})

describe('check messages a reader sees', () => {
  /** The result's own field names (camelCase), which are the engine's words, not the reader's. */
  const internalNames = [...Object.keys(result.summary), ...Object.keys(result.database.stats)].filter((name) =>
    /[a-z][A-Z]/.test(name),
  )
  const metrics = checkSchema.options
    .flatMap((option) => {
      const metric = (option.shape as { metric?: { options?: readonly string[] } }).metric
      return metric?.options ?? []
    })
    .filter((metric, index, all) => all.indexOf(metric) === index) as CheckMetric[]

  it('says every metric in words, never by its field name (peakConnections, p95Ms, …)', () => {
    expect(metrics).toContain('peakConnections')
    for (const metric of metrics) {
      for (const type of ['metric-at-most', 'metric-at-least'] as const) {
        const verdict = evaluateCheck({ type, metric, value: 1, label: 'x' }, result)
        for (const name of internalNames) expect(verdict.detail, `${metric}: "${verdict.detail}"`).not.toContain(name)
      }
    }
    expect(evaluateCheck({ type: 'metric-at-most', metric: 'peakConnections', value: 16, label: 'x' }, result).detail).toBe(
      'The most database connections open at once was 2.',
    )
  })

  it('every exercise labels its checks in words, never with a result field name', async () => {
    for (const id of listExamples()) {
      const checks = (await loadExample(id)).meta.exercise?.checks ?? []
      for (const check of checks)
        for (const name of internalNames) expect(check.label, `examples/${id}/meta.ts: "${check.label}"`).not.toContain(name)
    }
  })
})
