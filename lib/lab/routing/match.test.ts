import { describe, expect, it } from 'vitest'
import { buildRoutes, matchRoute } from './match'
import { toRegExp } from './matcher'

describe('route table', () => {
  const routes = buildRoutes({
    'pages/api/posts/index.ts': '',
    'pages/api/posts/[id].ts': '',
    'pages/api/posts/new.ts': '',
    'pages/api/files/[...path].ts': '',
    'pages/api/opt/[[...rest]].ts': '',
    'app/api/items/[id]/route.ts': '',
    'app/(shop)/api/cart/route.ts': '',
  })
  it('prefers static segments and collects catch-alls', () => {
    expect(matchRoute(routes, '/api/posts/new')?.route.file).toBe('pages/api/posts/new.ts')
    expect(matchRoute(routes, '/api/posts/42')?.params).toEqual({ id: '42' })
    expect(matchRoute(routes, '/api/posts')?.route.file).toBe('pages/api/posts/index.ts')
    expect(matchRoute(routes, '/api/files/a/b.txt')?.params).toEqual({ path: ['a', 'b.txt'] })
    expect(matchRoute(routes, '/api/files')).toBeUndefined()
    expect(matchRoute(routes, '/api/opt')?.params).toEqual({})
    expect(matchRoute(routes, '/api/cart')?.route.file).toBe('app/(shop)/api/cart/route.ts')
  })
  it('compiles matchers like Next', () => {
    expect(toRegExp('/api/:path*').test('/api')).toBe(true)
    expect(toRegExp('/api/:path*').test('/api/a/b')).toBe(true)
    expect(toRegExp('/api/:path*').test('/apix')).toBe(false)
    expect(toRegExp('/((?!_next/static).*)').test('/api/x')).toBe(true)
  })
})
