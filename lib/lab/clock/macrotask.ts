/**
 * Yield one real macrotask. Awaiting it drains every pending microtask (and Node's nextTick queue),
 * which is how the scheduler knows user code has gone as far as it can at the current virtual time.
 * setImmediate in Node (fast), a MessageChannel in workers (setTimeout(0) would be clamped to 4 ms).
 */
const realSetImmediate: ((fn: () => void) => unknown) | undefined =
  typeof globalThis.setImmediate === 'function' ? globalThis.setImmediate.bind(globalThis) : undefined

// Captured now: the worker removes MessageChannel from its global before running reader code (host/lockdown.ts).
const PrivateMessageChannel: typeof MessageChannel | undefined =
  typeof MessageChannel === 'function' ? MessageChannel : undefined
let channel: MessageChannel | undefined
const waiting: Array<() => void> = []

export function macrotask(): Promise<void> {
  if (realSetImmediate) return new Promise((resolve) => realSetImmediate(resolve))
  if (!channel) {
    channel = new PrivateMessageChannel!()
    channel.port1.onmessage = () => waiting.shift()?.()
  }
  return new Promise((resolve) => {
    waiting.push(resolve)
    channel!.port2.postMessage(0)
  })
}
