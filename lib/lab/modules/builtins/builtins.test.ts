import { describe, expect, it } from 'vitest'
import { ok, engineForTestFile } from '../../testing/engine-fixture'
import type { FileTree } from '../../types'

const engine = engineForTestFile()

describe('next/* built-ins', () => {
  it('cookies() and headers() are async and bound to the request; cookies().set adds Set-Cookie', async () => {
    const files: FileTree = {
      'app/api/me/route.ts': `
import { cookies, headers } from 'next/headers'
export async function GET() {
  const jar = await cookies()
  const h = await headers()
  jar.set('seen', '1', { httpOnly: true })
  return Response.json({ session: jar.get('session')?.value ?? null, agent: h.get('user-agent') })
}
`,
    }
    const r = ok(
      await engine.run({
        files,
        scenario: { requests: [{ path: '/api/me', headers: { cookie: 'session=s1', 'user-agent': 'lab-test' } }] },
      }),
    )
    expect(JSON.parse(r.requests[0].body)).toEqual({ session: 's1', agent: 'lab-test' })
    expect(r.requests[0].headers['set-cookie']).toBe('seen=1; Path=/; HttpOnly')
  })

  it('unstable_cache serves hits platform-wide and revalidateTag(tag, "max") serves stale while refreshing', async () => {
    const files: FileTree = {
      'db/schema.sql': 'create table n (v int); insert into n values (1);',
      'lib/data.ts': `
import { unstable_cache } from 'next/cache'
import { Pool } from 'pg'
const pool = new Pool()
export const getValue = unstable_cache(async () => (await pool.query('select v from n')).rows[0].v, ['value'], { tags: ['n'] })
`,
      'app/api/value/route.ts': `
import { getValue } from '@/lib/data'
export async function GET() { return Response.json({ v: await getValue() }) }
`,
      'app/api/bump/route.ts': `
import { revalidateTag } from 'next/cache'
import { Pool } from 'pg'
const pool = new Pool()
export async function POST() {
  await pool.query('update n set v = v + 1')
  revalidateTag('n', 'max')
  return Response.json({ ok: true })
}
`,
    }
    const r = ok(
      await engine.run({
        files,
        scenario: {
          platform: { profile: 'fluid' },
          requests: [
            { path: '/api/value' },
            { path: '/api/value', at: 1000 },
            { method: 'POST', path: '/api/bump', at: 2000 },
            { path: '/api/value', at: 3000 },
            { path: '/api/value', at: 4000 },
          ],
        },
      }),
    )
    expect(r.requests.map((q) => q.body)).toEqual(['{"v":1}', '{"v":1}', '{"ok":true}', '{"v":1}', '{"v":2}'])
    expect(r.timeline.filter((e) => e.type === 'cache').map((e) => e.type === 'cache' && e.result)).toEqual([
      'miss',
      'hit',
      'revalidate',
      'stale',
      'revalidate',
      'hit',
    ])
  })
})
