/**
 * The two package files the lab evaluates itself rather than as bundled modules: the adapter's ES
 * module as text (compiled by the lab's module system, so its `pg` is the run's simulated one) and
 * the query compiler's wasm-bindgen glue (a plain import: it holds no state until the client starts
 * it). This is the Node version (tests, `npm run bench:lab`, examples/verify's engine runner);
 * next.config.mjs swaps in `package-sources.browser.ts` for the lab worker.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import * as glue from '@prisma/client/runtime/query_compiler_fast_bg.postgresql.mjs'

/** `@prisma/adapter-pg/dist/index.mjs`, the file the package's `import` condition names. */
export const adapterPgSource: string = readFileSync(
  createRequire(import.meta.url)
    .resolve('@prisma/adapter-pg')
    .replace(/index\.js$/, 'index.mjs'),
  'utf8',
)

export const queryCompilerGlue: unknown = glue
