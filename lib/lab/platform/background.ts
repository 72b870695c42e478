/**
 * Work that runs after or beside a response: after() tasks, waitUntil promises and background
 * refreshes. Each keeps its instance running until it finishes, bounded by maxDuration; what is
 * still running then is reported lost.
 */
import type { ExecContext, RequestHandle } from '../clock/context'
import type { Scheduler } from '../clock/scheduler'
import { toRuntimeError } from '../modules/errors'
import type { TimelineEvent } from '../types'
import type { Instance } from './instance'
import type { PendingWork } from './pending-work'

export interface BackgroundOptions {
  scheduler: Scheduler
  maxDurationSeconds: number
  work: PendingWork
  emit: (e: TimelineEvent) => void
  writeConsole: (level: 'error', text: string, instance: string, request: number | undefined) => void
  /** The instance may take queued requests or go idle again. */
  release: (inst: Instance) => void
}

export class BackgroundWork {
  private afterTasks = new Map<RequestHandle, unknown[]>()

  constructor(private o: BackgroundOptions) {}

  /** `after(task)` from next/server: queued on the current request until it has responded. */
  queueAfter(task: unknown): void {
    const ctx = this.o.scheduler.current
    if (!ctx?.request || !ctx.instance) throw new Error('`after` was called outside a request scope.')
    ;(this.afterTasks.get(ctx.request) ?? this.afterTasks.set(ctx.request, []).get(ctx.request)!).push(task)
  }

  /** The request has responded: start its after() tasks, unless the platform ended it (timeout). */
  startAfterTasks(inst: Instance, request: RequestHandle): void {
    const tasks = this.afterTasks.get(request) ?? []
    this.afterTasks.delete(request)
    if (!request.dead) for (const task of tasks) void this.run(inst, request, task, 'after')
  }

  /** after() / waitUntil / background refresh: keeps the instance running until done, bounded by maxDuration. */
  async run(inst: Instance, request: RequestHandle | undefined, task: unknown, label: string): Promise<void> {
    const s = this.o.scheduler
    const listedIndex = request && request.index >= 0 ? request.index : undefined
    inst.background++
    this.o.work.start()
    this.emit({ t: s.now, type: 'after-start', instance: inst.id }, listedIndex)
    const ctx: ExecContext = { instance: inst, request, kind: 'after' }
    await s.sleep(0, ctx)
    let finished = false
    const deadline = new Promise<void>((resolve) =>
      s.after(
        this.o.maxDurationSeconds * 1000,
        () => {
          if (finished) return
          const what = `${label} exceeded maxDuration`
          this.emit({ t: s.now, type: 'background-lost', instance: inst.id, what }, listedIndex)
          resolve()
        },
        null,
      ),
    )
    const work = (async () => {
      try {
        await (typeof task === 'function' ? (task as () => unknown)() : task)
      } catch (e) {
        this.o.writeConsole('error', toRuntimeError(e).message, inst.id, listedIndex)
      }
    })()
    await Promise.race([work, deadline])
    finished = true
    this.emit({ t: s.now, type: 'after-end', instance: inst.id }, listedIndex)
    inst.background--
    this.o.work.done()
    this.o.release(inst)
  }

  /** Timeline events name the request only when it is one of the plan's. */
  private emit(
    event: Extract<TimelineEvent, { type: 'after-start' | 'after-end' | 'background-lost' }>,
    request: number | undefined,
  ): void {
    if (request !== undefined) event.request = request
    this.o.emit(event)
  }
}
