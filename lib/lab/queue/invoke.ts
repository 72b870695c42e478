/**
 * Running code that is not a route on a platform's instances: a Lambda handler that the SQS event
 * source mapping invokes (`invoke`), and a long-running process from the `Procfile` (`startProcess`).
 * Both take an instance from the platform's pool, so cold starts, freezing and (on `lambda`) the reset
 * after a timeout are the platform's own.
 */
import type { ExecContext, RequestHandle } from '../clock/context'
import type { Scheduler } from '../clock/scheduler'
import { toRuntimeError } from '../modules/errors'
import { LabFailure } from '../modules/transpile'
import type { ConsoleSink } from '../platform/console-sink'
import type { InstancePool } from '../platform/instance-pool'
import type { LabError, PlatformSettings } from '../types'

/** What `FunctionHost#invoke` returns: the handler's value or error, or a timeout. */
export type InvokeOutcome = { instance: string; cold: boolean } & (
  { kind: 'returned'; value: unknown } | { kind: 'threw'; error: LabError } | { kind: 'timeout' }
)

type Ended = { kind: 'returned'; value: unknown } | { kind: 'threw'; error: LabError } | { kind: 'timeout' }

export interface FunctionHostOptions {
  scheduler: Scheduler
  settings: PlatformSettings
  pool: InstancePool
  sink: ConsoleSink
}

const describe = (error: LabError) =>
  error.message + (error.file ? ` (at ${error.file}:${error.line}:${error.column})` : '')

export class FunctionHost {
  constructor(private o: FunctionHostOptions) {}

  /**
   * Call `exportName` of `file` with `args(deadline)`, as Lambda calls a handler: the platform's
   * `maxDuration` is the function's timeout, and on `lambda` a timeout resets the instance, which
   * stops the handler's code and closes its connections.
   */
  async invoke(file: string, exportName: string, args: (deadline: number) => unknown[]): Promise<InvokeOutcome> {
    const { scheduler: s, pool, settings } = this.o
    const { inst, cold } = await pool.acquire([file])
    const handle: RequestHandle = { index: -1, dead: false, responded: false, databaseMs: 0, setCookies: [] }
    const ctx: ExecContext = { instance: inst, request: handle, kind: 'user' }
    if (inst.state === 'starting') await inst.ready
    await s.sleep(0, ctx)
    const pendingEval = inst.registry.pendingCount([file])
    if (pendingEval > 0) await s.sleep(pendingEval * (settings.moduleEvalMs ?? 5), ctx)
    const timeoutS = settings.maxDurationSeconds
    const deadline = s.now + timeoutS * 1000
    const work: Promise<Ended> = (async () => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const mod = inst.registry.load(file) as Record<string, any>
      if (inst.registry.evaluating) await inst.registry.settled()
      const fn = mod[exportName]
      if (typeof fn !== 'function') throw new Error(`${file} has no exported function named \`${exportName}\`.`)
      return { kind: 'returned' as const, value: await fn(...args(deadline)) }
    })().catch((e: unknown) => ({
      kind: 'threw' as const,
      error: e instanceof LabFailure ? e.labError : toRuntimeError(e),
    }))
    const timedOut = new Promise<Ended>((resolve) => {
      const timer = s.after(timeoutS * 1000, () => resolve({ kind: 'timeout' }), null)
      void work.then(() => s.cancel(timer))
    })
    const ended = await Promise.race([work, timedOut])
    if (ended.kind === 'timeout') {
      handle.dead = true
      // Lambda's own log line has two decimals ("Task timed out after 10.00 seconds").
      const shown = settings.profile === 'lambda' ? timeoutS.toFixed(2) : String(timeoutS)
      this.o.sink.write('error', inst.id, undefined, `Task timed out after ${shown} seconds`)
      if (settings.profile === 'lambda') pool.resetAfterTimeout(inst)
    } else if (ended.kind === 'threw') {
      this.o.sink.write('error', inst.id, undefined, describe(ended.error))
    }
    inst.active--
    pool.release(inst)
    return { ...ended, instance: inst.id, cold }
  }

  /** Start a `Procfile` process: one instance that loads `file` and keeps running what it starts (a Worker). */
  async startProcess(file: string): Promise<void> {
    const { scheduler: s, pool } = this.o
    const { inst } = await pool.acquire([file])
    if (inst.state === 'starting') await inst.ready
    await s.sleep(0, { instance: inst, kind: 'user' })
    try {
      inst.registry.load(file)
      if (inst.registry.evaluating) await inst.registry.settled()
    } catch (e) {
      this.o.sink.write('error', inst.id, undefined, describe(e instanceof LabFailure ? e.labError : toRuntimeError(e)))
    }
    inst.active--
    pool.release(inst)
  }
}
