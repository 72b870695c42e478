/** The app's proxy (`proxy.ts`, or `middleware.ts` as before Next.js 16) and the paths it runs for. */
import type { LabError } from '../types'
import { compileMatcher } from './matcher'

const PROXY_FILES = ['proxy.ts', 'proxy.js', 'middleware.ts', 'middleware.js', 'src/proxy.ts', 'src/middleware.ts']

export interface ProxyRoute {
  ok: true
  file: string
  matches: (pathname: string) => boolean
}

export function findProxy(files: Record<string, string>): ProxyRoute | { ok: false; error: LabError } | undefined {
  const file = PROXY_FILES.find((f) => f in files)
  if (!file) return undefined
  return { ok: true, file, matches: compileMatcher(readMatcher(files[file])) }
}

/** `export const config = { matcher: ... }` read statically, as Next does at build time. */
function readMatcher(source: string): unknown {
  const m = /matcher\s*:\s*(\[[\s\S]*?\]|'[^']*'|"[^"]*"|`[^`]*`)/.exec(source)
  if (!m) return undefined
  try {
    return JSON.parse(
      m[1]
        .replace(/'/g, '"')
        .replace(/`/g, '"')
        .replace(/,\s*\]/, ']'),
    )
  } catch {
    return undefined
  }
}
