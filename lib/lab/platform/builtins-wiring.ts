/**
 * The modules the reader's code imports, wired to one platform's parts: `pg` to the database server
 * and the instance pool, `next/cache` to the response cache, `@vercel/functions` to background work
 * and WebSocket upgrades, and the run's extra modules (Prisma's, the queue stand-ins).
 */
import { createBuiltins } from '../modules/builtins'
import { createUpgradeWebSocket } from '../websocket/upgrade'
import type { BackgroundWork } from './background'
import type { Instance } from './instance'
import type { InstancePool } from './instance-pool'
import type { PlatformOptions } from './platform'

export interface PlatformParts {
  vercel: boolean
  instances: InstancePool
  background: BackgroundWork
  writeConsole: (level: 'warn' | 'error', text: string) => void
}

export function platformBuiltins(o: PlatformOptions, { vercel, instances, background, writeConsole }: PlatformParts) {
  return createBuiltins({
    scheduler: o.scheduler,
    files: o.project.files,
    pg: {
      server: o.server,
      onPoolIdleChange: (inst) => inst && instances.checkIdle(inst as Instance),
      onUnhandledError: (inst, error) =>
        o.sink.write(
          'error',
          inst?.id ?? 'build',
          undefined,
          `Unhandled 'error' event from pg: ${error.message}. Add pool.on('error', ...) to handle it.`,
        ),
    },
    cache: {
      cache: o.cache,
      warn: (m) => writeConsole('warn', m),
      background: (label, work) => {
        const ctx = o.scheduler.current
        if (ctx?.instance) void background.run(ctx.instance as Instance, ctx.request, work, label)
        else void work()
      },
    },
    vercel: {
      onVercel: vercel,
      waitUntil: (promise) => {
        const ctx = o.scheduler.current
        if (ctx?.instance) void background.run(ctx.instance as Instance, ctx.request, promise, 'waitUntil')
      },
      attachPool: (pool) => {
        const inst = (pool.instance ?? o.scheduler.current?.instance) as Instance | undefined
        if (inst && !inst.attachedPools.includes(pool)) inst.attachedPools.push(pool)
      },
      upgradeWebSocket: createUpgradeWebSocket({ scheduler: o.scheduler, hub: o.webSockets, onVercel: vercel }),
    },
    after: (task) => background.queueAfter(task),
    extra: o.extraBuiltins,
    queues: o.queueModules,
  })
}
