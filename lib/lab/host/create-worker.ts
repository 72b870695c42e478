/**
 * The one place that names the worker file. webpack 5 (inside Next) recognises exactly this
 * `new Worker(new URL('./lab.worker.ts', import.meta.url))` pattern and bundles the worker.
 *
 * The host talks to the worker over a private MessageChannel, never over the Worker object itself:
 * code running in the worker can reach the worker's global object, and before the worker has
 * locked it down (lockdown.ts) its `postMessage` would reach whoever listens on the Worker.
 */
import type { WorkerLike } from './host'
import { isFromWorker, type ConnectMessage, type FromWorker, type WorkerPreload } from './protocol'

/** `preload`: what the worker must load before it locks down (it can fetch nothing afterwards). */
export function createLabWorker(preload: WorkerPreload[] = []): WorkerLike {
  return overPrivateChannel(new Worker(new URL('./lab.worker.ts', import.meta.url)), preload)
}

/** The engine's end of a channel handed to `worker` in its first message; only well-formed messages get through. */
export function overPrivateChannel(worker: Worker, preload: WorkerPreload[] = []): WorkerLike {
  const { port1, port2 } = new MessageChannel()
  worker.postMessage({ type: 'connect', preload } satisfies ConnectMessage, [port2])
  const channel: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage: (message) => port1.postMessage(message),
    terminate: () => {
      port1.close()
      worker.terminate()
    },
  }
  port1.onmessage = (event: MessageEvent<unknown>) => {
    if (isFromWorker(event.data)) channel.onmessage?.({ data: event.data as FromWorker })
  }
  // A script that fails to load is reported here; after lockdown the worker keeps its own errors.
  worker.onerror = (event) => channel.onerror?.(event)
  return channel
}
