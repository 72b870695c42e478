/**
 * The `pg` module user code imports: Pool and Client with the real package's names, defaults,
 * events, callbacks and errors (pg 8.x and pg-pool 3.x), talking to the simulated server.
 * lib/lab/conformance/pg/ holds the cases that run against this module and against the real
 * `pg` package on a real PostgreSQL server; where the lab deliberately differs, lib/lab/README.md
 * says so ("The pg module and the database").
 */
import type { Scheduler } from '../clock/scheduler'
import type { ExecContext, InstanceHandle } from '../clock/context'
import { DatabaseError } from './errors'
import { defineClient } from './pg-client'
import { definePool } from './pg-pool'
import { createPgTypes } from './pg-types'
import { escapeIdentifier, escapeLiteral } from './pg-values'
import type { DatabaseServer } from './server'

export interface PgHooks {
  scheduler: Scheduler
  server: DatabaseServer
  /** A pool's idle client count changed (attachDatabasePool keeps an instance alive while > 0). */
  onPoolIdleChange(instance: InstanceHandle | undefined): void
  /** Report an 'error' event nobody listens to (real Node would crash the process). */
  onUnhandledError(instance: InstanceHandle | undefined, error: Error): void
}

/** Build the module for one run: `pg.types` and the classes share the run's server and hooks. */
export function createPgModule(hooks: PgHooks): Record<string, unknown> {
  const { types, parsersFor } = createPgTypes()
  const runtime = { hooks, parsersFor }
  const { Client, PoolClient } = defineClient(runtime)
  const Pool = definePool(runtime, { Client, PoolClient })
  const pg = { Pool, Client, DatabaseError, types, escapeIdentifier, escapeLiteral, defaults: { poolSize: 10 } }
  return { ...pg, default: pg, __esModule: true }
}

export type PgPoolLike = { attached: boolean; idleCount: number; instance?: InstanceHandle }
export type { ExecContext }
