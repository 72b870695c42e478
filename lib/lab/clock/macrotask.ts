/**
 * Yield one real macrotask. Awaiting it drains every pending microtask (and Node's nextTick queue),
 * which is how the scheduler knows user code has gone as far as it can at the current virtual time.
 * setImmediate in Node (fast), a MessageChannel in workers (setTimeout(0) would be clamped to 4 ms).
 */
const realSetImmediate: ((fn: () => void) => unknown) | undefined =
  typeof globalThis.setImmediate === 'function' ? globalThis.setImmediate.bind(globalThis) : undefined

let channel: MessageChannel | undefined
const waiting: Array<() => void> = []

export function macrotask(): Promise<void> {
  if (realSetImmediate) return new Promise((resolve) => realSetImmediate(resolve))
  if (!channel) {
    channel = new MessageChannel()
    channel.port1.onmessage = () => waiting.shift()?.()
  }
  return new Promise((resolve) => {
    waiting.push(resolve)
    channel!.port2.postMessage(0)
  })
}
