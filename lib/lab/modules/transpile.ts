/**
 * TypeScript/ESM → CommonJS with sucrase. Sucrase keeps line numbers, so runtime stack lines map
 * back to the reader's files with a constant offset (see errors.ts).
 */
import { transform } from 'sucrase'
import type { LabError } from '../types'

export interface CompiledModule {
  path: string
  code: string
  /** Specifiers the module requires (static imports, `import()` and literal `require`). */
  specifiers: string[]
  /** The module awaits at its top level (an ES module may); it is evaluated as an async function. */
  topLevelAwait: boolean
}

export class LabFailure extends Error {
  constructor(readonly labError: LabError) {
    super(labError.message)
  }
}

const CODE_FILE = /\.(ts|tsx|js|jsx|mjs|cjs)$/

export function isCodeFile(path: string): boolean {
  return CODE_FILE.test(path) && !path.endsWith('.d.ts') && !/\.(test|spec)\.[jt]sx?$/.test(path)
}

/**
 * Compiled modules by path and source, so a run whose files did not change skips sucrase. The
 * output depends on nothing else, and a `CompiledModule` is never mutated. Failures are not kept.
 */
const compiledCache = new Map<string, CompiledModule>()
const COMPILED_CACHE_SIZE = 200

export function compileModule(path: string, source: string): CompiledModule {
  const key = `${path}\0${source}`
  const cached = compiledCache.get(key)
  if (cached) return cached
  const compiled = compileUncached(path, source)
  if (compiledCache.size >= COMPILED_CACHE_SIZE) compiledCache.delete(compiledCache.keys().next().value!)
  compiledCache.set(key, compiled)
  return compiled
}

function compileUncached(path: string, source: string): CompiledModule {
  if (path.endsWith('.json')) {
    return {
      path,
      code: `module.exports = ${JSON.stringify(JSON.parse(source))};`,
      specifiers: [],
      topLevelAwait: false,
    }
  }
  const transforms: Array<'typescript' | 'imports' | 'jsx'> = ['imports']
  if (/\.tsx?$/.test(path)) transforms.unshift('typescript')
  if (/x$/.test(path)) transforms.push('jsx')
  let code: string
  try {
    code = transform(source, { transforms, filePath: path, production: true }).code
  } catch (error) {
    throw new LabFailure(toCompileError(path, source, error))
  }
  const specifiers = new Set<string>()
  for (const m of code.matchAll(/\brequire\(\s*(['"])([^'"]+)\1\s*\)/g)) specifiers.add(m[2])
  return { path, code, specifiers: [...specifiers], topLevelAwait: hasTopLevelAwait(code) }
}

export const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as FunctionConstructor

/**
 * Whether the compiled module only parses as an async function body: an `await` at its top level.
 * Only checked when the text has an `await`; both parses are cached with the compiled module.
 */
function hasTopLevelAwait(code: string): boolean {
  if (!/\bawait\b/.test(code)) return false
  try {
    new Function(code)
    return false
  } catch {
    try {
      new AsyncFunction(code)
      return true
    } catch {
      return false
    }
  }
}

function toCompileError(path: string, source: string, error: unknown): LabError {
  const e = error as { message?: string; pos?: number }
  const raw = String(e.message ?? error)
  const message = raw.replace(/^Error transforming [^:]+: /, '').replace(/\s*\(\d+:\d+\)$/, '')
  if (typeof e.pos !== 'number') return { kind: 'compile', message: `${path}: ${message}`, file: path }
  const before = source.slice(0, e.pos).split('\n')
  const line = before.length
  const column = before[before.length - 1].length + 1
  return { kind: 'compile', message: `${path}:${line}:${column} ${message}`, file: path, line, column }
}
