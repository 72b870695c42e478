/**
 * Every TypeScript code block in the pages parses, and the type-check of the snippets against the real
 * packages (lib/examples/typecheck-snippets.ts, run by the `types` stage) catches a wrong call to each
 * coverage package: Neon's and PlanetScale's drivers, Express and the Firebase Admin SDK.
 */
import { join } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { pageSnippets, type PageSnippet } from '@/lib/content/page-snippets'
import { PARSE_ONLY, typecheckSnippets } from '@/lib/examples/typecheck-snippets'
import { mdxToMarkdown } from '@/lib/markdown/mdx-to-markdown'

const ROOT = join(__dirname, '../..')
const all = pageSnippets(ROOT)

describe('TypeScript snippets in the pages', () => {
  it('finds the snippets, the coverage ones included', () => {
    const files = new Set(all.map((snippet) => snippet.file))
    expect(files).toContain('pages/where-they-hurt/background-jobs-and-scheduled-tasks.mdx')
    expect(all.some((snippet) => snippet.code.includes("from 'express'"))).toBe(true)
    expect(all.some((snippet) => snippet.code.includes("from 'firebase-admin/firestore'"))).toBe(true)
    expect(all.some((snippet) => snippet.code.includes("from '@neondatabase/serverless'"))).toBe(true)
    expect(all.some((snippet) => snippet.code.includes("from '@planetscale/database'"))).toBe(true)
    // The coverage snippets are complete files: none of them is left to the parse check alone.
    const coverage = all.filter((snippet) =>
      /from '(express|firebase-admin|@neondatabase|@planetscale)/.test(snippet.code),
    )
    expect(coverage.filter((snippet) => PARSE_ONLY.test(snippet.meta))).toEqual([])
  })

  it.each(all.map((snippet) => [`${snippet.file}:${snippet.line}`, snippet] as const))(
    '%s parses',
    (_where, snippet) => {
      const output = ts.transpileModule(snippet.code, {
        fileName: snippet.lang === 'tsx' ? 'snippet.tsx' : 'snippet.ts',
        reportDiagnostics: true,
        compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, jsx: ts.JsxEmit.Preserve },
      })
      const problems = (output.diagnostics ?? []).map((diagnostic) => {
        const { line } = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start ?? 0)
        return `${snippet.file}:${snippet.line + 1 + line}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`
      })
      expect(problems).toEqual([])
    },
  )
})

describe('the snippet type-check', () => {
  const snippet = (code: string): PageSnippet => ({ file: 'pages/demo.mdx', line: 10, lang: 'ts', meta: '', code })

  it('fails a wrong call to each coverage package, at the page line', () => {
    const { errors } = typecheckSnippets(ROOT, [
      snippet("import { neon } from '@neondatabase/serverless'\nexport const sql = neon(42)"),
      snippet("import { connect } from '@planetscale/database'\nexport const db = connect({ uri: 'x' })"),
      snippet("import express from 'express'\nexpress().get('/', (req, res) => res.stats(404))"),
      snippet(
        "import { getFirestore } from 'firebase-admin/firestore'\nexport const n: number = (await getFirestore().collection('p').get()).docs",
      ),
    ])
    expect(errors).toHaveLength(4)
    expect(errors.every((error) => error.startsWith('pages/demo.mdx:12:'))).toBe(true)
  }, 60_000)

  it("passes the reader's own modules as any and a relative import as one of them", () => {
    const { errors } = typecheckSnippets(ROOT, [
      snippet(
        "import { pool } from './lib/db'\nimport { app } from '@/lib/firebase-admin'\nexport const x = [pool, app]",
      ),
      { ...snippet('const unfinished = undefinedName'), meta: 'filename="x.ts" check=parse' },
    ])
    expect(errors).toEqual([])
  }, 60_000)
})

it("the Markdown copy keeps a fragment's filename and drops the check=parse note", () => {
  const markdown = mdxToMarkdown(
    { file: 'pages/demo.mdx', title: 'Demo', source: '```ts filename="a.ts" check=parse\nafter(() => send())\n```\n' },
    { labs: {}, decisionTree: '', env: {} },
  )
  expect(markdown).toContain('```ts filename="a.ts"\n')
  expect(markdown).not.toContain('check=parse')
})
