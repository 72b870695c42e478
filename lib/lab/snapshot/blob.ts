/**
 * A data-directory tarball as the Blob `PGlite.create({ loadDataDir })` expects. PGlite gunzips a
 * Blob whose type says gzip (0.5.16: `application/x-gzip` and friends), so the type follows the
 * bytes, not the file name or a server's Content-Type: a host that sends the file with
 * `Content-Encoding: gzip` hands over a plain tarball.
 */
export function dataDirBlob(bytes: Uint8Array<ArrayBuffer>): Blob {
  const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b
  return new Blob([bytes], { type: gzip ? 'application/x-gzip' : 'application/x-tar' })
}
