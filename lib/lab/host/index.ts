/** Browser entry: `createLabHost()` with the real worker. Tests use createLabHostWith and a fake worker. */
import { createLabWorker } from './create-worker'
import { createLabHostWith, type LabHost, type LabHostOptions } from './host'

export { createLabHostWith, LabHostError, type LabHost, type LabHostOptions, type WorkerLike } from './host'

export function createLabHost(options: LabHostOptions = {}): LabHost {
  return createLabHostWith({
    ...options,
    createWorker: options.createWorker ?? createLabWorker,
  })
}
