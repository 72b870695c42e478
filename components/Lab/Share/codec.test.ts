import { describe, expect, it } from 'vitest'
import { decodeShare, encodeShare, MAX_DECODED_BYTES, MAX_LINK_CHARS, type SharedLab } from './codec'
import { readShareTarget, shareUrl } from './link'
import { openSharedFiles } from './open'

const LAB: SharedLab = {
  v: 1,
  example: 'pool-per-instance',
  hash: 'abc123',
  files: { 'lib/db.ts': `import { Pool } from 'pg'\nexport const pool = new Pool({ max: 1 }) // ünïcode ✓\n` },
}

/** base64url of raw bytes, as the codec writes it. */
const base64url = (bytes: Uint8Array) =>
  Buffer.from(bytes).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')

async function deflate(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

describe('share codec', () => {
  it('round-trips a lab’s changed files through a URL-safe payload', async () => {
    const payload = await encodeShare(LAB)
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/)
    await expect(decodeShare(payload, LAB.example)).resolves.toEqual({ ok: true, lab: LAB })
  })

  it('calls a cut-off link incomplete', async () => {
    const payload = await encodeShare(LAB)
    for (const cut of [payload.length - 1, payload.length - 3, Math.floor(payload.length / 2)]) {
      const decoded = await decodeShare(payload.slice(0, cut), LAB.example)
      expect(decoded, `cut at ${cut}`).toMatchObject({ ok: false, problem: 'truncated' })
      if (!decoded.ok) expect(decoded.message).toMatch(/incomplete or damaged/)
    }
  })

  it('refuses a link longer than MAX_LINK_CHARS before decoding it', async () => {
    const decoded = await decodeShare('A'.repeat(MAX_LINK_CHARS + 1), LAB.example)
    expect(decoded).toMatchObject({ ok: false, problem: 'oversized' })
    if (!decoded.ok)
      expect(decoded.message).toMatch(/too long to open \(32,001 characters; a lab link holds at most 32,000\)/)
  })

  it('stops inflating a small link that unpacks past MAX_DECODED_BYTES', async () => {
    const bomb = base64url(await deflate(' '.repeat(MAX_DECODED_BYTES * 4)))
    expect(bomb.length).toBeLessThan(MAX_LINK_CHARS)
    await expect(decodeShare(bomb, LAB.example)).resolves.toMatchObject({ ok: false, problem: 'oversized' })
  })

  it.each([
    ['characters outside base64url', 'abc+def/ghi=', /characters a lab link never has/],
    ['a lab for another example', null, /it is for the lab “other”/],
    ['text that is not JSON', 'not json at all', /not readable/],
    ['JSON that is not a lab', '{"v":1,"example":"pool-per-instance","hash":"x","files":{"a.ts":1}}', /not text/],
    ['no files', '{"v":1,"example":"pool-per-instance","hash":"x","files":{}}', /no files/],
    ['another version', '{"v":2,"example":"pool-per-instance","hash":"x","files":{"a":"b"}}', /another version/],
  ])('calls %s malformed', async (_, content, message) => {
    let payload: string
    if (content === null) payload = await encodeShare({ ...LAB, example: 'other' })
    else if (content.includes('+')) payload = content
    else payload = base64url(await deflate(content))
    const decoded = await decodeShare(payload, LAB.example)
    expect(decoded).toMatchObject({ ok: false, problem: 'malformed' })
    if (!decoded.ok) expect(decoded.message).toMatch(message)
  })
})

describe('share link', () => {
  const here = { origin: 'https://course.example', pathname: '/where-they-hurt/x/', search: '' } as Location

  it('puts the lab and its code in the fragment and reads them back', async () => {
    const payload = await encodeShare(LAB)
    const url = shareUrl(LAB.example, payload, here)
    expect(url).toBe(`https://course.example/where-they-hurt/x/#lab=pool-per-instance&code=${payload}`)
    expect(readShareTarget(new URL(url).hash)).toEqual({ example: LAB.example, payload })
  })

  it('ignores fragments that are not share links (heading anchors)', () => {
    expect(readShareTarget('#cold-starts')).toBeNull()
    expect(readShareTarget('')).toBeNull()
  })
})

describe('openSharedFiles', () => {
  const starter = { 'lib/db.ts': 'old', 'pages/api/a.ts': 'a', 'db/schema.sql': 'create table t ();' }
  const lab = { example: LAB.example, hash: 'abc123', readOnlyFiles: ['db/schema.sql'], starter }

  it('lays the link’s files over the starter and names what it leaves out', async () => {
    const payload = await encodeShare({
      ...LAB,
      hash: 'older',
      files: { 'lib/db.ts': 'new', 'db/schema.sql': 'drop table t;', 'lib/gone.ts': 'x', constructor: 'x' },
    })
    await expect(openSharedFiles(payload, lab)).resolves.toEqual({
      ok: true,
      files: { ...starter, 'lib/db.ts': 'new' },
      changedFiles: ['lib/db.ts'],
      ignoredFiles: ['db/schema.sql', 'lib/gone.ts', 'constructor'],
      exampleChanged: true,
    })
  })

  it('says so when nothing in the link applies to this lab', async () => {
    const payload = await encodeShare({ ...LAB, files: { 'lib/gone.ts': 'x' } })
    await expect(openSharedFiles(payload, lab)).resolves.toMatchObject({
      ok: false,
      message: expect.stringMatching(/only changes files this lab does not have \(lib\/gone.ts\)/),
    })
  })
})
