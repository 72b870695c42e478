/** The route table: file paths → URL patterns with Next.js's dynamic segment rules and precedence. */

export type SegmentKind = 'static' | 'dynamic' | 'catchall' | 'optional-catchall'

export interface Segment {
  kind: SegmentKind
  value: string
}

export interface Route {
  router: 'pages' | 'app'
  file: string
  pattern: string
  segments: Segment[]
  /** App Router: `export const revalidate = N` (seconds) or `dynamic = 'force-static'` (Infinity), read statically as `next build` does. */
  revalidateSeconds?: number
  /** App Router: `export const dynamic = 'force-static'`; the handler gets an empty request. */
  forceStatic?: boolean
}

export interface RouteMatch {
  route: Route
  params: Record<string, string | string[]>
}

const CODE_EXT = /\.(ts|tsx|js|jsx|mjs)$/

function exportsMutatingMethod(source: string): boolean {
  return /export\s+(async\s+)?(function|const|let)\s+(POST|PUT|PATCH|DELETE|OPTIONS)\b/.test(source)
}

export function buildRoutes(files: Record<string, string>): Route[] {
  const routes: Route[] = []
  for (const file of Object.keys(files)) {
    const path = file.replace(/^src\//, '')
    if (!CODE_EXT.test(path) || /\.(test|spec|d)\.[jt]sx?$/.test(path)) continue
    if (path.startsWith('pages/api/')) {
      const parts = path.replace(CODE_EXT, '').split('/').slice(2)
      if (parts[parts.length - 1] === 'index') parts.pop()
      if (parts.some((p) => p.startsWith('_'))) continue
      routes.push(makeRoute('pages', file, parts))
    } else if (path.startsWith('app/') && /\/route\.(ts|js|tsx|jsx|mjs)$/.test(path)) {
      const parts = path
        .split('/')
        .slice(1, -1)
        .filter((p) => !(p.startsWith('(') && p.endsWith(')')) && !p.startsWith('@'))
      if (parts.some((p) => p.startsWith('_'))) continue
      const route = makeRoute('app', file, parts)
      const source = files[file]
      if (/export\s+const\s+dynamic\s*=\s*['"]force-static['"]/.test(source)) route.forceStatic = true
      const revalidate = /export\s+const\s+revalidate\s*=\s*(\d+(?:\.\d+)?|false)/.exec(source)?.[1]
      // As in next's app-route module ("Route is configured with methods that cannot be statically
      // generated"), and checked by examples/verify: a route file that also exports POST, PUT, PATCH,
      // DELETE or OPTIONS is never prerendered, so its GET runs every time whatever `revalidate` says.
      const cacheable = !exportsMutatingMethod(source)
      if (cacheable && revalidate && revalidate !== 'false' && Number(revalidate) > 0)
        route.revalidateSeconds = Number(revalidate)
      else if (
        cacheable &&
        (revalidate === 'false' || /export\s+const\s+dynamic\s*=\s*['"]force-static['"]/.test(source))
      )
        route.revalidateSeconds = Infinity
      routes.push(route)
    }
  }
  // Static beats dynamic beats catch-all, segment by segment; App Router first on a tie.
  return routes.sort(compareRoutes)
}

function makeRoute(router: Route['router'], file: string, parts: string[]): Route {
  const segments: Segment[] = parts.map((p) => {
    let m: RegExpExecArray | null
    if ((m = /^\[\[\.\.\.(.+)\]\]$/.exec(p))) return { kind: 'optional-catchall', value: m[1] }
    if ((m = /^\[\.\.\.(.+)\]$/.exec(p))) return { kind: 'catchall', value: m[1] }
    if ((m = /^\[(.+)\]$/.exec(p))) return { kind: 'dynamic', value: m[1] }
    return { kind: 'static', value: p }
  })
  const pattern = '/' + (router === 'pages' ? ['api', ...parts] : parts).join('/')
  if (router === 'pages') segments.unshift({ kind: 'static', value: 'api' })
  return { router, file, pattern, segments }
}

const RANK: Record<SegmentKind, number> = { static: 0, dynamic: 1, catchall: 2, 'optional-catchall': 3 }

function compareRoutes(a: Route, b: Route): number {
  const n = Math.max(a.segments.length, b.segments.length)
  for (let i = 0; i < n; i++) {
    const x = a.segments[i]
    const y = b.segments[i]
    if (!x || !y) return x ? 1 : -1
    const d = RANK[x.kind] - RANK[y.kind]
    if (d) return d
  }
  return a.router === b.router ? a.file.localeCompare(b.file) : a.router === 'app' ? -1 : 1
}

export function matchRoute(routes: Route[], pathname: string): RouteMatch | undefined {
  const parts = pathname.split('/').filter(Boolean).map(safeDecode)
  for (const route of routes) {
    const params = matchSegments(route.segments, parts)
    if (params) return { route, params }
  }
  return undefined
}

function matchSegments(segments: Segment[], parts: string[]): Record<string, string | string[]> | undefined {
  const params: Record<string, string | string[]> = {}
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]
    if (s.kind === 'catchall' || s.kind === 'optional-catchall') {
      const rest = parts.slice(i)
      if (!rest.length && s.kind === 'catchall') return undefined
      if (rest.length) params[s.value] = rest
      return params
    }
    const part = parts[i]
    if (part === undefined) return undefined
    if (s.kind === 'static' && s.value !== part) return undefined
    if (s.kind === 'dynamic') params[s.value] = part
  }
  return parts.length === segments.length ? params : undefined
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}
