/**
 * The two package files the lab evaluates itself rather than as webpack modules: the adapter's ES
 * module as text (compiled by the lab's module system, so its `pg` is the run's simulated one: a
 * `?raw` import, which Vite and next.config.mjs's `asset/source` rule both answer with the file's
 * text), and the query compiler's wasm-bindgen glue (a plain import: it holds no state until the
 * client starts it).
 */
import adapterPgModuleText from '@prisma/adapter-pg?raw'
import * as glue from '@prisma/client/runtime/query_compiler_fast_bg.postgresql.mjs'

/** `@prisma/adapter-pg/dist/index.mjs`, the file the package's `import` condition names. */
export const adapterPgSource: string = adapterPgModuleText

export const queryCompilerGlue: unknown = glue
