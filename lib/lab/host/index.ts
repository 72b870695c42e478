/** Browser entry: `createLabHost()` with the real worker. Tests use createLabHostWith and a fake worker. */
import { createLabWorker } from './create-worker'
import { createLabHostWith, type LabHost, type LabHostOptions } from './host'
import type { WorkerPreload } from './protocol'

export { createLabHostWith, LabHostError, type LabHost, type LabHostOptions, type WorkerLike } from './host'

/** `preload`: runtimes the page's labs need that the worker cannot fetch after its lockdown (Prisma's). */
export function createLabHost(options: LabHostOptions & { preload?: WorkerPreload[] } = {}): LabHost {
  return createLabHostWith({
    ...options,
    createWorker: options.createWorker ?? (() => createLabWorker(options.preload)),
  })
}
