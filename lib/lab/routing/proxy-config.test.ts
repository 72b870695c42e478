import { describe, expect, it } from 'vitest'
import { findProxy, readProxyMatcher } from './proxy-config'

const proxy = (config: string) => `import { NextResponse } from 'next/server'
export function proxy() {
  return NextResponse.next()
}
${config}
`

function sources(config: string) {
  const r = readProxyMatcher('proxy.ts', proxy(config))
  if (!r.ok) throw new Error(r.error.message)
  return r.sources
}

function error(config: string) {
  const r = readProxyMatcher('proxy.ts', proxy(config))
  if (r.ok) throw new Error('expected an error')
  return r.error
}

describe('config.matcher, read as next build reads it', () => {
  it('reads a string, an array, objects, comments, trailing commas and every quote', () => {
    expect(sources(`export const config = { matcher: '/api/:path*' }`)).toEqual(['/api/:path*'])
    expect(
      sources(`export const config = {
  // only the API
  matcher: [
    "/api/:path*", /* and */ \`/admin\`,
    { source: '/((?!_next/static|favicon.ico).*)', locale: false },
  ],
}`),
    ).toEqual(['/api/:path*', '/admin', '/((?!_next/static|favicon.ico).*)'])
    expect(
      sources(`export const config = { runtime: 'nodejs', matcher: ['/a\\'b'] } satisfies { matcher: string[] }`),
    ).toEqual(["/a'b"])
    expect(sources(`export const config: { matcher: string } = { matcher: '/x' } as const`)).toEqual(['/x'])
  })

  it('runs the proxy for every path when there is no config or no matcher', () => {
    expect(sources('')).toBeUndefined()
    expect(sources(`export const config = { regions: ['iad1'] }`)).toBeUndefined()
    expect(findProxy({ 'proxy.ts': proxy('') })).toMatchObject({ ok: true, file: 'proxy.ts' })
    expect(findProxy({ 'app/api/x/route.ts': '' })).toBeUndefined()
  })

  it('matches paths as the matcher says', () => {
    const found = findProxy({
      'middleware.ts': proxy(`export const config = { matcher: ['/api/:path*', { source: '/admin' }] }`),
    })
    if (!found?.ok) throw new Error('expected a proxy')
    expect(['/api', '/api/a/b', '/admin', '/apix', '/'].map(found.matches)).toEqual([true, true, true, false, false])
  })

  it('names the file, line and fix for a matcher Next.js cannot read statically', () => {
    const e = error(`const PATHS = ['/api/:path*']
export const config = {
  matcher: PATHS,
}`)
    expect(e).toMatchObject({ kind: 'compile', file: 'proxy.ts', line: 7, column: 12 })
    expect(e.message).toContain(
      'proxy.ts:7:12: Next.js can\'t recognize the exported `config` field: Unknown identifier "PATHS" at "config.matcher"',
    )
    expect(e.message).toContain("export const config = { matcher: ['/api/:path*'] }")
    expect(error(`export const config = { matcher: [...shared] }`).message).toContain('Unsupported spread operator')
    expect(error('export const config = { matcher: `/api/${x}` }').message).toContain(
      'template literal with expressions',
    )
    expect(error(`export const config = { matcher: '/a' + '/b' }`).message).toContain('Unsupported expression')
  })

  it('refuses what Next.js refuses, and says what the lab does not simulate', () => {
    expect(error(`export const config = { matcher: 'api/:path*' }`).message).toContain(
      "must start with /, as Next.js requires (write '/api/:path*')",
    )
    expect(error(`export const config = { matcher: { source: '/a' } }`).message).toContain('must be a path')
    expect(error(`export const config = { matcher: [{ path: '/a' }] }`).message).toContain(
      'has `path`, which Next.js does not accept',
    )
    expect(error(`export const config = { matcher: [42] }`).message).toContain(
      'config.matcher[0] must be a path string',
    )
    const has = error(`export const config = {
  matcher: [{ source: '/api/:path*', has: [{ type: 'header', key: 'x-admin' }] }],
}`)
    expect(has).toMatchObject({ line: 6, column: 3 })
    expect(has.message).toContain('the lab does not simulate matcher conditions')
  })
})
