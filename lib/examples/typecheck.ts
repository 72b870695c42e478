/**
 * Type-checks every example's files (starter and solution) in one TypeScript program, against the
 * versions the examples app (`examples/verify/`) builds them with: Next.js 16 (the root's `next16`
 * devDependency, an npm alias, because the site itself runs Next.js 15.5), `@types/pg` and
 * `@vercel/functions`, and the queue examples against the real `@aws-sdk/client-sqs`, `@types/aws-lambda`
 * and `bullmq` (root devDependencies; the lab runs stand-ins for them, lib/lab/queue/). Seconds
 * instead of the `examples` stage's minutes, and no network.
 *
 * One program, with the module resolution an example sees in its own app:
 * - `@/x` is the example's own `x` (a solution file first looks in `solution/`, then in the starter);
 * - a relative import from `solution/…` resolves as if the file sat in the starter tree, solution first;
 * - `next` and `next/*` are Next.js 16, from anywhere (Next's own declaration files included).
 * `meta.ts` and `*.test.ts` are not example code: the root `tsc` checks them. Beside each App Router route a
 * small virtual module checks its exported methods against Next.js 16's handler signature, as `next build`
 * does (route-signatures.ts); its errors are reported at the export in the route file.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import ts from 'typescript'
import { listExampleIds } from './read-files.mjs'
import { GENERATED_PREFIX, generatedProjectDir, PRISMA_SCHEMA } from './prisma-generate.mjs'
import { exportedMethods, ROUTE_CHECK_FILE, routeCheckModule, signature } from './route-signatures'

/** The aliased package that holds the examples' Next.js (see package.json). */
export const NEXT_16_PACKAGE = 'next16'

const CODE = /\.(ts|tsx|mts|cts)$/
const NOT_EXAMPLE_CODE = /^(meta\.ts|.*\.test\.ts)$/
const EXTENSIONS = ['.ts', '.tsx', '.d.ts', '/index.ts', '/index.tsx']

/** The compiler options of the generated examples app (examples/verify/scripts/mount.ts), minus what only emit needs. */
export const EXAMPLE_COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.dom.d.ts', 'lib.dom.iterable.d.ts', 'lib.esnext.d.ts'],
  skipLibCheck: true,
  strict: true,
  noEmit: true,
  esModuleInterop: true,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  resolveJsonModule: true,
  isolatedModules: true,
  jsx: ts.JsxEmit.ReactJSX,
  types: ['node'],
}

function walk(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) walk(full, out)
    else out.push(full)
  }
  return out
}

/** Absolute paths of every example code file under `examplesDir`. */
export function exampleCodeFiles(examplesDir: string): string[] {
  return listExampleIds(examplesDir).flatMap((id: string) =>
    walk(join(examplesDir, id), []).filter((file) => {
      const name = relative(join(examplesDir, id), file).split(sep).join('/')
      return CODE.test(name) && !NOT_EXAMPLE_CODE.test(name)
    }),
  )
}

/** `examples/<id>` and, for a solution file, `examples/<id>/solution`: the trees `@/` and relative imports look in. */
function treesOf(examplesDir: string, file: string): { example: string; solution?: string; within: string } | null {
  const parts = relative(examplesDir, file).split(sep)
  if (parts.length < 2 || parts[0] === '..') return null
  const example = join(examplesDir, parts[0])
  if (parts[1] === 'solution') {
    return { example, solution: join(example, 'solution'), within: parts.slice(2, -1).join('/') }
  }
  return { example, within: parts.slice(1, -1).join('/') }
}

function firstExisting(base: string): string | undefined {
  if (/\.(ts|tsx)$/.test(base) && existsSync(base)) return base
  for (const extension of EXTENSIONS) if (existsSync(base + extension)) return base + extension
  return undefined
}

/** A file of the example's generated Prisma Client (`generated/…`), made from its `prisma/schema.prisma`. */
function generatedFile(exampleDir: string, rest: string): string | undefined {
  const schema = join(exampleDir, PRISMA_SCHEMA)
  if (!existsSync(schema)) return undefined
  return firstExisting(join(generatedProjectDir(readFileSync(schema, 'utf8'), schema), rest))
}

function extensionOf(file: string): ts.Extension {
  if (file.endsWith('.d.ts')) return ts.Extension.Dts
  return file.endsWith('.tsx') ? ts.Extension.Tsx : ts.Extension.Ts
}

export interface ExampleTypeCheckResult {
  diagnostics: readonly ts.Diagnostic[]
  files: number
  /** App Router route files whose handlers were checked against Next.js 16's signature. */
  routes: number
  /** The diagnostics as `examples/<id>/…:line:column - error TSxxxx: …`, paths relative to `root`. */
  text: string
}

