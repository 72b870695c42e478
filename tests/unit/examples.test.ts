/**
 * Every example, through the Node loader and the real engine: its default scenario's last request
 * must answer the status its meta `expect`s. A lesson whose example stops working fails here first.
 * Every other preset, and the solution, are run by example-presets.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildScenario } from '@/lib/examples/scenario'
import { listExamples, loadExample } from '@/lib/examples/load'
import { createTestEngine } from '@/lib/lab/testing/node-database'

const engine = createTestEngine()
beforeAll(() => engine.ready())
afterAll(() => engine.close())

describe.each(listExamples())('example %s', (id) => {
  it('produces the status its meta expects', async () => {
    const { meta, files } = await loadExample(id)
    const outcome = await engine.run({ files, scenario: buildScenario(meta, meta.defaultPreset) })
    if (!outcome.ok) throw new Error(`examples/${id}: the run failed: ${outcome.error.message}`)
    const last = outcome.requests[outcome.requests.length - 1]
    expect(last.status, `examples/${id}: ${last.method} ${last.path} answered ${last.status}: ${last.body}`).toBe(
      meta.expect.status,
    )
  })
})
