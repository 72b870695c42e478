/**
 * The clock-dependent globals user code sees: timers, Date, performance and a seeded Math.random.
 * They are passed to each module as wrapper parameters, so the real globals are never patched.
 */
import type { ExecContext, InstanceHandle } from './context'
import type { Scheduler, ScheduledEvent } from './scheduler'

/** Virtual t = 0 is this wall-clock instant, so `new Date()` is the same in every run. */
export const VIRTUAL_EPOCH = Date.UTC(2026, 0, 1, 0, 0, 0)

export interface VirtualGlobals {
  setTimeout: (fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => number
  setInterval: (fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => number
  clearTimeout: (id?: number) => void
  clearInterval: (id?: number) => void
  setImmediate: (fn: (...args: unknown[]) => void, ...args: unknown[]) => number
  clearImmediate: (id?: number) => void
  Date: DateConstructor
  performance: { now(): number; timeOrigin: number }
  Math: Math
}

export function createVirtualGlobals(
  scheduler: Scheduler,
  instance: InstanceHandle,
  random: () => number,
  onTimerError: (error: unknown) => void,
): VirtualGlobals {
  const timers = new Map<number, ScheduledEvent>()
  let nextId = 1
  const ctx = (): ExecContext => {
    const cur = scheduler.current
    return cur?.instance === instance
      ? { ...cur, kind: cur.kind === 'internal' ? 'user' : cur.kind }
      : { instance, kind: 'user' }
  }
  const invoke = (fn: (...a: unknown[]) => void, args: unknown[]) => {
    try {
      fn(...args)
    } catch (error) {
      onTimerError(error)
    }
  }
  const setTimeout_ = (fn: (...a: unknown[]) => void, ms = 0, ...args: unknown[]) => {
    const id = nextId++
    const delay = Math.max(0, Number(ms) || 0)
    timers.set(
      id,
      scheduler.after(delay, () => (timers.delete(id), invoke(fn, args)), ctx(), `setTimeout (${delay} ms)`),
    )
    return id
  }
  const setInterval_ = (fn: (...a: unknown[]) => void, ms = 0, ...args: unknown[]) => {
    const id = nextId++
    const delay = Math.max(1, Number(ms) || 0)
    const c = ctx()
    const arm = () =>
      timers.set(
        id,
        scheduler.after(delay, () => (arm(), invoke(fn, args)), c, `setInterval (${delay} ms)`),
      )
    arm()
    return id
  }
  const clear = (id?: number) => {
    if (id === undefined) return
    scheduler.cancel(timers.get(id))
    timers.delete(id)
  }
  const now = () => scheduler.now
  const RealDate = Date
  // A plain function, not a subclass, so `Date()` without `new` works and instances are real Dates
  // (structured-clone friendly, `instanceof Date` everywhere).
  function VirtualDate(this: unknown, ...args: unknown[]): Date | string {
    if (!new.target) return new RealDate(VIRTUAL_EPOCH + now()).toString()
    return args.length === 0 ? new RealDate(VIRTUAL_EPOCH + now()) : new RealDate(...(args as [string]))
  }
  VirtualDate.prototype = RealDate.prototype
  VirtualDate.now = () => VIRTUAL_EPOCH + now()
  VirtualDate.parse = RealDate.parse
  VirtualDate.UTC = RealDate.UTC
  const math = Object.create(Math) as Math
  Object.defineProperty(math, 'random', { value: random })
  return {
    setTimeout: setTimeout_,
    setInterval: setInterval_,
    clearTimeout: clear,
    clearInterval: clear,
    setImmediate: (fn, ...args) => setTimeout_(fn, 0, ...args),
    clearImmediate: clear,
    Date: VirtualDate as unknown as DateConstructor,
    performance: { now, timeOrigin: VIRTUAL_EPOCH },
    Math: math,
  }
}
