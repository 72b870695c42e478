/**
 * The globals one instance's code sees: the virtual clock and seeded random, its console, a
 * `process` as a serverless function has it, `fetch` to the app's own routes, and no DOM.
 */
// In the worker this is the npm `buffer` package; in Node (tests), Node's own module, same API.
import { Buffer } from 'buffer'
import { createRandom } from '../clock/random'
import type { Scheduler } from '../clock/scheduler'
import { createVirtualGlobals } from '../clock/virtual-globals'
import { LAB_CWD } from '../modules/builtins/node-fs'
import { toRuntimeError } from '../modules/errors'
import type { ConsoleSink } from './console-sink'
import type { Instance } from './instance'

export interface InstanceScopeOptions {
  scheduler: Scheduler
  sink: ConsoleSink
  /** The run's seed; each instance gets its own random sequence from it. */
  seed: number
  /** `process.env` (NODE_ENV, VERCEL on Vercel, then the example's .env files); each instance gets its own copy. */
  processEnv: Record<string, string>
  fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>
  WebSocket: unknown
  writeConsole: (level: 'error', text: string, instance: string) => void
}

export function createInstanceScope(inst: Instance, o: InstanceScopeOptions): Record<string, unknown> {
  const id = inst.id
  const globals = createVirtualGlobals(o.scheduler, inst, createRandom(o.seed * 7919 + inst.number), (e) =>
    o.writeConsole('error', `Uncaught ${toRuntimeError(e).message}`, id),
  )
  return {
    ...globals,
    console: o.sink.consoleFor(id),
    process: {
      env: { ...o.processEnv },
      nextTick: (fn: (...a: unknown[]) => void, ...a: unknown[]) => queueMicrotask(() => fn(...a)),
      cwd: () => LAB_CWD,
      platform: 'linux',
      version: 'v22.12.0',
      versions: { node: '22.12.0' },
      on: () => undefined,
      once: () => undefined,
      exit: () => {
        throw new Error('process.exit() is not available in a serverless function.')
      },
    },
    fetch: o.fetch,
    window: undefined,
    document: undefined,
    self: undefined,
    postMessage: undefined,
    importScripts: undefined,
    XMLHttpRequest: undefined,
    WebSocket: o.WebSocket,
    Buffer,
    localStorage: undefined,
    indexedDB: undefined,
  }
}
