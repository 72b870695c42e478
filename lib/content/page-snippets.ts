/**
 * The TypeScript code blocks of the pages (```ts, ```tsx): what a reader copies from a lesson. Read by
 * the snippet type-check (lib/examples/typecheck-snippets.ts) and the parse test
 * (tests/unit/lesson-snippets.test.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

export { PARSE_ONLY, readerMeta } from './snippet-marker'

export interface PageSnippet {
  /** Repository-relative path of the page, e.g. `pages/where-they-hurt/vendor-lock-in.mdx`. */
  file: string
  /** The line of the opening fence (1-based); the code starts on the next line. */
  line: number
  lang: 'ts' | 'tsx' | 'typescript'
  /** The fence's meta, e.g. `filename="lib/db.ts"`. */
  meta: string
  code: string
}

function mdxFiles(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const path = join(folder, name)
      if (statSync(path).isDirectory()) return mdxFiles(path)
      return path.endsWith('.mdx') ? [path] : []
    })
}

/** The TypeScript snippets of one page's source (indented fences inside list items included). */
export function snippetsOf(file: string, source: string): PageSnippet[] {
  const found: PageSnippet[] = []
  const lines = source.split('\n')
  for (let index = 0; index < lines.length; index++) {
    const open = /^(\s*)(`{3,})(ts|tsx|typescript)\b(.*)$/.exec(lines[index])
    if (!open) continue
    const [, indent, fence, lang, meta] = open
    const body: string[] = []
    let end = index + 1
    while (end < lines.length && !lines[end].startsWith(`${indent}${fence}`))
      body.push(lines[end++].slice(indent.length))
    found.push({ file, line: index + 1, lang: lang as PageSnippet['lang'], meta: meta.trim(), code: body.join('\n') })
    index = end
  }
  return found
}

/** Every TypeScript snippet under `pages/`. */
export function pageSnippets(root: string): PageSnippet[] {
  return mdxFiles(join(root, 'pages')).flatMap((path) =>
    snippetsOf(relative(root, path).split(sep).join('/'), readFileSync(path, 'utf8')),
  )
}
