/**
 * Type-checks every TypeScript code block of the pages against the real packages, as the examples are
 * (./typecheck.ts, same compiler options, Next.js 16 from the `next16` alias): the coverage snippets
 * (Neon's and PlanetScale's HTTP drivers, Express, NestJS, the Firebase Admin SDK) against the versions pinned
 * in package.json's devDependencies, the rest against Next.js 16, `pg`, `@vercel/functions` and Prisma.
 *
 * A snippet is a module of its own. Its imports of the reader's own app (`@/lib/db`, `@/generated/…`)
 * are typed `any` (a shorthand ambient module), because a snippet shows one file of an app the page
 * does not print; every package import must resolve to the real package. A fence whose meta says
 * `check=parse` (a fragment that cannot stand alone) is only parsed, by tests/unit/lesson-snippets.test.ts.
 * Errors name the page and line, e.g. `pages/where-they-hurt/vendor-lock-in.mdx:201:7 - error TS2345: …`.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { PARSE_ONLY, pageSnippets, type PageSnippet } from '../content/page-snippets'
import { EXAMPLE_COMPILER_OPTIONS, NEXT_16_PACKAGE } from './typecheck'

/** Where the virtual snippet files live: inside the repository, so bare imports resolve from its node_modules. */
const SNIPPETS_DIR = '.page-snippets'
const APP_MODULES = `${SNIPPETS_DIR}/app-modules.d.ts`
const APP_MODULES_SOURCE = [
  "// The reader's own app: a snippet shows one file of it, so its other modules are `any`.",
  "declare module '@/*'",
  '// What `next typegen` generates into the app (a global type), in the shape a route handler uses.',
  'type RouteContext<Route extends string> = { params: Promise<Record<string, string>> }',
  '',
].join('\n')

/** Pages about this repository itself, whose `@/` imports are the repository's own files. */
const REPOSITORY_PAGES = new Set(['pages/contribute.mdx'])

export { PARSE_ONLY }

export interface SnippetTypeCheckResult {
  snippets: number
  /** Each error as `pages/x.mdx:line:column - error TSxxxx: message`. */
  errors: string[]
}

function virtualName(root: string, snippet: PageSnippet, index: number): string {
  const name = snippet.file.replace(/[/.]/g, '_')
  return join(root, SNIPPETS_DIR, `${index}_${name}_L${snippet.line}.${snippet.lang === 'tsx' ? 'tsx' : 'ts'}`)
}

export function typecheckSnippets(root: string, snippets = pageSnippets(root)): SnippetTypeCheckResult {
  if (!existsSync(join(root, 'node_modules', NEXT_16_PACKAGE, 'package.json'))) {
    throw new Error(`node_modules/${NEXT_16_PACKAGE} is missing: run \`npm ci\`.`)
  }
  const checked = snippets.filter((snippet) => !PARSE_ONLY.test(snippet.meta))
  const files = new Map<string, { snippet?: PageSnippet; source: string }>()
  files.set(join(root, APP_MODULES), { source: APP_MODULES_SOURCE })
  for (const [index, snippet] of checked.entries()) {
    // `export {}` makes each snippet a module, so two snippets' top-level names never meet. A relative
    // import ('./lib/db' in an Express app) is the reader's own module too: `@/` has the same length,
    // so the reported columns stay right.
    const source = `${snippet.code.replace(/(from\s+['"])\.\//g, '$1@/')}\nexport {}\n`
    files.set(virtualName(root, snippet, index), { snippet, source })
  }

  // A callback's parameter from an `any` app module would be an implicit any under `strict`; in the
  // reader's app it has a type, so that one check is left out.
  // NestJS's decorators are TypeScript's experimental ones (a Nest app's tsconfig turns them on).
  const options: ts.CompilerOptions = { ...EXAMPLE_COMPILER_OPTIONS, noImplicitAny: false, experimentalDecorators: true }
  const host = ts.createCompilerHost(options)
  const moduleCache = ts.createModuleResolutionCache(root, (name) => name, options)
  const getSourceFile = host.getSourceFile.bind(host)
  host.getSourceFile = (fileName, language, ...rest) => {
    const virtual = files.get(fileName)
    return virtual
      ? ts.createSourceFile(fileName, virtual.source, language, true)
      : getSourceFile(fileName, language, ...rest)
  }
  const fileExists = host.fileExists.bind(host)
  host.fileExists = (fileName) => files.has(fileName) || fileExists(fileName)
  host.resolveModuleNameLiterals = (literals, containingFile, redirected, compilerOptions) =>
    literals.map(({ text }) => {
      const snippet = files.get(containingFile)?.snippet
      // The repository's own files (reached from a REPOSITORY_PAGES snippet) use `@/` for the repository too.
      const repository = snippet ? REPOSITORY_PAGES.has(snippet.file) : !files.has(containingFile)
      if (repository && text.startsWith('@/')) {
        return ts.resolveModuleName(join(root, text.slice(2)), containingFile, compilerOptions, host, moduleCache, redirected)
      }
      const specifier = text === 'next' || text.startsWith('next/') ? NEXT_16_PACKAGE + text.slice(4) : text
      return ts.resolveModuleName(specifier, containingFile, compilerOptions, host, moduleCache, redirected)
    })

  const program = ts.createProgram({ rootNames: [...files.keys()], options, host })
  const errors: string[] = []
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const virtual = diagnostic.file && files.get(diagnostic.file.fileName)
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n  ')
    if (!virtual?.snippet || diagnostic.start === undefined) {
      errors.push(`error TS${diagnostic.code}: ${message}`)
      continue
    }
    const { line, character } = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start)
    errors.push(
      `${virtual.snippet.file}:${virtual.snippet.line + 1 + line}:${character + 1} - error TS${diagnostic.code}: ${message}`,
    )
  }
  return { snippets: checked.length, errors }
}
