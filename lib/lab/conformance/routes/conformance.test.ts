/**
 * The route conformance suite on the lab engine. The same cases run on real Next.js 16 in the
 * examples stage (examples/verify/scripts/conformance-routes.ts); see ./README.md.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { engineForTestFile } from '../../testing/engine-fixture'
import { routeCases } from './index'
import { runCaseOnEngine } from './run-on-engine'

const engine = engineForTestFile()

describe('route conformance cases on the lab engine', () => {
  it('has at least 60 cases, each with a source, and a reason wherever the lab differs', () => {
    expect(routeCases.length).toBeGreaterThanOrEqual(60)
    for (const c of routeCases) expect(c.source).toMatch(/^https:\/\//)
  })

  it('names every deliberate difference in lib/lab/README.md, "How the lab differs from production"', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
    const section = readme.slice(readme.indexOf('## How the lab differs from production'))
    // mod-evaluation-error is a difference real Next cannot be held to in the shared app (next build
    // fails on it), so it has realNext.skip instead of labDiffers; it is listed all the same.
    const differing = routeCases.filter((c) => c.labDiffers || c.id === 'mod-evaluation-error').map((c) => c.id)
    expect(differing.length).toBeGreaterThan(0)
    for (const id of differing) expect(section, id).toContain(`\`${id}\``)
  })

  it.each(routeCases.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    expect(await runCaseOnEngine(engine, c)).toEqual([])
  })
})
