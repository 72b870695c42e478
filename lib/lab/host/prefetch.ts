/**
 * The downloads the lab worker's database needs, started the moment the worker starts, before the
 * engine's code is even parsed: the snapshot of an empty data directory that the build ships
 * (lib/lab/snapshot/, so PGlite skips initdb), PGlite's WebAssembly (compiled while it streams in)
 * and its file-system bundle. Each one that fails is left to PGlite (or to initdb, for the
 * snapshot): slower, same database. Imports nothing heavy.
 */
import { dataDirBlob } from '../snapshot/blob'

/** webpack emits the snapshot as `_next/static/media/empty-database.<hash>.pgdata` (see next.config.mjs). */
export const SNAPSHOT_URL = new URL('../snapshot/empty-database.pgdata', import.meta.url)
/** The same files PGlite itself would fetch: webpack emits each once. */
const PGLITE_WASM_URL = new URL('@electric-sql/pglite/pglite.wasm', import.meta.url)
const PGLITE_DATA_URL = new URL('@electric-sql/pglite/pglite.data', import.meta.url)

export interface DatabaseAssets {
  /** The data directory as a plain tarball, or undefined (then initdb). */
  snapshot: Promise<Blob | undefined>
  pgliteWasmModule: Promise<WebAssembly.Module | undefined>
  fsBundle: Promise<Blob | undefined>
}

/**
 * The snapshot, gunzipped here (in parallel with the WebAssembly compile) so PGlite only untars it;
 * undefined when it cannot be fetched.
 */
export async function fetchSnapshot(
  url: URL | string = SNAPSHOT_URL,
  fetchFn: typeof fetch = fetch,
): Promise<Blob | undefined> {
  try {
    const response = await fetchFn(url)
    if (!response.ok) return undefined
    const blob = dataDirBlob(new Uint8Array(await response.arrayBuffer()))
    if (blob.type !== 'application/x-gzip' || typeof DecompressionStream === 'undefined') return blob
    const tar = await new Response(blob.stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer()
    return new Blob([tar], { type: 'application/x-tar' })
  } catch {
    return undefined
  }
}

async function compileWasm(url: URL, fetchFn: typeof fetch): Promise<WebAssembly.Module | undefined> {
  try {
    return await WebAssembly.compileStreaming(fetchFn(url))
  } catch {
    return undefined
  }
}

async function fetchBlob(url: URL, fetchFn: typeof fetch): Promise<Blob | undefined> {
  try {
    const response = await fetchFn(url)
    return response.ok ? await response.blob() : undefined
  } catch {
    return undefined
  }
}

export function prefetchDatabaseAssets(fetchFn: typeof fetch = fetch): DatabaseAssets {
  return {
    snapshot: fetchSnapshot(SNAPSHOT_URL, fetchFn),
    pgliteWasmModule: compileWasm(PGLITE_WASM_URL, fetchFn),
    fsBundle: fetchBlob(PGLITE_DATA_URL, fetchFn),
  }
}
