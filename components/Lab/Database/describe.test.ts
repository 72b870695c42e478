import { describe, expect, it } from 'vitest'
import { countsText, holderText } from './describe'

describe("the Database tab's words for a transaction left open", () => {
  it('counts rows by what happened to them, in one sentence', () => {
    expect(countsText({ changed: 199, inserted: 0, deleted: 0, locked: 41 })).toBe(
      '199 rows changed and 41 rows locked',
    )
    expect(countsText({ changed: 1, inserted: 1, deleted: 2, locked: 0 })).toBe(
      '1 row changed, 1 row inserted and 2 rows deleted',
    )
    expect(countsText({ changed: 0, inserted: 0, deleted: 0, locked: 0 })).toBeNull()
  })

  it('names who holds it and since when, or says the lab cannot tell', () => {
    expect(holderText({ connection: 1, instance: 'λ1', since: 291, failed: false })).toBe(
      'held by instance λ1 (connection #1), open since 291 ms',
    )
    expect(holderText({ connection: 3, failed: true })).toBe('held by connection #3')
    expect(holderText({ failed: false })).toBe('held by a connection the lab cannot name')
  })
})
