/** Module resolution inside the virtual tree: relative paths, the `@/` alias and the built-ins. */
import type { FileTree } from '../types'

const EXTENSIONS = ['', '.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.json']
const INDEXES = ['/index.ts', '/index.tsx', '/index.js', '/index.jsx']

export type Resolution =
  { kind: 'builtin'; name: string } | { kind: 'file'; path: string } | { kind: 'missing'; tried: string[] }

export function resolveSpecifier(spec: string, from: string, files: FileTree, builtins: readonly string[]): Resolution {
  if (builtins.includes(spec)) return { kind: 'builtin', name: spec }
  let base: string
  if (spec.startsWith('@/')) base = spec.slice(2)
  else if (spec.startsWith('./') || spec.startsWith('../') || spec === '.' || spec === '..')
    base = joinPath(dirname(from), spec)
  else if (spec.startsWith('/')) base = spec.slice(1)
  else return { kind: 'missing', tried: [] }
  const tried: string[] = []
  for (const ext of EXTENSIONS) {
    const p = base + ext
    if (ext) tried.push(p)
    if (p in files && ext !== '') return { kind: 'file', path: p }
    if (ext === '' && p in files && /\.[a-z]+$/.test(p)) return { kind: 'file', path: p }
  }
  for (const idx of INDEXES) {
    const p = base + idx
    tried.push(p)
    if (p in files) return { kind: 'file', path: p }
  }
  return { kind: 'missing', tried }
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/')
  return i < 0 ? '' : path.slice(0, i)
}

export function joinPath(dir: string, rel: string): string {
  const parts = dir ? dir.split('/') : []
  for (const part of rel.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') parts.pop()
    else parts.push(part)
  }
  return parts.join('/')
}
