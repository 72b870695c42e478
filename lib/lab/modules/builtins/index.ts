/**
 * The modules the reader's code can import without a file of its own: one namespace per platform,
 * shared by every instance (module-scope state lives in each instance's registry, not here).
 * To add a built-in module: build it in its own file in this folder, add its name to
 * `BUILTIN_MODULES` and its value to `createBuiltins`; the Playground page lists them for readers.
 */
// In the worker this is the npm `buffer` package; in Node (tests), Node's own module, same API.
import { Buffer } from 'buffer'
import * as zod from 'zod'
import type { Scheduler } from '../../clock/scheduler'
import { createPgModule, type PgHooks } from '../../database/pg-module'
import type { FileTree } from '../../types'
import { createNextCache, type NextCacheRuntime } from './next-cache'
import { createNextHeaders } from './next-headers'
import { createNextNavigation } from './next-navigation'
import { createNextServer } from './next-server'
import { createNodeFs, path as nodePath } from './node-fs'
import { createVercelFunctions, type VercelFunctionsRuntime } from './vercel-functions'

export const BUILTIN_MODULES = [
  'next',
  'next/server',
  'next/headers',
  'next/cache',
  'next/navigation',
  'pg',
  '@vercel/functions',
  'server-only',
  'zod',
  'fs',
  'fs/promises',
  'path',
  'buffer',
  'node:fs',
  'node:fs/promises',
  'node:path',
  'node:buffer',
] as const

export type NextRequestClass = new (input: URL, init?: RequestInit) => Request

/** What the built-in modules need from the platform that runs them. */
export interface BuiltinsRuntime {
  scheduler: Scheduler
  /** The example's own files, which `fs` reads. */
  files: FileTree
  pg: Omit<PgHooks, 'scheduler'>
  cache: NextCacheRuntime
  vercel: VercelFunctionsRuntime
  /** `after()` from next/server: queue `task` for when the current request has responded. */
  after(task: unknown): void
}

export interface Builtins {
  /** Module name (a `BUILTIN_MODULES` entry) to its namespace. */
  modules: Record<string, unknown>
  /** next/server's NextRequest, which the platform hands to proxies and route handlers. */
  NextRequest: NextRequestClass
}

export function createBuiltins(rt: BuiltinsRuntime): Builtins {
  const { scheduler } = rt
  const pg = createPgModule({ scheduler, ...rt.pg })
  const nextServer = createNextServer({ scheduler, after: rt.after })
  const { fs, promises } = createNodeFs(rt.files, (text) => Buffer.from(text))
  const pathModule = { ...nodePath, default: nodePath, __esModule: true }
  const bufferModule = { Buffer, default: { Buffer }, __esModule: true }
  const modules: Record<(typeof BUILTIN_MODULES)[number], unknown> = {
    next: { __esModule: true, default: {} },
    'next/server': nextServer,
    'next/headers': createNextHeaders(scheduler),
    'next/cache': createNextCache(rt.cache),
    pg,
    '@vercel/functions': createVercelFunctions(rt.vercel),
    'next/navigation': createNextNavigation(),
    'server-only': { __esModule: true },
    zod,
    fs,
    'node:fs': fs,
    'fs/promises': promises,
    'node:fs/promises': promises,
    path: pathModule,
    'node:path': pathModule,
    buffer: bufferModule,
    'node:buffer': bufferModule,
  }
  return { modules, NextRequest: nextServer.NextRequest as NextRequestClass }
}