export function typecheckExamples(root: string, examplesDir = join(root, 'examples')): ExampleTypeCheckResult {
  const files = exampleCodeFiles(examplesDir)
  const nextDir = join(root, 'node_modules', NEXT_16_PACKAGE)
  if (!existsSync(join(nextDir, 'package.json'))) {
    throw new Error(
      `node_modules/${NEXT_16_PACKAGE} is missing: run \`npm ci\` (package.json aliases Next.js 16 as "${NEXT_16_PACKAGE}" for the examples' types).`,
    )
  }
  const options = EXAMPLE_COMPILER_OPTIONS
  const host = ts.createCompilerHost(options)
  const moduleCache = ts.createModuleResolutionCache(root, (name) => name, options)

  const resolveLocal = (specifier: string, containingFile: string): string | undefined => {
    const trees = treesOf(examplesDir, containingFile)
    if (!trees) return undefined
    if (specifier.startsWith('@/')) {
      const rest = specifier.slice(2)
      return (
        (trees.solution && firstExisting(join(trees.solution, rest))) ??
        firstExisting(join(trees.example, rest)) ??
        generatedFile(trees.example, rest)
      )
    }
    if (specifier.startsWith('.') && trees.solution) {
      const rest = join(trees.within, specifier)
      return firstExisting(join(trees.solution, rest)) ?? firstExisting(join(trees.example, rest))
    }
    return undefined
  }

  host.resolveModuleNameLiterals = (literals, containingFile, redirected, compilerOptions) =>
    literals.map(({ text }) => {
      const local = resolveLocal(text, containingFile)
      if (local) {
        return { resolvedModule: { resolvedFileName: local, extension: extensionOf(local), isExternalLibraryImport: false } }
      }
      const specifier = text === 'next' || text.startsWith('next/') ? NEXT_16_PACKAGE + text.slice(4) : text
      // Bare imports resolve from the repository root, as the examples app resolves them from its own node_modules.
      const bare = !text.startsWith('.') && !text.startsWith('/')
      const fromExample = containingFile.startsWith(examplesDir) || containingFile.startsWith(GENERATED_PREFIX)
      const from = bare && fromExample ? join(root, 'package.json') : containingFile
      return ts.resolveModuleName(specifier, from, compilerOptions, host, moduleCache, redirected)
    })

  // The route signature modules: virtual files beside each route, keyed by their path.
  const checks = new Map<string, { route: string; source: string }>()
  for (const file of files) {
    const trees = treesOf(examplesDir, file)
    const path = trees && relative(trees.solution ?? trees.example, file).split(sep).join('/')
    const module = path && routeCheckModule(path, ts.sys.readFile(file) ?? '')
    if (module) checks.set(join(dirname(file), ROUTE_CHECK_FILE), { route: file, source: module })
  }
  const getSourceFile = host.getSourceFile.bind(host)
  host.getSourceFile = (fileName, language, ...rest) => {
    const check = checks.get(fileName)
    return check ? ts.createSourceFile(fileName, check.source, language, true) : getSourceFile(fileName, language, ...rest)
  }
  const fileExists = host.fileExists.bind(host)
  host.fileExists = (fileName) => checks.has(fileName) || fileExists(fileName)

  const program = ts.createProgram({ rootNames: [...files, ...checks.keys()], options, host })
  const diagnostics = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const check = diagnostic.file && checks.get(diagnostic.file.fileName)
    return check ? atRouteExport(program, check.route, diagnostic, examplesDir) : diagnostic
  })
  // By file and position, so a route's signature error sits with the route's other errors.
  diagnostics.sort(
    (a, b) =>
      (a.file?.fileName ?? '').localeCompare(b.file?.fileName ?? '') || (a.start ?? 0) - (b.start ?? 0),
  )
  const text = diagnostics.map((diagnostic) => formatDiagnostic(root, diagnostic)).join('\n')
  return { diagnostics, files: files.length, routes: checks.size, text }
}

/** A diagnostic of a route's signature module, moved to the export it is about, with the signature Next.js 16 expects. */
function atRouteExport(program: ts.Program, route: string, diagnostic: ts.Diagnostic, examplesDir: string): ts.Diagnostic {
  const file = program.getSourceFile(route)
  const checkFile = diagnostic.file!
  const line = checkFile.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line
  const method = /export const (\w+)/.exec(checkFile.text.split('\n')[line] ?? '')?.[1]
  const exported = exportedMethods(file?.text ?? '').find((entry) => entry.method === method)
  const trees = treesOf(examplesDir, route)
  const path = trees ? relative(trees.solution ?? trees.example, route).split(sep).join('/') : route
  const original: ts.DiagnosticMessageChain =
    typeof diagnostic.messageText === 'string'
      ? { messageText: diagnostic.messageText, category: diagnostic.category, code: diagnostic.code }
      : diagnostic.messageText
  return {
    ...diagnostic,
    file,
    start: exported?.offset ?? 0,
    length: method?.length ?? 0,
    messageText: {
      messageText: `${method ?? 'A handler'} does not fit the route handler type \`next build\` checks in Next.js 16: ${signature(path)}.`,
      category: diagnostic.category,
      code: diagnostic.code,
      next: [original],
    },
  }
}

/** Repository-relative path of a diagnostic's file, for tests and summaries. */
export function diagnosticFile(root: string, diagnostic: ts.Diagnostic): string | undefined {
  return diagnostic.file ? relative(resolve(root), diagnostic.file.fileName).split(sep).join('/') : undefined
}

/** `examples/<id>/app/api/x/route.ts:12:5 - error TS2322: …`: a path an editor or terminal opens at the spot. */
export function formatDiagnostic(root: string, diagnostic: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n  ')
  const kind = ts.DiagnosticCategory[diagnostic.category].toLowerCase()
  if (!diagnostic.file || diagnostic.start === undefined) return `${kind} TS${diagnostic.code}: ${message}`
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start)
  return `${diagnosticFile(root, diagnostic)}:${line + 1}:${character + 1} - ${kind} TS${diagnostic.code}: ${message}`
}
