import type { RunResult } from '@/lib/lab/types'
import { ofType } from './helpers'
import type { ConnectionsModel, QuotaModel } from './types'

/** Open connections, refused attempts per instant, the limits, and a y axis scaled to what happened. */
export function buildConnections(result: RunResult): ConnectionsModel {
  const { database } = result.settings
  const perInstant = new Map<number, { count: number; code: string }>()
  for (const event of ofType(result.timeline, 'db-connect-refused')) {
    const slot = perInstant.get(event.t)
    if (slot) slot.count++
    else perInstant.set(event.t, { count: 1, code: event.code })
  }
  const refused = [...perInstant].map(([t, slot]) => ({ t, ...slot }))
  const peakOpen = result.connections.reduce((most, sample) => Math.max(most, sample.open), 0)
  const peakRefused = refused.reduce((most, slot) => Math.max(most, slot.count), 0)
  const appLimit =
    database.role === 'app' && database.superuserReservedConnections > 0 && !database.pooler
      ? database.maxConnections - database.superuserReservedConnections
      : undefined
  // The limit line is drawn when it is near what happened; otherwise the axis fits the run and the
  // limit is named at the top ("max_connections 100, off the scale").
  const happened = Math.max(1, peakOpen + peakRefused)
  const nearLimit = happened >= database.maxConnections * 0.4
  const yMax = Math.max(nearLimit ? database.maxConnections : 0, happened) * 1.12
  const inUse: ConnectionsModel['inUse'] = []
  let checkouts = 0
  for (const event of result.timeline) {
    if (event.type !== 'db-pool-checkout' && event.type !== 'db-pool-release') continue
    if (event.type === 'db-pool-checkout') checkouts++
    const last = inUse[inUse.length - 1]
    if (last && last.t === event.t) last.count = event.checkedOut
    else inUse.push({ t: event.t, count: event.checkedOut })
  }
  return {
    inUse: database.pooler ? [] : inUse,
    checkouts,
    peakInUse: inUse.reduce((most, point) => Math.max(most, point.count), 0),
    viaPooler: !!database.pooler,
    samples: result.connections,
    refused,
    refusedTotal: refused.reduce((sum, slot) => sum + slot.count, 0),
    peakOpen,
    openAtEnd: result.database.stats.openAtEnd,
    maxConnections: database.maxConnections,
    appLimit,
    yMax: Math.max(yMax, 2),
  }
}

/** Queries counted in the quota's window, stepped, and those refused over it. */
export function buildQuota(result: RunResult): QuotaModel | undefined {
  const quota = result.settings.database.quota
  if (!quota) return undefined
  const windows = new Map<number, number>()
  const points: QuotaModel['points'] = []
  let rejected = 0
  let firstRejected: QuotaModel['firstRejected']
  for (const event of ofType(result.timeline, 'db-query')) {
    const window = Math.floor(event.t / quota.windowMs)
    const used = (windows.get(window) ?? 0) + 1
    windows.set(window, used)
    if (points.length > 0 && Math.floor(points[points.length - 1].t / quota.windowMs) !== window)
      points.push({ t: window * quota.windowMs, used: 0 })
    points.push({ t: event.t, used })
    if (event.error === '53400') {
      rejected++
      firstRejected ??= { t: event.t, request: event.request }
    }
  }
  return {
    maxQueries: quota.maxQueries,
    windowMs: quota.windowMs,
    points,
    peakUsed: points.reduce((most, point) => Math.max(most, point.used), 0),
    rejected,
    firstRejected,
  }
}
