import { describe, expect, it } from 'vitest'
import { formatDuration, formatSummaryLine, percentile } from './summary'

describe('summary line', () => {
  it('formats the one-line summary exactly', () => {
    const line = formatSummaryLine({
      requests: 50,
      byStatus: { 500: 20, 200: 30 },
      p50Ms: 300,
      p95Ms: 1234,
      instancesStarted: 50,
      coldStarts: 50,
      peakConnections: 20,
      maxConnections: 20,
      databaseQueries: 30,
      databaseErrors: 20,
      durationMs: 1300,
    })
    expect(line).toBe('50 requests · 200 ×30 · 500 ×20 · peak 20/20 connections · p95 1.2 s')
  })
  it('singular, no requests', () => {
    const base = {
      p50Ms: 0,
      instancesStarted: 0,
      coldStarts: 0,
      peakConnections: 0,
      maxConnections: 20,
      databaseQueries: 0,
      databaseErrors: 0,
      durationMs: 0,
    }
    expect(formatSummaryLine({ ...base, requests: 1, byStatus: { 200: 1 }, p95Ms: 288 })).toBe(
      '1 request · 200 ×1 · peak 0/20 connections · p95 288 ms',
    )
    expect(formatSummaryLine({ ...base, requests: 0, byStatus: {}, p95Ms: 0 })).toBe(
      '0 requests · peak 0/20 connections',
    )
  })
  it('durations and percentiles', () => {
    expect(formatDuration(999.6)).toBe('1000 ms')
    expect(formatDuration(2000)).toBe('2 s')
    expect(formatDuration(12_345)).toBe('12.3 s')
    expect(percentile([5, 1, 4, 2, 3], 0.95)).toBe(5)
    expect(percentile([5, 1, 4, 2, 3], 0.5)).toBe(3)
    expect(percentile([], 0.5)).toBe(0)
  })
})
