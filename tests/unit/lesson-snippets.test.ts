/**
 * Every TypeScript code block in the pages parses, and the coverage snippets are complete files the `types` stage
 * type-checks (tests/unit/snippet-typecheck.test.ts proves that check catches a wrong call).
 */
import { join } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { pageSnippets } from '@/lib/content/page-snippets'
import { PARSE_ONLY } from '@/lib/examples/typecheck-snippets'
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

it("the Markdown copy keeps a fragment's filename and drops the check=parse note", () => {
  const markdown = mdxToMarkdown(
    { file: 'pages/demo.mdx', title: 'Demo', source: '```ts filename="a.ts" check=parse\nafter(() => send())\n```\n' },
    { labs: {}, decisionTree: '', env: {} },
  )
  expect(markdown).toContain('```ts filename="a.ts"\n')
  expect(markdown).not.toContain('check=parse')
})
