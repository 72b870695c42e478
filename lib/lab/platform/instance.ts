/** One function instance: its module registry (module-scope state), load and lifecycle state. */
import type { InstanceHandle } from '../clock/context'
import type { ModuleRegistry } from '../modules/registry'
import type { PgPoolLike } from '../database/pg-module'

export interface Instance extends InstanceHandle {
  number: number
  state: 'starting' | 'ready'
  /** Requests being handled. */
  active: number
  /** after()/waitUntil work in progress; the platform keeps the instance running for it. */
  background: number
  registry: ModuleRegistry
  ready: Promise<void>
  markReady: () => void
  /** Bumped whenever the instance leaves idle; stale freeze/recycle timers compare it. */
  idleToken: number
  attachedPools: PgPoolLike[]
}
