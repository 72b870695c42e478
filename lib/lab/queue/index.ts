/**
 * The queues of one run: the simulated SQS with its Lambda consumers, the BullMQ stand-in and the
 * `Procfile` processes, built from the example's files (config.ts) and wired to the platform.
 */
import type { Scheduler } from '../clock/scheduler'
import { createAwsSdkSqs } from '../modules/builtins/aws-sdk-sqs'
import type { ConsoleSink } from '../platform/console-sink'
import type { Platform } from '../platform/platform'
import type { PlatformSettings, QueueEvent } from '../types'
import { DEFAULT_PLATFORM } from '../settings'
import { BullmqStandIn } from './bullmq'
import { FunctionHost } from './invoke'
import type { QueueModules } from '../modules/builtins'
import type { QueueInfrastructure } from './config'
import { SimulatedSqs } from './sqs'

export { QueueConfigError, QUEUES_FILE, PROCFILE, readQueueInfrastructure, type QueueInfrastructure } from './config'

/** Where the queue services' own console lines come from (titled in `console-sources.ts`). */
export const SQS_CONSOLE = 'sqs'
export const BULLMQ_CONSOLE = 'bullmq'

export interface QueueServices {
  /** Built-in modules for the platform: `@aws-sdk/client-sqs`, `aws-lambda` (types only), `bullmq`. */
  modules: QueueModules
  /** Start the consumers and processes, each on a platform `makePlatform` builds for it. */
  start(makePlatform: (settings: PlatformSettings, instanceName: (n: number) => string) => Platform): void
  /** Messages and jobs still to be processed, and invocations in flight: the run waits for them. */
  readonly outstanding: number
}

export function createQueueServices(options: {
  /** The example's `infra/queues.json` and `Procfile`, read and checked by the build (`run/build.ts`). */
  infra: QueueInfrastructure
  scheduler: Scheduler
  emit: (e: QueueEvent) => void
  sink: ConsoleSink
  seed: number
}): QueueServices {
  const { scheduler, sink } = options
  const { infra } = options
  const sqs = new SimulatedSqs(
    scheduler,
    options.emit,
    (text, level = 'info') => sink.write(level, SQS_CONSOLE, undefined, `[simulated SQS] ${text}`),
    infra.queues,
    options.seed,
  )
  const bullmq = new BullmqStandIn(scheduler, options.emit, (text, level = 'info') =>
    sink.write(level, BULLMQ_CONSOLE, undefined, `[BullMQ stand-in, no Redis] ${text}`),
  )
  return {
    modules: {
      '@aws-sdk/client-sqs': createAwsSdkSqs(scheduler, sqs),
      // Types only (`SQSEvent`, `SQSBatchResponse`, `Context`), as in `@types/aws-lambda`.
      'aws-lambda': { __esModule: true },
      bullmq: bullmq.module(),
    },
    start(makePlatform) {
      for (const consumer of infra.consumers) {
        // Each consumer is its own Lambda function: its own instances, its own timeout.
        const settings = { ...DEFAULT_PLATFORM.lambda, maxDurationSeconds: consumer.Timeout }
        const platform = makePlatform(settings, (n) => `${consumer.queue}-λ${n}`)
        const host = new FunctionHost({ scheduler, settings, pool: platform.pool, sink })
        sqs.addConsumer(consumer, (file, exportName, args) => host.invoke(file, exportName, args))
      }
      for (const process of infra.processes) {
        // A long-running process, as `tsx worker.ts` on a server or a container: never frozen.
        const settings = DEFAULT_PLATFORM.server
        const platform = makePlatform(settings, (n) => (n === 1 ? process.name : `${process.name}${n}`))
        const host = new FunctionHost({ scheduler, settings, pool: platform.pool, sink })
        scheduler.schedule(0, () => void host.startProcess(process.file), null)
      }
    },
    get outstanding() {
      return sqs.outstanding + bullmq.outstanding
    },
  }
}
