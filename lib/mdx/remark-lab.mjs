// remark plugin for `<Lab example="<id>" />` in MDX pages.
//
// At compile time it (1) fails the build with the MDX file and line when the id names no example,
// listing the ids that exist; (2) injects the example's meta, the shiki-highlighted HTML of its
// active file, and a lazy `import()` of its files, so the static page shows the code with
// JavaScript off while the sources themselves stay out of the page's first-load JS; and
// (3) imports the `Lab` component when the page did not.
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { tsImport } from 'tsx/esm/api'
import { highlightFile } from './highlight.mjs'
import { codeAreaHeight } from './lab-theme.mjs'
import { listExampleIds } from '../examples/read-files.mjs'

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const FILES_LOADER = join(REPO_ROOT, 'lib/examples/files-loader.cjs')
const COMPONENT_IMPORT = '@/components/Lab'

let loaderModule
function exampleLoader() {
  loaderModule ??= tsImport(join(REPO_ROOT, 'lib/examples/load.ts'), import.meta.url)
  return loaderModule
}

/** A value as an estree expression (MDX needs estree for JSX attribute expressions). */
function valueToEstree(value) {
  if (value === null || typeof value !== 'object') {
    if (value === undefined) return { type: 'Identifier', name: 'undefined' }
    return { type: 'Literal', value, raw: JSON.stringify(value) }
  }
  if (Array.isArray(value)) return { type: 'ArrayExpression', elements: value.map(valueToEstree) }
  return {
    type: 'ObjectExpression',
    properties: Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([key, v]) => ({
        type: 'Property',
        kind: 'init',
        method: false,
        shorthand: false,
        computed: false,
        key: { type: 'Literal', value: key, raw: JSON.stringify(key) },
        value: valueToEstree(v),
      })),
  }
}

function expressionAttribute(name, expression, text) {
  return {
    type: 'mdxJsxAttribute',
    name,
    value: {
      type: 'mdxJsxAttributeValueExpression',
      value: text,
      data: { estree: { type: 'Program', sourceType: 'module', body: [{ type: 'ExpressionStatement', expression }] } },
    },
  }
}

/**
 * `name={typeof window === 'undefined' ? "…" : undefined}`: the string reaches the static HTML, while
 * Next's compiler folds `typeof window` in the client bundle and drops it from the page's JS, so the
 * highlighted code is not shipped twice (the Lab reads it back from the DOM when it activates).
 */
function serverOnlyStringAttribute(name, text) {
  const expression = {
    type: 'ConditionalExpression',
    test: {
      type: 'BinaryExpression',
      operator: '===',
      left: {
        type: 'UnaryExpression',
        operator: 'typeof',
        prefix: true,
        argument: { type: 'Identifier', name: 'window' },
      },
      right: { type: 'Literal', value: 'undefined' },
    },
    consequent: { type: 'Literal', value: text },
    alternate: { type: 'Identifier', name: 'undefined' },
  }
  return expressionAttribute(name, expression, `typeof window === 'undefined' ? ${JSON.stringify(text)} : undefined`)
}

function toRequestPath(from, to) {
  const path = relative(from, to).split(sep).join('/')
  return path.startsWith('.') ? path : `./${path}`
}

/** `() => import("!!<loader>!<examples/id/meta.ts>")`: one lazy chunk per example, built by files-loader.cjs. */
function lazyFilesImport(mdxDir, exampleDir) {
  const request = `!!${toRequestPath(mdxDir, FILES_LOADER)}!${toRequestPath(mdxDir, join(exampleDir, 'meta.ts'))}`
  const expression = {
    type: 'ArrowFunctionExpression',
    params: [],
    async: false,
    expression: true,
    generator: false,
    body: { type: 'ImportExpression', source: { type: 'Literal', value: request, raw: JSON.stringify(request) } },
  }
  return expressionAttribute('loadFiles', expression, `() => import(${JSON.stringify(request)})`)
}

function importLabNode() {
  const text = `import { Lab } from '${COMPONENT_IMPORT}'`
  return {
    type: 'mdxjsEsm',
    value: text,
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
                imported: { type: 'Identifier', name: 'Lab' },
                local: { type: 'Identifier', name: 'Lab' },
              },
            ],
            source: { type: 'Literal', value: COMPONENT_IMPORT, raw: `'${COMPONENT_IMPORT}'` },
          },
        ],
      },
    },
  }
}

function collectLabElements(node, found = []) {
  if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'Lab') found.push(node)
  for (const child of node.children ?? []) collectLabElements(child, found)
  return found
}

function where(file, node) {
  const line = node.position?.start.line
  const path = file.path ? relative(REPO_ROOT, file.path) : '(mdx)'
  return line ? `${path}:${line}` : path
}

/** @param {{ examplesDir?: string }} [options] */
export default function remarkLab(options = {}) {
  const examplesDir = options.examplesDir ?? join(REPO_ROOT, 'examples')

  return async function transform(tree, file) {
    const labs = collectLabElements(tree)
    if (labs.length === 0) return
    const { loadExample } = await exampleLoader()
    const mdxDir = file.path ? dirname(resolve(file.path)) : REPO_ROOT

    for (const node of labs) {
      const attribute = node.attributes.find(
        (candidate) => candidate.type === 'mdxJsxAttribute' && candidate.name === 'example',
      )
      if (!attribute || typeof attribute.value !== 'string') {
        throw new Error(
          `${where(file, node)}: <Lab> needs a literal example id, e.g. <Lab example="playground" />. Available examples: ${listExampleIds(examplesDir).join(', ')}.`,
        )
      }
      const id = attribute.value
      let example
      try {
        example = await loadExample(id, {
          examplesDir,
          importMeta: (metaPath) => tsImport(metaPath, import.meta.url),
        })
      } catch (error) {
        throw new Error(`${where(file, node)}: <Lab example="${id}" />: ${error.message}`)
      }
      const { meta, files, hash, solutionFiles } = example
      const highlighted = await highlightFile(files[meta.activeFile], meta.activeFile)
      const editorHeight = Math.max(...meta.visibleFiles.map((name) => codeAreaHeight(files[name])))
      const staticMeta = { ...meta, hash, hasSolution: solutionFiles !== null, editorHeight }

      node.attributes = node.attributes.filter(
        (candidate) =>
          !(candidate.type === 'mdxJsxAttribute' && ['meta', 'highlighted', 'loadFiles'].includes(candidate.name)),
      )
      node.attributes.push(
        expressionAttribute('meta', valueToEstree(staticMeta), JSON.stringify(staticMeta)),
        serverOnlyStringAttribute('highlighted', highlighted),
        lazyFilesImport(mdxDir, example.dir),
      )
      file.data.labExamples = [...(file.data.labExamples ?? []), id]
    }

    const importsLab = tree.children.some(
      (child) => child.type === 'mdxjsEsm' && /\bLab\b/.test(child.value) && child.value.includes(COMPONENT_IMPORT),
    )
    if (!importsLab) tree.children.unshift(importLabNode())
  }
}
