/** Turning what a request did into the `RequestResult` the reader sees, and the cache's copy of it. */
import type { ResponseWriter } from '../routing/response-writer'
import type { LabError, RequestResult } from '../types'
import type { CachedResponse } from './response-cache'

export type ResultBase = Pick<RequestResult, 'index' | 'method' | 'path'>

/** A response the platform produces without an instance (404, cache hit): it takes no time. */
export function resultWithoutInstance(
  base: ResultBase,
  start: number,
  status: number,
  headers: Record<string, string>,
  body: string,
): RequestResult {
  return {
    ...base,
    status,
    headers,
    body,
    timing: { start, end: start, queuedMs: 0, coldStartMs: 0, handlerMs: 0, databaseMs: 0 },
    cold: false,
  }
}

export interface HandledRequest {
  base: ResultBase
  writer: ResponseWriter
  timing: RequestResult['timing']
  instance: string
  cold: boolean
  platformError: string | undefined
  error: LabError | undefined
}

/** The result of a request an instance handled; a body written in several pieces (or SSE/NDJSON) is a stream. */
export function resultFromWriter(h: HandledRequest): RequestResult {
  const { writer } = h
  const result: RequestResult = {
    ...h.base,
    status: writer.status,
    headers: headersRecord(writer.headers),
    body: writer.body,
    timing: h.timing,
    instance: h.instance,
    cold: h.cold,
  }
  if (writer.truncated) result.truncated = true
  if (isStreamed(writer)) result.chunks = writer.chunks
  if (h.platformError) result.platformError = h.platformError
  if (h.error) result.error = h.error
  return result
}

/** A body written in one piece is not a stream; several writes (or an SSE/NDJSON type) are. */
export function isStreamed(writer: ResponseWriter): boolean {
  return writer.chunks.length > 1 || /event-stream|ndjson/.test(writer.headers.get('content-type') ?? '')
}

export function toCached(r: RequestResult): CachedResponse {
  return { status: r.status, headers: { ...r.headers }, body: r.body }
}

export function formatBytes(n: number): string {
  return n % (1024 * 1024) === 0 ? `${n / (1024 * 1024)} MB` : `${Math.round(n / 1024)} kB`
}

function headersRecord(h: Headers): Record<string, string> {
  const out: Record<string, string> = {}
  h.forEach((v, k) => {
    if (k !== 'set-cookie') out[k] = v
  })
  const cookies = h.getSetCookie()
  if (cookies.length) out['set-cookie'] = cookies.join('\n')
  return out
}
