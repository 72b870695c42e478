/**
 * The inverse of mount.ts's `mapPath`, for messages: `next build` reports a type error at
 * `app/api/x/<key>/api/orders/route.ts:12:5`; the author edits `examples/<id>/app/api/orders/route.ts`
 * (or `examples/<id>/solution/…` for a solution variant's own files). A line number after the path is
 * moved back by one in files that mount.ts gave an import line (its `process.env` rewrite).
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Variant } from './variants'

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

function exampleFile(repo: string, variant: Variant, path: string): string {
  if (variant.kind === 'solution' && existsSync(join(repo, 'examples', variant.id, 'solution', path))) {
    return `examples/${variant.id}/solution/${path}`
  }
  return `examples/${variant.id}/${path}`
}

/** `path` inside the example (`app/api/orders/route.ts`) for a path of the generated app, if it is one. */
function examplePath(variant: Variant, mounted: string): string | undefined {
  const key = variant.key
  const files = Object.keys(variant.files)
  const withSrc = (path: string) => (files.includes(path) ? path : files.includes(`src/${path}`) ? `src/${path}` : path)
  if (mounted.startsWith(`app/api/x/${key}/`)) return withSrc(`app${mounted.slice(`app/api/x/${key}`.length)}`)
  if (mounted.startsWith(`pages/api/x/${key}/api/`))
    return withSrc(`pages/api${mounted.slice(`pages/api/x/${key}/api`.length)}`)
  if (mounted.startsWith(`ex/${key}/__verify/`)) return undefined
  if (/^ex\/[^/]+\/proxy\.[jt]s$/.test(mounted) && mounted.startsWith(`ex/${key}/`)) {
    return files.find((file) => /^(src\/)?(proxy|middleware)\.[jt]s$/.test(file))
  }
  if (mounted.startsWith(`ex/${key}/`)) return mounted.slice(`ex/${key}/`.length)
  return undefined
}

/** Lines mount.ts inserted before `line` of `source` (the env import goes after any directive prologue). */
function insertedBefore(source: string | undefined, line: number): number {
  if (!source || !/\bprocess\.env\b/.test(source)) return 0
  const prologue = /^(\s*(['"])use [^'"]+\2;?[ \t]*\r?\n)+/.exec(source)
  const prologueLines = prologue ? prologue[0].split('\n').length - 1 : 0
  return line > prologueLines + 1 ? 1 : 0
}

/** Rewrites every generated-app path in `text` that belongs to a variant into the example's own path. */
export function toExamplePaths(text: string, variants: Variant[], repo: string): string {
  let result = text
  for (const variant of variants) {
    const key = escape(variant.key)
    const pattern = new RegExp(
      `(?:\\./)?((?:app/api/x/${key}|pages/api/x/${key}/api|ex/${key})/[^\\s:'"()]+)(?::(\\d+)(?::(\\d+))?|\\((\\d+),(\\d+)\\))?`,
      'g',
    )
    result = result.replace(pattern, (whole, mounted: string, line?: string, column?: string, pLine?: string, pColumn?: string) => {
      const path = examplePath(variant, mounted)
      if (!path) return whole
      const at = line ?? pLine
      const col = column ?? pColumn
      const position = at ? `:${Number(at) - insertedBefore(variant.files[path], Number(at))}${col ? `:${col}` : ''}` : ''
      return exampleFile(repo, variant, path) + position
    })
  }
  return result
}
