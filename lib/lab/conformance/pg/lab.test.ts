/**
 * The pg conformance cases on the lab's `pg` (the same cases run on the real `pg` package and a
 * real PostgreSQL server in examples/verify/scripts/pg-conformance.ts).
 */
import { describe, expect, it } from 'vitest'
import { engineForTestFile } from '../../testing/engine-fixture'
import { PG_CASES } from './cases'
import { runCaseInLab } from './run-in-lab'
import { outcomeOf } from './schema'

const engine = engineForTestFile()

const json = (value: unknown) => JSON.parse(JSON.stringify(value ?? null)) as unknown

describe('pg conformance, in the lab', () => {
  it('has at least 25 cases, each with a unique id and a source', () => {
    expect(PG_CASES.length).toBeGreaterThanOrEqual(25)
    expect(new Set(PG_CASES.map((c) => c.id)).size).toBe(PG_CASES.length)
  })

  it.each(PG_CASES.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const outcome = await runCaseInLab(engine, c)
    expect(json(outcomeOf(outcome))).toEqual(json(c.labDiffers ? c.labDiffers.expect : c.expect))
  })
})
