/**
 * A lab's changed files as the text of a share link, and back: JSON, compressed with the browser's
 * own CompressionStream('deflate-raw'), in base64url. Nothing leaves the browser: the link is the
 * only copy. No library: the platform has the compression and the format is five fields; a zip or
 * LZ library would add kilobytes for no gain.
 *
 * Decoding never trusts the link: its length is checked before anything else, the decompressed
 * size is capped while it streams (a small link can inflate to gigabytes), and the result must be
 * exactly a SharedLab for this example, or the reader gets a message saying what is wrong.
 * Loaded only when a link is opened or made (LabInteractive.tsx, CopyLinkButton.tsx).
 */
import type { FileTree } from '@/lib/lab/types'

/** What a link carries. `hash` is the example's starter hash when the link was made. */
export interface SharedLab {
  v: 1
  example: string
  hash: string
  /** Only the files that differ from the example's starter. */
  files: FileTree
}

/**
 * Links past this length are refused both ways. Browsers open far longer URLs, but chat apps and
 * mail clients cut long ones, and an edited lab compresses to 1–5 kB (2–7k characters).
 */
export const MAX_LINK_CHARS = 32_000
/** A cap on the decompressed JSON, far above any lab (the largest example is under 20 kB). */
export const MAX_DECODED_BYTES = 512 * 1024
const MAX_FILES = 64

export type DecodeProblem = 'oversized' | 'truncated' | 'malformed'

export type Decoded = { ok: true; lab: SharedLab } | { ok: false; problem: DecodeProblem; message: string }

const BASE64URL = /^[A-Za-z0-9_-]+$/

export async function encodeShare(lab: SharedLab): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(lab))
  const stream = new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw'))
  return toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()))
}

export async function decodeShare(payload: string, example: string): Promise<Decoded> {
  if (payload.length > MAX_LINK_CHARS) {
    return {
      ok: false,
      problem: 'oversized',
      message: `This share link is too long to open (${payload.length.toLocaleString('en')} characters; a lab link holds at most ${MAX_LINK_CHARS.toLocaleString('en')}).`,
    }
  }
  const truncated: Decoded = {
    ok: false,
    problem: 'truncated',
    message: 'This share link is incomplete or damaged: it was probably cut off when it was copied.',
  }
  const malformed = (why: string): Decoded => ({
    ok: false,
    problem: 'malformed',
    message: `This is not a valid share link for this lab (${why}).`,
  })
  if (!BASE64URL.test(payload)) return malformed('it has characters a lab link never has')
  const bytes = fromBase64Url(payload)
  if (!bytes) return truncated
  let json: string
  try {
    const inflated = await inflateCapped(bytes, MAX_DECODED_BYTES)
    if (inflated === 'too-large') {
      return {
        ok: false,
        problem: 'oversized',
        message: `This share link unpacks to more than ${MAX_DECODED_BYTES / 1024} kB of code, more than any lab holds.`,
      }
    }
    json = new TextDecoder('utf-8', { fatal: true }).decode(inflated)
  } catch {
    return truncated
  }
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    return malformed('its content is not readable')
  }
  const problem = shapeProblem(value, example)
  return problem ? malformed(problem) : { ok: true, lab: value as SharedLab }
}

function shapeProblem(value: unknown, example: string): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'its content is not a lab'
  const lab = value as Record<string, unknown>
  if (lab.v !== 1) return 'it was made by another version of the course'
  if (lab.example !== example) return `it is for the lab “${String(lab.example).slice(0, 80)}”`
  if (typeof lab.hash !== 'string') return 'it has no example version'
  const files = lab.files
  if (typeof files !== 'object' || files === null || Array.isArray(files)) return 'it has no files'
  const entries = Object.entries(files)
  if (entries.length === 0) return 'it has no files'
  if (entries.length > MAX_FILES) return `it has ${entries.length} files`
  for (const [path, code] of entries) {
    if (typeof code !== 'string' || path.length === 0 || path.length > 300) return 'a file in it is not text'
  }
  return undefined
}

/** Inflates `bytes`, stopping as soon as the output passes `cap`. Throws on damaged or cut-off data. */
async function inflateCapped(bytes: Uint8Array, cap: number): Promise<Uint8Array | 'too-large'> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > cap) {
      await reader.cancel().catch(() => undefined)
      return 'too-large'
    }
    chunks.push(value)
  }
  const out = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.byteLength
  }
  return out
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64Url(text: string): Uint8Array | undefined {
  // A length of 4n + 1 cannot come out of base64: the link lost characters.
  if (text.length % 4 === 1) return undefined
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
    return Uint8Array.from(binary, (char) => char.charCodeAt(0))
  } catch {
    return undefined
  }
}
