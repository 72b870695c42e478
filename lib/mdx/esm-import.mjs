// An MDX ESM node `import { name } from 'source'`, with the estree MDX compiles from (a remark
// plugin that adds an import must give both: the text for humans, the estree for the compiler).
// Shared by remark-lab.mjs (Lab) and remark-facts.mjs (Callout).

/** The `mdxjsEsm` node for `import { name } from 'source'`. */
export function namedImportNode(name, source) {
  return {
    type: 'mdxjsEsm',
    value: `import { ${name} } from '${source}'`,
    data: {
      estree: {
        type: 'Program',
        sourceType: 'module',
        body: [
          {
            type: 'ImportDeclaration',
            specifiers: [
              {
                type: 'ImportSpecifier',
                imported: { type: 'Identifier', name },
                local: { type: 'Identifier', name },
              },
            ],
            source: { type: 'Literal', value: source, raw: `'${source}'` },
          },
        ],
      },
    },
  }
}

/** Whether the tree already imports `name` from `source` (so a plugin does not add it twice). */
export function importsNamed(tree, name, source) {
  return tree.children.some(
    (child) =>
      child.type === 'mdxjsEsm' && new RegExp(`\\b${name}\\b`).test(child.value) && child.value.includes(source),
  )
}
