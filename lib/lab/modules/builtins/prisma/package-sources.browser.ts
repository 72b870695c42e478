/**
 * The browser version of `package-sources.ts` (next.config.mjs swaps it in): the adapter's ES module
 * arrives as text through webpack (`lab-prisma-adapter-pg-source` is an alias of
 * `@prisma/adapter-pg/dist/index.mjs`, and `?raw` makes it an `asset/source` module).
 */
import adapterPgModuleText from 'lab-prisma-adapter-pg-source?raw'
import * as glue from '@prisma/client/runtime/query_compiler_fast_bg.postgresql.mjs'

export const adapterPgSource: string = adapterPgModuleText

export const queryCompilerGlue: unknown = glue
