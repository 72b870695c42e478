import { describe, expect, it } from 'vitest'
import { ok, engineForTestFile } from '../testing/engine-fixture'
import type { FileTree } from '../types'

const engine = engineForTestFile()

describe('handlers', () => {
  it('Pages Router: dynamic route, req.query, body parsing, cookies', async () => {
    const files: FileTree = {
      'pages/api/posts/[id].ts': `
export default function handler(req, res) {
  res.setHeader('x-method', req.method)
  res.status(201).json({ query: req.query, body: req.body, session: req.cookies.session, agent: req.headers['x-agent'] })
}
`,
      'pages/api/files/[...slug].ts': `export default (req, res) => res.send(req.query.slug.join('|'))`,
    }
    const r = ok(
      await engine.run({
        files,
        scenario: {
          requests: [
            {
              method: 'POST',
              path: '/api/posts/42?tab=comments&tag=a&tag=b',
              body: { title: 'Hi' },
              headers: { Cookie: 'session=abc', 'X-Agent': 'lab' },
            },
            {
              method: 'POST',
              path: '/api/posts/7',
              body: 'a=1&b=2',
              headers: { 'content-type': 'application/x-www-form-urlencoded' },
            },
            { path: '/api/files/a/b/c' },
          ],
        },
      }),
    )
    const [json, form, slug] = r.requests
    expect(json.status).toBe(201)
    expect(json.headers['x-method']).toBe('POST')
    expect(JSON.parse(json.body)).toEqual({
      query: { tab: 'comments', tag: ['a', 'b'], id: '42' },
      body: { title: 'Hi' },
      session: 'abc',
      agent: 'lab',
    })
    expect(JSON.parse(form.body).body).toEqual({ a: '1', b: '2' })
    expect(slug.body).toBe('a|b|c')
  })

  it('App Router: params is a Promise; a bare 405 (as in Next.js 16); automatic OPTIONS; HEAD falls back to GET', async () => {
    const files: FileTree = {
      'app/api/items/[id]/route.ts': `
import { NextResponse, type NextRequest } from 'next/server'
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  return NextResponse.json({ id, verbose: request.nextUrl.searchParams.get('verbose') })
}
export async function DELETE() {
  return new Response(null, { status: 204 })
}
`,
    }
    const r = ok(
      await engine.run({
        files,
        scenario: {
          requests: [
            { path: '/api/items/9?verbose=1' },
            { method: 'POST', path: '/api/items/9', body: {} },
            { method: 'OPTIONS', path: '/api/items/9' },
            { method: 'HEAD', path: '/api/items/9' },
          ],
        },
      }),
    )
    const [get, post, options, head] = r.requests
    expect(JSON.parse(get.body)).toEqual({ id: '9', verbose: '1' })
    expect(post.status).toBe(405)
    expect(post.headers.allow).toBeUndefined()
    expect(options.status).toBe(204)
    expect(options.headers.allow).toBe('DELETE, GET, HEAD, OPTIONS')
    expect(head.status).toBe(200)
    expect(head.body).toBe('')
  })

  it('unknown paths are 404; uncaught errors are 500 with the stack mapped to the file', async () => {
    const files: FileTree = {
      'app/api/boom/route.ts': `export async function GET() {\n  const data: any = undefined\n  return Response.json(data.items)\n}\n`,
    }
    const r = ok(await engine.run({ files, scenario: { requests: [{ path: '/api/nope' }, { path: '/api/boom' }] } }))
    expect(r.requests[0].status).toBe(404)
    expect(r.requests[1].status).toBe(500)
    expect(r.requests[1].error).toMatchObject({ kind: 'runtime', file: 'app/api/boom/route.ts', line: 3 })
    expect(r.requests[1].error?.message).toMatch(/^TypeError: Cannot read properties of undefined/)
    expect(r.console[0]).toMatchObject({ level: 'error', instance: 'λ1', request: 1 })
  })

  it('fetch reaches the app’s own routes but not the network', async () => {
    const files: FileTree = {
      'app/api/inner/route.ts': `export async function GET() { return Response.json({ inner: true }) }`,
      'app/api/outer/route.ts': `
export async function GET() {
  const own = await fetch('http://localhost:3000/api/inner').then((r) => r.json())
  let blocked = ''
  try { await fetch('https://example.com/') } catch (error: any) { blocked = error.message }
  return Response.json({ own, blocked })
}
`,
    }
    const r = ok(await engine.run({ files, scenario: { requests: [{ path: '/api/outer' }] } }))
    const body = JSON.parse(r.requests[0].body)
    expect(body.own).toEqual({ inner: true })
    expect(body.blocked).toMatch(/^fetch failed: https:\/\/example.com is not reachable from the lab/)
  })
})
