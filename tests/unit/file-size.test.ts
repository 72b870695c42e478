/**
 * The size rule: no source file in the lab's engine (lib/lab) or its UI (components/Lab) is over
 * 400 lines. A file that grows past it does more than one job; split it by job (see
 * lib/lab/README.md "Files" for how the engine is cut), not at an arbitrary line.
 * Documentation (README.md) and data placeholders are not source and are not counted.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '../..')
const MAX_LINES = 400
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs|jsx|css)$/
const DIRECTORIES = ['lib/lab', 'components/Lab']

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && SOURCE.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)))
    .sort()
}

/** Lines as an editor numbers them: a final newline does not start another line. */
function lineCount(text: string): number {
  if (text === '') return 0
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0)
}

describe(`no source file over ${MAX_LINES} lines`, () => {
  it('counts lines as an editor does', () => {
    expect([lineCount(''), lineCount('a'), lineCount('a\n'), lineCount('a\nb'), lineCount('a\n\nb\n')]).toEqual([
      0, 1, 1, 2, 3,
    ])
  })

  it.each(DIRECTORIES)('%s', (dir) => {
    const files = sourceFiles(dir)
    expect(files.length).toBeGreaterThan(0)
    const over = files
      .map((file) => ({ file, lines: lineCount(readFileSync(join(ROOT, file), 'utf8')) }))
      .filter((f) => f.lines > MAX_LINES)
      .map((f) => `${f.file}: ${f.lines} lines (split it by job)`)
    expect(over).toEqual([])
  })
})
