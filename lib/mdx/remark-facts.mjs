// remark plugin for the course's facts: `<Fact id="…" />`, `<WhatChanged>` and `<FactSources topic="…" />`
// (lib/facts/expand.ts says what each becomes). They are replaced by plain Markdown at compile time, so a
// fact is static prose in the page's HTML (and, through lib/mdx/recma-server-only.mjs, not in its
// JavaScript). An unknown fact id fails the build with the MDX file and line. A page with a
// "What changed" box gets `Callout` imported when it did not import it itself.
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { tsImport } from 'tsx/esm/api'
import { importsNamed, namedImportNode } from './esm-import.mjs'

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const CALLOUT_SOURCE = 'nextra/components'

let expandModule
function factExpander() {
  expandModule ??= tsImport(join(REPO_ROOT, 'lib/facts/expand.ts'), import.meta.url)
  return expandModule
}

function hasFactComponent(node) {
  if (
    (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') &&
    ['Fact', 'WhatChanged', 'FactSources'].includes(node.name)
  ) {
    return true
  }
  return (node.children ?? []).some(hasFactComponent)
}

function hasCallout(node) {
  if (node.type === 'mdxJsxFlowElement' && node.name === 'Callout') return true
  return (node.children ?? []).some(hasCallout)
}

export default function remarkFacts() {
  return async function transform(tree, file) {
    if (!hasFactComponent(tree)) return
    const { expandFacts } = await factExpander()
    const path = file.path ? relative(REPO_ROOT, file.path) : '(mdx)'
    const where = (node) => (node.position ? `${path}:${node.position.start.line}` : path)
    expandFacts(tree, where)
    if (hasCallout(tree) && !importsNamed(tree, 'Callout', CALLOUT_SOURCE))
      tree.children.unshift(namedImportNode('Callout', CALLOUT_SOURCE))
  }
}
