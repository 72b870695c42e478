/**
 * One instance's module registry: evaluates the reader's CommonJS output with `new Function`,
 * passing the instance's virtual globals as parameters. Module-scope state (a Pool, a Map used
 * as a cache) therefore lives per instance, as it does on a real platform.
 */
import type { FileTree } from '../types'
import { AsyncFunction, compileModule, isCodeFile, LabFailure, type CompiledModule } from './transpile'
import { resolveSpecifier } from './resolve'

/** Lines `new Function` adds before the body: `function anonymous(a,b\n) {\n`. */
export const WRAPPER_LINE_OFFSET = 2
export const SOURCE_URL_PREFIX = 'lab:///'
/**
 * The real constructor, captured before the worker guards the global one against `import()`
 * (host/lockdown.ts): sucrase has already turned the reader's `import()` into `require`, and a
 * comment mentioning `import (…)` must not refuse the module.
 */
const CompileFunction = Function

export interface ProjectModules {
  files: FileTree
  compiled: Map<string, CompiledModule>
  builtinNames: readonly string[]
}

/** Compile every code file up front (a build would too) and check every import resolves. */
export function compileProject(files: FileTree, builtinNames: readonly string[]): ProjectModules {
  const compiled = new Map<string, CompiledModule>()
  for (const path of Object.keys(files).sort()) {
    if (isCodeFile(path)) compiled.set(path, compileModule(path, files[path]))
  }
  for (const mod of compiled.values()) {
    for (const spec of mod.specifiers) {
      const r = resolveSpecifier(spec, mod.path, files, builtinNames)
      if (r.kind !== 'missing') continue
      const line = findImportLine(files[mod.path], spec)
      const isPath = spec.startsWith('.') || spec.startsWith('@/') || spec.startsWith('/')
      const message = isPath
        ? `Module not found: Can't resolve '${spec}' in ${mod.path} (tried ${r.tried.join(', ')}).`
        : unknownPackageMessage(spec, mod.path, builtinNames)
      throw new LabFailure({ kind: 'unknown-import', message, file: mod.path, ...(line ? { line, column: 1 } : {}) })
    }
  }
  return { files, compiled, builtinNames }
}

/** Where readers find the list of what the lab provides (the Playground page's section). */
export const PROVIDED_MODULES_DOC = '/playground/#what-the-lab-provides'

/** A package the lab does not have: what `next build` would say, then what the lab has instead. */
export function unknownPackageMessage(spec: string, from: string, builtinNames: readonly string[]): string {
  const listed = builtinNames.filter((n) => !n.startsWith('node:')).join(', ')
  return (
    `Module not found: Can't resolve '${spec}' in ${from}. A build fails the same way when a package is not ` +
    `installed, and the lab cannot install packages. The lab provides ${listed}, and this project's own ` +
    `files (relative paths or '@/'). The list, with what each module supports, is under "What the lab provides" ` +
    `on the Playground page (${PROVIDED_MODULES_DOC}).`
  )
}

function findImportLine(source: string, spec: string): number | undefined {
  const lines = source.split('\n')
  const i = lines.findIndex((l) => l.includes(`'${spec}'`) || l.includes(`"${spec}"`))
  return i < 0 ? undefined : i + 1
}

export class ModuleRegistry {
  private cache = new Map<string, { exports: unknown }>()
  private scopeNames: string[]
  private scopeValues: unknown[]

  constructor(
    private project: ProjectModules,
    private builtins: Record<string, unknown>,
    scope: Record<string, unknown>,
  ) {
    this.scopeNames = Object.keys(scope)
    this.scopeValues = Object.values(scope)
  }

  /** Number of not-yet-evaluated modules in the import graphs of `paths`. */
  pendingCount(paths: string[]): number {
    const seen = new Set<string>()
    const walk = (p: string) => {
      if (seen.has(p) || this.cache.has(p)) return
      seen.add(p)
      const mod = this.project.compiled.get(p)
      for (const spec of mod?.specifiers ?? []) {
        const r = resolveSpecifier(spec, p, this.project.files, this.project.builtinNames)
        if (r.kind === 'file') walk(r.path)
      }
    }
    for (const p of paths) walk(p)
    return seen.size
  }

  /**
   * Evaluate `path` (and what it requires). A module with a top-level `await` is evaluated as an
   * async function, as an ES module would be; `settled()` waits for it. A module that fails to
   * evaluate is never cached, so the next request evaluates it again and fails the same way.
   */
  load(path: string): unknown {
    const cached = this.cache.get(path)
    if (cached) return cached.exports
    const mod =
      this.project.compiled.get(path) ??
      (path.endsWith('.json') ? compileModule(path, this.project.files[path]) : undefined)
    if (!mod) throw new Error(`Cannot find module '${path}'`)
    const module: { exports: unknown; ready?: Promise<void> } = { exports: {} }
    this.cache.set(path, module)
    const require = (spec: string) => {
      const r = resolveSpecifier(spec, path, this.project.files, this.project.builtinNames)
      if (r.kind === 'builtin') return this.builtins[r.name]
      if (r.kind === 'file') return this.load(r.path)
      throw new Error(`Cannot find module '${spec}' from ${path}`)
    }
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : ''
    try {
      const fn = this.wrap(mod)
      const out = fn(module.exports, require, module, '/' + path, '/' + dir, ...this.scopeValues)
      if (mod.topLevelAwait) {
        module.ready = (out as Promise<void>).catch((error: unknown) => {
          this.cache.delete(path)
          throw error
        })
        this.pendingReady.add(module.ready)
        void module.ready.then(
          () => this.pendingReady.delete(module.ready!),
          () => this.pendingReady.delete(module.ready!),
        )
      }
    } catch (error) {
      this.cache.delete(path)
      throw error
    }
    return module.exports
  }

  /** Whether a module with a top-level `await` is still evaluating (`settled()` waits for it). */
  get evaluating(): boolean {
    return this.pendingReady.size > 0
  }

  /** Resolves once every module with a top-level `await` has finished; rejects with its error. */
  async settled(): Promise<void> {
    while (this.pendingReady.size) await Promise.all(this.pendingReady)
  }

  private pendingReady = new Set<Promise<void>>()

  private wrap(mod: CompiledModule): (...args: unknown[]) => unknown {
    const body = `${mod.code}\n//# sourceURL=${SOURCE_URL_PREFIX}${mod.path}`
    const params = ['exports', 'require', 'module', '__filename', '__dirname', ...this.scopeNames]
    try {
      if (mod.topLevelAwait) return new AsyncFunction(...params, body) as (...args: unknown[]) => unknown

      return new CompileFunction(...params, body) as (...args: unknown[]) => unknown
    } catch (error) {
      // sucrase accepted it, the JavaScript engine did not: report it as the build would, with the file.
      throw new LabFailure({
        kind: 'compile',
        message: `${mod.path}: ${(error as Error).message}. The module could not be evaluated, so nothing it exports exists.`,
        file: mod.path,
      })
    }
  }
}
