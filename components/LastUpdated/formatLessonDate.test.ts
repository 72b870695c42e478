import { describe, expect, it } from 'vitest'
import { formatLessonDate } from './formatLessonDate'

describe('formatLessonDate', () => {
  it('writes day, month name and year', () => {
    expect(formatLessonDate(new Date('2026-11-24T01:30:00Z'))).toBe('24 November 2026')
    expect(formatLessonDate(new Date('2025-01-05T12:00:00Z'))).toBe('5 January 2025')
  })

  it('uses the UTC day, so a late-evening commit shows the same date everywhere', () => {
    expect(formatLessonDate(new Date('2026-03-31T23:59:59Z'))).toBe('31 March 2026')
    expect(formatLessonDate(new Date('2026-04-01T00:00:00Z'))).toBe('1 April 2026')
  })
})
