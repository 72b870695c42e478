import type { ExecContext } from '../clock/context'
import type { TimelineEvent } from '../types'

type LockWaitEvent = Extract<TimelineEvent, { type: 'db-lock-wait' }>

/**
 * Records a statement that has to wait because another connection's transaction holds the lock
 * (PGlite has one session, so any open transaction makes every other connection wait).
 * The event is emitted when the wait starts, so a wait that never ends (its request stopped at
 * `maxDuration`, the holder abandoned) is still on the timeline; `ms` is filled in when the lock is
 * granted. Events are only read once the run has ended, so completing the object in place is safe.
 */
export function startLockWait(
  now: number,
  connection: number,
  heldBy: number,
  ctx: ExecContext | undefined,
  emit: (event: TimelineEvent) => void,
): { granted(now: number): void } {
  const event: LockWaitEvent = { t: now, type: 'db-lock-wait', connection, heldBy }
  if (ctx?.request) event.request = ctx.request.index
  emit(event)
  return {
    granted(at) {
      event.ms = at - now
    },
  }
}
