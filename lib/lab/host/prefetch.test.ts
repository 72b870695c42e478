import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { fetchSnapshot } from './prefetch'

const TAR = new Uint8Array(1024).fill(7)
const respond = (body: Uint8Array | null, status = 200) =>
  (async () => new Response(body as BodyInit | null, { status })) as unknown as typeof fetch

describe('fetchSnapshot', () => {
  it('gunzips a gzipped snapshot into a plain tarball for PGlite', async () => {
    const blob = await fetchSnapshot('http://localhost/s.pgdata', respond(new Uint8Array(gzipSync(TAR))))
    expect(blob?.type).toBe('application/x-tar')
    expect(new Uint8Array(await blob!.arrayBuffer())).toEqual(TAR)
  })

  it('passes a tarball a host already decoded (Content-Encoding: gzip) through', async () => {
    const blob = await fetchSnapshot('http://localhost/s.pgdata', respond(TAR))
    expect(blob?.type).toBe('application/x-tar')
    expect(blob?.size).toBe(TAR.length)
  })

  it('gives undefined, so the worker runs initdb, when the snapshot is missing or the fetch fails', async () => {
    await expect(fetchSnapshot('http://localhost/s.pgdata', respond(null, 404))).resolves.toBeUndefined()
    const failing = (async () => {
      throw new TypeError('Failed to fetch')
    }) as unknown as typeof fetch
    await expect(fetchSnapshot('http://localhost/s.pgdata', failing)).resolves.toBeUndefined()
  })
})
