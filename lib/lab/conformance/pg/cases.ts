/**
 * The pg conformance cases. Each names the node-postgres or PostgreSQL source of the behaviour it
 * checks; run on the lab by lab.test.ts and on the real `pg` package + a real PostgreSQL server by
 * examples/verify/scripts/pg-conformance.ts. Case code is plain JavaScript (see schema.ts). One file
 * per area in cases/, in the order they run.
 */
import { listenNotifyCases } from './cases/listen-notify'
import { poolLifecycleCases } from './cases/pool-lifecycle'
import { resultsAndTypesCases } from './cases/results-and-types'
import { sessionsAndLimitsCases } from './cases/sessions-and-limits'
import { timeoutsAndErrorsCases } from './cases/timeouts-and-errors'
import { pgCaseSchema, type PgCase } from './schema'

/** Helpers every case's code may use. */
export const CASE_PRELUDE = `
const errorOf = async (promise) => {
  try { await promise; return null } catch (e) { return { message: e.message, code: e.code } }
}
`

export const PG_CASES: PgCase[] = [
  ...sessionsAndLimitsCases,
  ...timeoutsAndErrorsCases,
  ...poolLifecycleCases,
  ...resultsAndTypesCases,
  ...listenNotifyCases,
].map((c) => pgCaseSchema.parse(c))
