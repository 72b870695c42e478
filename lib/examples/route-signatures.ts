/**
 * What `next build` checks about an App Router route file besides its own types: that each exported HTTP
 * method fits Next.js 16's handler signature, with `params` a Promise of the segments the folder names.
 * The examples' type-check (typecheck.ts) adds one small module per route that assigns each export to that
 * type, so a Next 15 style `{ params }: { params: { id: string } }` fails here, in seconds, as it would fail
 * the build.
 */
import { posix } from 'node:path'

const METHODS = ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'] as const
const ROUTE_FILE = /(^|\/)app\/(.+\/)?route\.(ts|tsx)$/

/** The file name of the check module beside a route file. */
export const ROUTE_CHECK_FILE = '__next16_route_signature__.ts'

const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name))

/** `{ id: string; slug: string[] }` for `app/api/[id]/[...slug]/route.ts`. */
export function paramsType(routeFile: string): string {
  const fields = routeFile
    .split('/')
    .map((segment) => {
      const optional = /^\[\[\.\.\.(.+)\]\]$/.exec(segment)
      if (optional) return `${key(optional[1])}?: string[]`
      const catchAll = /^\[\.\.\.(.+)\]$/.exec(segment)
      if (catchAll) return `${key(catchAll[1])}: string[]`
      const dynamic = /^\[(.+)\]$/.exec(segment)
      return dynamic ? `${key(dynamic[1])}: string` : undefined
    })
    .filter(Boolean)
  return fields.length ? `{ ${fields.join('; ')} }` : '{}'
}

export interface ExportedMethod {
  method: (typeof METHODS)[number]
  /** Offset of the export in the route's source, where an error is reported. */
  offset: number
}

export function exportedMethods(source: string): ExportedMethod[] {
  const found: ExportedMethod[] = []
  for (const match of source.matchAll(
    /export\s+(?:async\s+)?(?:function\s*\*?\s*|(?:const|let|var)\s+)(GET|HEAD|OPTIONS|POST|PUT|PATCH|DELETE)\b/g,
  )) {
    found.push({ method: match[1] as ExportedMethod['method'], offset: match.index })
  }
  for (const match of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const name of match[1].split(',').map((part) => part.trim().split(/\s+as\s+/).pop()?.trim())) {
      if (METHODS.includes(name as ExportedMethod['method']) && !found.some((entry) => entry.method === name))
        found.push({ method: name as ExportedMethod['method'], offset: match.index })
    }
  }
  return found
}

export function signature(routeFile: string): string {
  return `(request: NextRequest, context: { params: Promise<${paramsType(routeFile)}> }) => Response | void | Promise<Response | void>`
}

/** The check module for a route file (`path` relative to its example or solution tree), or undefined for other files. */
export function routeCheckModule(path: string, source: string): string | undefined {
  if (!ROUTE_FILE.test(path)) return undefined
  const methods = exportedMethods(source)
  if (methods.length === 0) return undefined
  const base = `./${posix.basename(path).replace(/\.(ts|tsx)$/, '')}`
  return [
    "import type { NextRequest } from 'next/server'",
    `import * as route from '${base}'`,
    `type Handler = ${signature(path)}`,
    ...methods.map(({ method }) => `export const ${method}: Handler = route.${method}`),
    '',
  ].join('\n')
}
