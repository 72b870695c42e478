/** The slice of Node's EventEmitter that pg's Pool and Client expose; workers have no 'events'. */
type Listener = (...args: unknown[]) => void

export class Emitter {
  private listeners = new Map<string, Listener[]>()

  on(event: string, fn: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn])
    return this
  }
  addListener(event: string, fn: Listener): this {
    return this.on(event, fn)
  }
  once(event: string, fn: Listener): this {
    const wrapped: Listener = (...args) => {
      this.off(event, wrapped)
      fn(...args)
    }
    return this.on(event, wrapped)
  }
  off(event: string, fn: Listener): this {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((l) => l !== fn),
    )
    return this
  }
  removeListener(event: string, fn: Listener): this {
    return this.off(event, fn)
  }
  removeAllListeners(event?: string): this {
    if (event) this.listeners.delete(event)
    else this.listeners.clear()
    return this
  }
  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0
  }
  emit(event: string, ...args: unknown[]): boolean {
    const ls = this.listeners.get(event)
    if (!ls?.length) return false
    for (const l of [...ls]) l(...args)
    return true
  }
}
