/**
 * The one place that names the worker file. webpack 5 (inside Next) recognises exactly this
 * `new Worker(new URL('./lab.worker.ts', import.meta.url))` pattern and bundles the worker.
 */
export function createLabWorker(): Worker {
  return new Worker(new URL('./lab.worker.ts', import.meta.url))
}
