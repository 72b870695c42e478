/**
 * The engine's two entry points stay short enough to read in one screen: `Platform#handle` (one
 * request: serve from the cache, run on an instance, turn it into a result) and `runScenario` (one run:
 * build, reset, wire, dispatch, collect). Each step has its own module (lib/lab/README.md "Files");
 * when one of these grows past the limit, move the new step into its own function or file there.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '../..')
const MAX_LINES = 80

/** Lines from the function's first line (its signature) to its closing brace, both included. */
function functionLines(file: string, name: string, owner?: string): number {
  const text = readFileSync(join(ROOT, file), 'utf8')
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  let found: ts.Node | undefined
  const visit = (node: ts.Node) => {
    if (found) return
    const named = (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name?.getText() === name
    const inOwner = () =>
      owner === undefined
        ? ts.isFunctionDeclaration(node)
        : ts.isClassDeclaration(node.parent) && node.parent.name?.text === owner
    if (named && inOwner()) found = node
    else ts.forEachChild(node, visit)
  }
  visit(source)
  if (!found) throw new Error(`${file}: no ${owner ? `${owner}#` : 'function '}${name} (renamed? update this test)`)
  const first = source.getLineAndCharacterOfPosition(found.getStart(source)).line
  const last = source.getLineAndCharacterOfPosition(found.getEnd()).line
  return last - first + 1
}

describe(`the engine's entry points are under ${MAX_LINES} lines`, () => {
  it.each([
    ['lib/lab/platform/platform.ts', 'handle', 'Platform'],
    ['lib/lab/engine.ts', 'runScenario', undefined],
  ] as const)('%s: %s', (file, name, owner) => {
    const lines = functionLines(file, name, owner)
    expect(lines).toBeGreaterThan(5)
    expect(lines, `${owner ? `${owner}#` : ''}${name} in ${file}: split it by job`).toBeLessThan(MAX_LINES)
  })
})
