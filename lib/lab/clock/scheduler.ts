/**
 * The virtual clock: a deterministic discrete-event loop.
 *
 * Virtual time only advances when nothing real is pending: every microtask has drained (we yield a
 * real macrotask) and no tracked real operation (a PGlite query) is in flight. Events at the same
 * virtual time run in the order they were scheduled, so the same input always gives the same run.
 */
import type { ExecContext, InstanceHandle } from './context'
import { macrotask } from './macrotask'

export interface ScheduledEvent {
  t: number
  seq: number
  fn: () => void
  /** null: the platform's own event (no instance, never frozen). */
  ctx: ExecContext | null | undefined
  cancelled: boolean
  /** What the event is, for `background-lost` reports (set for user timers and database replies). */
  what?: string
}

export class Scheduler {
  now = 0
  current: ExecContext | undefined
  private seq = 0
  private heap: ScheduledEvent[] = []
  private inFlight = 0
  private idleWaiters: Array<() => void> = []
  /** Called with errors thrown synchronously by an event callback. */
  onError: (error: unknown, ctx: ExecContext | null | undefined) => void = () => {}

  schedule(
    t: number,
    fn: () => void,
    ctx: ExecContext | null | undefined = this.current,
    what?: string,
  ): ScheduledEvent {
    const ev: ScheduledEvent = { t: Math.max(t, this.now), seq: this.seq++, fn, ctx, cancelled: false, what }
    this.push(ev)
    return ev
  }

  after(ms: number, fn: () => void, ctx: ExecContext | null | undefined = this.current, what?: string): ScheduledEvent {
    return this.schedule(this.now + Math.max(0, ms), fn, ctx, what)
  }

  cancel(ev: ScheduledEvent | undefined): void {
    if (ev) ev.cancelled = true
  }

  /**
   * A promise that resolves after `ms` virtual ms, in `ctx` (default: the current context; pass
   * `null` explicitly for platform work, since `undefined` means "default" to JavaScript).
   */
  sleep(ms: number, ctx: ExecContext | null | undefined = this.current, what?: string): Promise<void> {
    return new Promise((resolve) => this.after(ms, resolve, ctx, what))
  }

  /** Count a real asynchronous operation so virtual time waits for it. */
  track<T>(promise: Promise<T>): Promise<T> {
    this.inFlight++
    const done = () => {
      this.inFlight--
      if (this.inFlight === 0) for (const w of this.idleWaiters.splice(0)) w()
    }
    promise.then(done, done)
    return promise
  }

  /** Pending (not cancelled) events owned by an instance, for background-lost reports. */
  pendingFor(instance: InstanceHandle): ScheduledEvent[] {
    return this.heap.filter((e) => !e.cancelled && e.ctx?.instance === instance).sort(byTime)
  }

  /** Move an instance's deferred events back into the queue at the current time (thaw). */
  thaw(instance: InstanceHandle): void {
    const deferred = instance.deferred as ScheduledEvent[]
    instance.deferred = []
    for (const ev of deferred) {
      ev.t = this.now
      this.push(ev)
    }
  }

  peekTime(): number | undefined {
    while (this.heap.length && this.heap[0].cancelled) this.pop()
    return this.heap[0]?.t
  }

  /**
   * Wait until user code and real operations have gone as far as they can at this virtual time.
   * One real macrotask drains every pending microtask; a tracked operation still in flight then
   * means waiting for it and draining again. (PGlite's in-memory queries settle in microtasks, so
   * the usual cost is one macrotask per event: the burst presets run hundreds of events.)
   */
  async settle(): Promise<void> {
    for (;;) {
      await macrotask()
      if (this.inFlight === 0) return
      await new Promise<void>((resolve) => this.idleWaiters.push(resolve))
    }
  }

  /** Run events until `stop(nextTime)` says so or the queue is empty. */
  async run(stop: (nextTime: number) => boolean, signal?: AbortSignal): Promise<void> {
    await this.settle()
    for (;;) {
      if (signal?.aborted) return
      const next = this.peekTime()
      if (next === undefined || stop(next)) return
      const ev = this.pop()!
      const inst = ev.ctx?.instance
      if (inst?.recycled) continue
      if (inst?.frozen) {
        inst.deferred.push(ev)
        continue
      }
      if (ev.ctx?.request?.dead && ev.ctx.kind !== 'internal') continue
      this.now = ev.t
      this.current = ev.ctx ?? undefined
      try {
        ev.fn()
      } catch (error) {
        this.onError(error, ev.ctx)
      }
      await this.settle()
      this.current = undefined
    }
  }

  private push(ev: ScheduledEvent): void {
    const h = this.heap
    h.push(ev)
    let i = h.length - 1
    while (i > 0) {
      const p = (i - 1) >> 1
      if (byTime(h[p], h[i]) <= 0) break
      ;[h[p], h[i]] = [h[i], h[p]]
      i = p
    }
  }

  private pop(): ScheduledEvent | undefined {
    const h = this.heap
    if (!h.length) return undefined
    const top = h[0]
    const last = h.pop()!
    if (h.length) {
      h[0] = last
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        const r = l + 1
        let m = i
        if (l < h.length && byTime(h[l], h[m]) < 0) m = l
        if (r < h.length && byTime(h[r], h[m]) < 0) m = r
        if (m === i) break
        ;[h[m], h[i]] = [h[i], h[m]]
        i = m
      }
    }
    return top
  }
}

function byTime(a: ScheduledEvent, b: ScheduledEvent): number {
  return a.t - b.t || a.seq - b.seq
}
