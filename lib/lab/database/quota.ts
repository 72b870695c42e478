/**
 * A free-tier style query quota (the lab's stand-in: SQLSTATE 53400, see the serverless-database-limits
 * lesson for how real services report it): each query counts against the window it runs in.
 */
import type { DatabaseSettings } from '../types'
import { DatabaseError } from './errors'

export class QueryQuota {
  private used = new Map<number, number>()

  constructor(private quota: DatabaseSettings['quota']) {}

  /** Counts one query at virtual time `now`; the error to answer with when it goes over, else null. */
  take(now: number): DatabaseError | null {
    const q = this.quota
    if (!q) return null
    const window = Math.floor(now / q.windowMs)
    const used = (this.used.get(window) ?? 0) + 1
    this.used.set(window, used)
    if (used <= q.maxQueries) return null
    return new DatabaseError(
      `quota exceeded: this database allows ${q.maxQueries} queries per ${q.windowMs / 1000} s on its plan`,
      '53400',
    )
  }
}
