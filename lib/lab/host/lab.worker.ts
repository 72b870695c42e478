/**
 * The lab worker: runs the engine off the main thread. Answers pings between virtual-clock steps
 * (the scheduler yields a macrotask after every event), so a ping left unanswered means user code
 * is stuck in a synchronous loop and the host terminates the worker.
 */
import { createEngine } from '../engine'
import type { FromWorker, ToWorker } from './protocol'

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null
  postMessage(message: FromWorker): void
}
const engine = createEngine()
const runs = new Map<number, AbortController>()

scope.onmessage = (event) => {
  const msg = event.data
  switch (msg.type) {
    case 'ping':
      scope.postMessage({ type: 'pong', seq: msg.seq })
      break
    case 'ready':
      engine.ready().then(
        () => scope.postMessage({ type: 'ready', ok: true }),
        (error: unknown) =>
          scope.postMessage({ type: 'ready', ok: false, message: String((error as Error)?.message ?? error) }),
      )
      break
    case 'run': {
      const controller = new AbortController()
      runs.set(msg.id, controller)
      engine
        .run(msg.input, { signal: controller.signal })
        .then(
          (outcome) => scope.postMessage({ type: 'result', id: msg.id, outcome }),
          (error: unknown) =>
            scope.postMessage({ type: 'crash', id: msg.id, message: String((error as Error)?.message ?? error) }),
        )
        .finally(() => runs.delete(msg.id))
      break
    }
    case 'cancel':
      runs.get(msg.id)?.abort()
      break
  }
}
