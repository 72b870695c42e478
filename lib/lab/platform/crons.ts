/** `vercel.json` crons: five-field schedules (numbers, `*`, steps like every-N, lists, ranges) evaluated on the virtual clock. */
import { VIRTUAL_EPOCH } from '../clock/virtual-globals'

export interface CronJob {
  path: string
  schedule: string
}

export function readCrons(vercelJson: string | undefined): CronJob[] {
  if (!vercelJson) return []
  const parsed = JSON.parse(vercelJson) as { crons?: CronJob[] }
  return (parsed.crons ?? []).filter((c) => typeof c?.path === 'string' && typeof c?.schedule === 'string')
}

const RANGES: Array<[number, number]> = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 6],
]

function parseField(field: string, [lo, hi]: [number, number]): Set<number> {
  const out = new Set<number>()
  for (const part of field.split(',')) {
    const [range, stepText] = part.split('/')
    const step = stepText ? Number(stepText) : 1
    let from = lo
    let to = hi
    if (range !== '*') {
      const [a, b] = range.split('-').map(Number)
      from = a
      to = b ?? (stepText ? hi : a)
    }
    if (![from, to, step].every(Number.isFinite) || step <= 0) throw new Error(`Invalid cron field '${field}'`)
    for (let v = from; v <= to; v += step) out.add(v === 7 && hi === 6 ? 0 : v)
  }
  return out
}

/** Virtual times in (0, untilMs] at which `schedule` fires (virtual t = 0 is 2026-01-01 00:00 UTC). */
export function cronTimes(schedule: string, untilMs: number): number[] {
  const fields = schedule.trim().split(/\s+/)
  if (fields.length !== 5) throw new Error(`Invalid cron schedule '${schedule}': expected 5 fields`)
  const [min, hour, dom, mon, dow] = fields.map((f, i) => parseField(f, RANGES[i]))
  const times: number[] = []
  for (let t = 60_000; t <= untilMs; t += 60_000) {
    const d = new Date(VIRTUAL_EPOCH + t)
    if (
      min.has(d.getUTCMinutes()) &&
      hour.has(d.getUTCHours()) &&
      dom.has(d.getUTCDate()) &&
      mon.has(d.getUTCMonth() + 1) &&
      dow.has(d.getUTCDay())
    )
      times.push(t)
  }
  return times
}
