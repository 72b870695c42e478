/**
 * `fs`, `fs/promises` and `path` for the reader's code: a read-only file system over the example's
 * own files, rooted at `process.cwd()` (LAB_CWD), as a deployed function sees its bundle. Writes fail
 * with EROFS, as they do in /var/task on AWS Lambda and Vercel. `path` is POSIX only.
 */
import type { FileTree } from '../../types'

/** The function's working directory: where AWS Lambda and Vercel put the deployed files. */
export const LAB_CWD = '/var/task'

function normalize(p: string): string {
  const absolute = p.startsWith('/')
  const parts: string[] = []
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (parts.length && parts[parts.length - 1] !== '..') parts.pop()
      else if (!absolute) parts.push('..')
    } else parts.push(part)
  }
  const out = (absolute ? '/' : '') + parts.join('/')
  return out || (absolute ? '/' : '.')
}

export const path = {
  sep: '/',
  delimiter: ':',
  normalize,
  isAbsolute: (p: string) => p.startsWith('/'),
  join: (...parts: string[]) => normalize(parts.filter((p) => p !== '').join('/') || '.'),
  resolve: (...parts: string[]) => {
    let out = ''
    for (let i = parts.length - 1; i >= 0 && !out.startsWith('/'); i--) out = parts[i] + (out ? '/' + out : '')
    return normalize(out.startsWith('/') ? out : `${LAB_CWD}/${out}`)
  },
  dirname: (p: string) => {
    const n = p.replace(/\/+$/, '')
    const i = n.lastIndexOf('/')
    return i < 0 ? '.' : i === 0 ? '/' : n.slice(0, i)
  },
  basename: (p: string, ext?: string) => {
    const base = p.replace(/\/+$/, '').split('/').pop() ?? ''
    return ext && base.endsWith(ext) && base !== ext ? base.slice(0, -ext.length) : base
  },
  extname: (p: string) => {
    const base = p.split('/').pop() ?? ''
    const i = base.lastIndexOf('.')
    return i <= 0 ? '' : base.slice(i)
  },
  relative: (from: string, to: string) => {
    const a = path.resolve(from).split('/').filter(Boolean)
    const b = path.resolve(to).split('/').filter(Boolean)
    let i = 0
    while (i < a.length && i < b.length && a[i] === b[i]) i++
    return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/')
  },
  parse: (p: string) => {
    const base = path.basename(p)
    const ext = path.extname(p)
    return {
      root: p.startsWith('/') ? '/' : '',
      dir: path.dirname(p),
      base,
      ext,
      name: ext ? base.slice(0, -ext.length) : base,
    }
  },
  format: (o: { dir?: string; base?: string; name?: string; ext?: string }) =>
    (o.dir ? o.dir + '/' : '') + (o.base ?? (o.name ?? '') + (o.ext ?? '')),
}
Object.assign(path, { posix: path, default: path })

function fsError(code: 'ENOENT' | 'EROFS' | 'EISDIR' | 'ENOTDIR', syscall: string, p: string): Error {
  const text = {
    ENOENT: 'no such file or directory',
    EROFS: 'read-only file system',
    EISDIR: 'illegal operation on a directory',
    ENOTDIR: 'not a directory',
  }[code]
  return Object.assign(new Error(`${code}: ${text}, ${syscall} '${p}'`), { code, syscall, path: p, errno: -1 })
}

type Encoding = string | { encoding?: string | null } | undefined | null

export function createNodeFs(
  files: FileTree,
  toBuffer: (text: string) => unknown,
): { fs: Record<string, unknown>; promises: Record<string, unknown> } {
  /** Path inside the tree ('' is the root), or undefined when outside the deployed files. */
  const inTree = (p: unknown): string | undefined => {
    const abs = path.resolve(String(p instanceof URL ? p.pathname : p))
    if (abs === LAB_CWD) return ''
    return abs.startsWith(LAB_CWD + '/') ? abs.slice(LAB_CWD.length + 1) : undefined
  }
  const isDir = (rel: string) => rel === '' || Object.keys(files).some((f) => f.startsWith(rel + '/'))
  const read = (p: unknown, enc: Encoding): unknown => {
    const rel = inTree(p)
    if (rel !== undefined && rel in files) {
      const encoding = typeof enc === 'string' ? enc : enc?.encoding
      return encoding ? files[rel] : toBuffer(files[rel])
    }
    if (rel !== undefined && isDir(rel)) throw fsError('EISDIR', 'read', String(p))
    throw fsError('ENOENT', 'open', String(p))
  }
  const list = (p: unknown): string[] => {
    const rel = inTree(p)
    if (rel === undefined || !isDir(rel)) {
      if (rel !== undefined && rel in files) throw fsError('ENOTDIR', 'scandir', String(p))
      throw fsError('ENOENT', 'scandir', String(p))
    }
    const prefix = rel ? rel + '/' : ''
    const names = new Set<string>()
    for (const f of Object.keys(files)) if (f.startsWith(prefix)) names.add(f.slice(prefix.length).split('/')[0])
    return [...names].sort()
  }
  const stat = (p: unknown) => {
    const rel = inTree(p)
    if (rel === undefined || (!(rel in files) && !isDir(rel))) throw fsError('ENOENT', 'stat', String(p))
    const file = rel in files
    return {
      size: file ? new TextEncoder().encode(files[rel]).length : 4096,
      isFile: () => file,
      isDirectory: () => !file,
      isSymbolicLink: () => false,
      mtime: new Date(0),
      mtimeMs: 0,
    }
  }
  const exists = (p: unknown) => {
    const rel = inTree(p)
    return rel !== undefined && (rel in files || isDir(rel))
  }
  const readOnly = (syscall: string) => (p: unknown) => {
    throw fsError('EROFS', syscall, String(p))
  }
  const writes = {
    writeFile: 'open',
    appendFile: 'open',
    mkdir: 'mkdir',
    rm: 'rm',
    unlink: 'unlink',
    rename: 'rename',
    copyFile: 'copyfile',
    rmdir: 'rmdir',
  } as const
  const promises: Record<string, unknown> = {
    readFile: async (p: unknown, enc?: Encoding) => read(p, enc),
    readdir: async (p: unknown) => list(p),
    stat: async (p: unknown) => stat(p),
    lstat: async (p: unknown) => stat(p),
    access: async (p: unknown) => {
      if (!exists(p)) throw fsError('ENOENT', 'access', String(p))
    },
  }
  const sync: Record<string, unknown> = {
    readFileSync: read,
    readdirSync: list,
    statSync: stat,
    lstatSync: stat,
    existsSync: exists,
    accessSync: (p: unknown) => {
      if (!exists(p)) throw fsError('ENOENT', 'access', String(p))
    },
  }
  for (const [name, syscall] of Object.entries(writes)) {
    promises[name] = async (p: unknown) => readOnly(syscall)(p)
    sync[`${name}Sync`] = readOnly(syscall)
  }
  const fs = { ...sync, promises, constants: { F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1 } }
  return {
    fs: { ...fs, default: fs, __esModule: true },
    promises: { ...promises, default: promises, __esModule: true },
  }
}
