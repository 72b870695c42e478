/**
 * Prisma ORM 7 in the lab: the real packages, wired to the lab's own `pg`.
 *
 * - The generated client (`prisma-client` generator, made at build time from the example's
 *   `prisma/schema.prisma`, see lib/examples/prisma-generate.mjs) is the reader's own code and
 *   imports `@prisma/client/runtime/client`. The lab answers that import with the package's
 *   `wasm-compiler-edge` build: the same client and query compiler as the Node build, without the
 *   `node:async_hooks`, `node:fs` and `node:os` imports a browser worker does not have.
 * - `@prisma/adapter-pg` is the published package's ES module, compiled by the lab's module system
 *   like any other module, with its `import pg from 'pg'` answered by the run's simulated `pg`. So
 *   every connection Prisma opens is a `pg.Pool` connection the simulated server counts, per
 *   instance, exactly as for a reader's own `new Pool()`.
 * - The query compiler (WebAssembly) is compiled once per process and handed to the generated
 *   client in place of its base64 copy (`compilerWasm.getQueryCompilerWasmModule`), which would
 *   decode and compile the same bytes again.
 */
import * as clientRuntime from '@prisma/client/runtime/wasm-compiler-edge'
import * as browserRuntime from '@prisma/client/runtime/index-browser'
import * as driverAdapterUtils from '@prisma/driver-adapter-utils'
import * as postgresArray from 'postgres-array'
import { compileModule } from '../../transpile'
import { loadQueryCompilerWasm } from './query-compiler-wasm'
import { adapterPgSource, queryCompilerGlue } from './package-sources'

/** The real `Function`, captured when this chunk loads (the worker's lockdown later wraps the global one). */
const CompileFunction = Function

export interface PrismaRuntime {
  /** The Prisma modules for one run, whose adapter talks to that run's `pg`. */
  builtins(pg: unknown): Record<string, unknown>
}

interface CompilerWasmConfig {
  getRuntime: () => Promise<unknown>
  getQueryCompilerWasmModule: () => Promise<WebAssembly.Module>
  importName: string
}

export async function createPrismaRuntime(): Promise<PrismaRuntime> {
  const wasmModule = await loadQueryCompilerWasm()
  const glue = queryCompilerGlue
  const adapterCode = compileModule('node_modules/@prisma/adapter-pg/dist/index.mjs', adapterPgSource).code

  const getPrismaClient = (config: { compilerWasm?: CompilerWasmConfig }) =>
    clientRuntime.getPrismaClient({
      ...config,
      compilerWasm: config.compilerWasm && {
        ...config.compilerWasm,
        getRuntime: async () => glue,
        getQueryCompilerWasmModule: async () => wasmModule,
      },
    } as Parameters<typeof clientRuntime.getPrismaClient>[0])
  const runtimeModule = { ...clientRuntime, getPrismaClient, __esModule: true }

  return {
    builtins(pg) {
      const packages: Record<string, unknown> = {
        pg,
        // sucrase calls an imported function as `Debug.call(undefined, …)`; @prisma/debug's `Debug`
        // is a function without `call` on its prototype chain, so it gets a plain wrapper.
        '@prisma/driver-adapter-utils': {
          ...driverAdapterUtils,
          Debug: (name: string) => driverAdapterUtils.Debug(name),
        },
        'postgres-array': postgresArray,
      }
      const module: { exports: Record<string, unknown> } = { exports: {} }
      const require = (name: string) => {
        if (name in packages) return packages[name]
        throw new Error(`Cannot find module '${name}' from @prisma/adapter-pg`)
      }
      new CompileFunction('exports', 'require', 'module', adapterCode)(module.exports, require, module)
      return {
        '@prisma/client/runtime/client': runtimeModule,
        '@prisma/client/runtime/query_compiler_fast_bg.postgresql.js': glue,
        // The generated client only reads this through `compilerWasm`, which the lab replaces above.
        '@prisma/client/runtime/query_compiler_fast_bg.postgresql.wasm-base64.js': { __esModule: true, wasm: '' },
        '@prisma/adapter-pg': module.exports,
        '@prisma/client/runtime/index-browser': browserRuntime,
      }
    },
  }
}
