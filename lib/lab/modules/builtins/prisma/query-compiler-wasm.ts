/**
 * The Postgres query compiler, compiled once per worker or Node process. Its bytes are the package's
 * own (`@prisma/client/runtime/query_compiler_fast_bg.postgresql.wasm-base64.mjs`: 3.4 MB of
 * WebAssembly as 4.6 MB of base64).
 *
 * - In the browser, webpack emits them as a binary file (`query-compiler.postgresql.bin`, a committed
 *   placeholder that `query-compiler-loader.cjs` fills with the decoded module at build time), which
 *   the worker fetches and compiles before its lockdown, only on a page with a Prisma lab.
 * - In Node (tests, examples/verify's engine runner) the base64 module is imported and decoded.
 */
const inNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string'

export async function loadQueryCompilerWasm(): Promise<WebAssembly.Module> {
  if (inNode) {
    const specifier = '@prisma/client/runtime/query_compiler_fast_bg.postgresql.wasm-base64.mjs'
    const { wasm } = (await import(/* webpackIgnore: true */ /* @vite-ignore */ specifier)) as { wasm: string }
    return WebAssembly.compile(Buffer.from(wasm, 'base64'))
  }
  const response = await fetch(new URL('./query-compiler.postgresql.bin', import.meta.url))
  if (!response.ok)
    throw new Error(`the query compiler (query-compiler.postgresql.bin) did not download: HTTP ${response.status}`)
  return WebAssembly.compile(await response.arrayBuffer())
}
