import { describe, expect, it } from 'vitest'
import { cronTimes, readCrons } from './crons'

describe('cron schedules', () => {
  it('steps, lists and ranges on the virtual clock (t = 0 is 2026-01-01 00:00 UTC)', () => {
    expect(cronTimes('*/15 * * * *', 3_600_000)).toEqual([900_000, 1_800_000, 2_700_000, 3_600_000])
    expect(cronTimes('5,10 * * * *', 3_600_000)).toEqual([300_000, 600_000])
    expect(cronTimes('0-2 * * * *', 3_600_000)).toEqual([60_000, 120_000, 3_600_000])
    expect(cronTimes('0 1 * * *', 2 * 3_600_000)).toEqual([3_600_000])
    expect(() => cronTimes('* * *', 1)).toThrow("Invalid cron schedule '* * *': expected 5 fields")
  })
  it('reads vercel.json', () => {
    expect(readCrons(JSON.stringify({ crons: [{ path: '/api/cron', schedule: '0 5 * * *' }] }))).toEqual([
      { path: '/api/cron', schedule: '0 5 * * *' },
    ])
    expect(readCrons(undefined)).toEqual([])
  })
})
