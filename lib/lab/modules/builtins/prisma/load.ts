/**
 * Loads the Prisma runtime once per worker (or Node process), only for a project that uses it.
 * `import()` makes webpack put `runtime.ts` and everything it imports (the client runtime, the
 * adapter's source and the query compiler's glue) in a chunk of its own; the query compiler's
 * WebAssembly module is a separate file that `runtime.ts` fetches. A page without a Prisma lab
 * loads none of it.
 */
import type { PrismaRuntime } from './runtime'

let loading: Promise<PrismaRuntime> | undefined

export function loadPrismaRuntime(): Promise<PrismaRuntime> {
  loading ??= import(/* webpackChunkName: "lab-prisma" */ './runtime')
    .then((m) => m.createPrismaRuntime())
    .catch((error: unknown) => {
      loading = undefined
      throw error
    })
  return loading
}
