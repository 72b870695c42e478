/**
 * Every TypeScript code block in the pages parses. Snippets whose packages the course does not install
 * (Express, Firebase, the Neon and PlanetScale drivers) cannot be type-checked here, but a reader who
 * copies one gets code that at least compiles as written; the runnable examples (examples/), the SQS
 * and BullMQ ones included, are type-checked against the real packages and run in full.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const ROOT = join(__dirname, '../..')

function mdxFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name)
    if (statSync(path).isDirectory()) return mdxFiles(path)
    return path.endsWith('.mdx') ? [path] : []
  })
}

interface Snippet {
  file: string
  line: number
  lang: string
  code: string
}

function snippets(file: string): Snippet[] {
  const found: Snippet[] = []
  const lines = readFileSync(file, 'utf8').split('\n')
  for (let index = 0; index < lines.length; index++) {
    const open = /^(\s*)(`{3,})(ts|tsx|typescript)\b/.exec(lines[index])
    if (!open) continue
    const [, indent, fence, lang] = open
    const body: string[] = []
    let end = index + 1
    while (end < lines.length && !lines[end].startsWith(`${indent}${fence}`))
      body.push(lines[end++].slice(indent.length))
    found.push({ file: relative(ROOT, file), line: index + 1, lang, code: body.join('\n') })
    index = end
  }
  return found
}

const all = mdxFiles(join(ROOT, 'pages')).flatMap(snippets)

describe('TypeScript snippets in the pages', () => {
  it('finds the snippets, the coverage ones included', () => {
    const files = new Set(all.map((snippet) => snippet.file))
    expect(files).toContain('pages/where-they-hurt/background-jobs-and-scheduled-tasks.mdx')
    expect(all.some((snippet) => snippet.code.includes("from 'express'"))).toBe(true)
    expect(all.some((snippet) => snippet.code.includes("from 'firebase-admin/firestore'"))).toBe(true)
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
