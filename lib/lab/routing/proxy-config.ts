/**
 * The app's proxy (`proxy.ts`, or `middleware.ts` as before Next.js 16) and the paths it runs for:
 * `config.matcher`, read statically and checked as `next build` checks it (Next's
 * middleware-config.ts): a path string, or an array of path strings and `{ source, locale, has,
 * missing }` objects, each source starting with `/`. A matcher Next.js would refuse, or one the lab
 * cannot simulate (`has`/`missing`), fails the run with the file, line and fix.
 */
import type { LabError } from '../types'
import { compileMatcher, toRegExp } from './matcher'
import { lineAndColumn, readExportedConst, StaticValueError } from './static-config'

const PROXY_FILES = ['proxy.ts', 'proxy.js', 'middleware.ts', 'middleware.js', 'src/proxy.ts', 'src/middleware.ts']

export interface ProxyRoute {
  ok: true
  file: string
  matches: (pathname: string) => boolean
}

export type ProxyConfigFailure = { ok: false; error: LabError }

export function findProxy(files: Record<string, string>): ProxyRoute | ProxyConfigFailure | undefined {
  const file = PROXY_FILES.find((f) => f in files)
  if (!file) return undefined
  const matcher = readProxyMatcher(file, files[file])
  if (!matcher.ok) return matcher
  return { ok: true, file, matches: compileMatcher(matcher.sources) }
}

/** The matcher's path sources (undefined: no matcher, the proxy runs for every path), or why it cannot be read. */
export function readProxyMatcher(
  file: string,
  source: string,
): { ok: true; sources: string[] | undefined } | ProxyConfigFailure {
  const fail = (offset: number, message: string): ProxyConfigFailure => {
    const { line, column } = lineAndColumn(source, offset)
    return {
      ok: false,
      error: { kind: 'compile', message: `${file}:${line}:${column}: ${message}`, file, line, column },
    }
  }
  let config
  try {
    config = readExportedConst(source, 'config')
  } catch (error) {
    if (!(error instanceof StaticValueError)) throw error
    return fail(
      error.offset,
      `Next.js can't recognize the exported \`config\` field: ${error.message} at "${error.path}". It reads \`config\` at build time without running the file, so write the matcher inline as a string or an array of strings (for example \`export const config = { matcher: ['/api/:path*'] }\`).`,
    )
  }
  if (!config.found || config.value === undefined || config.value === null || typeof config.value !== 'object')
    return { ok: true, sources: undefined }
  const matcher = (config.value as { matcher?: unknown }).matcher
  if (matcher === undefined) return { ok: true, sources: undefined }
  const list = Array.isArray(matcher) ? matcher : typeof matcher === 'string' ? [matcher] : undefined
  const matcherAt = source.indexOf('matcher', config.offset)
  const at = matcherAt < 0 ? config.offset : matcherAt
  if (!list)
    return fail(
      at,
      "config.matcher must be a path (`matcher: '/api/:path*'`) or an array of paths and `{ source }` objects; Next.js refuses anything else at build time.",
    )
  const sources: string[] = []
  for (const [i, entry] of list.entries()) {
    const where = Array.isArray(matcher) ? `config.matcher[${i}]` : 'config.matcher'
    const item = typeof entry === 'string' ? { source: entry } : entry
    if (!item || typeof item !== 'object' || Array.isArray(item))
      return fail(at, `${where} must be a path string or a \`{ source }\` object, as Next.js requires.`)
    const { source: path, has, missing, locale, ...unknown } = item as Record<string, unknown>
    const extra = Object.keys(unknown)
    if (extra.length)
      return fail(
        at,
        `${where} has \`${extra[0]}\`, which Next.js does not accept: a matcher object takes \`source\`, \`locale\`, \`has\` and \`missing\`.`,
      )
    if (typeof path !== 'string') return fail(at, `${where} needs a \`source\` path string, such as '/api/:path*'.`)
    if (!path.startsWith('/'))
      return fail(at, `${where}: the source '${path}' must start with /, as Next.js requires (write '/${path}').`)
    if (path.length > 4096) return fail(at, `${where}: the source is longer than Next.js's limit of 4096 characters.`)
    if (locale !== undefined && locale !== false)
      return fail(at, `${where}: \`locale\` can only be \`false\` in Next.js.`)
    if (has !== undefined || missing !== undefined)
      return fail(
        at,
        `${where} uses \`${has !== undefined ? 'has' : 'missing'}\`: the lab does not simulate matcher conditions on headers, cookies, the query or the host. Match the path only, and check the condition inside the proxy function instead (for example \`if (!request.cookies.has('session')) return NextResponse.next()\`).`,
      )
    try {
      toRegExp(path)
    } catch (error) {
      return fail(at, `${where}: Invalid source '${path}': ${(error as Error).message}.`)
    }
    sources.push(path)
  }
  return { ok: true, sources }
}
