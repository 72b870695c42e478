/**
 * webpack loader: replaces the placeholder `query-compiler.postgresql.bin` with Prisma's Postgres
 * query compiler, decoded from the base64 module @prisma/client ships
 * (`runtime/query_compiler_fast_bg.postgresql.wasm-base64.js`). next.config.mjs registers it; the
 * worker references the placeholder with `new URL(…, import.meta.url)`, so webpack emits the 3.4 MB
 * module under `_next/static/media/` with a content hash, and only a Prisma lab fetches it.
 */
const { readFileSync } = require('node:fs')

module.exports = function queryCompilerLoader() {
  const file = require.resolve('@prisma/client/runtime/query_compiler_fast_bg.postgresql.wasm-base64.js')
  this.addDependency(file)
  const text = readFileSync(file, 'utf8')
  const base64 = /"([A-Za-z0-9+/=]+)"/.exec(text)?.[1]
  if (!base64)
    throw new Error(`${file}: no base64 string found; has @prisma/client changed how it ships the query compiler?`)
  return Buffer.from(base64, 'base64')
}
module.exports.raw = true
