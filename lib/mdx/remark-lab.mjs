// remark plugin for `<Lab example="<id>" />` in MDX pages.
//
// At compile time it (1) fails the build with the MDX file and line when the id names no example,
// listing the ids that exist; (2) passes the lab its title, and, for the build's render only, the
// example's meta and the shiki-highlighted HTML of its active file, so the idle lab is static HTML
// (components/Lab/LabIdle.tsx) that reads well with JavaScript off and costs the page no JavaScript;
// (3) adds `loadLab`, a lazy `import()` of one chunk per example holding its meta and its files
// (lib/mdx/lab-module-loader.cjs), which the lab loads when it becomes interactive; and (4) imports
// the `Lab` component when the page did not.
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { tsImport } from 'tsx/esm/api'
import { importsNamed, namedImportNode } from './esm-import.mjs'
import { highlightFile } from './highlight.mjs'
import { codeAreaHeight } from './lab-theme.mjs'
import { listExampleIds } from '../examples/read-files.mjs'

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const MODULE_LOADER = join(REPO_ROOT, 'lib/mdx/lab-module-loader.cjs')
const COMPONENT_IMPORT = '@/components/Lab'
/** The attributes this plugin writes (an author's own are replaced). */
const INJECTED = ['title', 'meta', 'highlighted', 'loadLab']

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

/** `typeof window === 'undefined' ? <expression> : undefined` */
function serverOnly(expression) {
  return {
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
    consequent: expression,
    alternate: { type: 'Identifier', name: 'undefined' },
  }
}

/**
 * `name={typeof window === 'undefined' ? <value> : undefined}`: the value reaches the static HTML, while
 * Next's compiler folds `typeof window` in the client bundle and drops it from the page's JS.
 */
function serverOnlyAttribute(name, value) {
  const text = `typeof window === 'undefined' ? ${JSON.stringify(value)} : undefined`
  return expressionAttribute(name, serverOnly(valueToEstree(value)), text)
}

function toRequestPath(from, to) {
  const path = relative(from, to).split(sep).join('/')
  return path.startsWith('.') ? path : `./${path}`
}

/**
 * `() => import("!!<lab-module-loader>?meta=…!<examples/id/meta.ts>")`: one lazy chunk per example with
 * its meta and files. The meta travels in the request, so the chunk holds exactly what the page's HTML
 * was rendered from.
 */
function lazyLabImport(mdxDir, exampleDir, meta) {
  const encoded = Buffer.from(JSON.stringify(meta)).toString('base64url')
  const request = `!!${toRequestPath(mdxDir, MODULE_LOADER)}?meta=${encoded}!${toRequestPath(mdxDir, join(exampleDir, 'meta.ts'))}`
  const expression = {
    type: 'ArrowFunctionExpression',
    params: [],
    async: false,
    expression: true,
    generator: false,
    body: { type: 'ImportExpression', source: { type: 'Literal', value: request, raw: JSON.stringify(request) } },
  }
  return expressionAttribute('loadLab', expression, `() => import(${JSON.stringify(request)})`)
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
        (candidate) => !(candidate.type === 'mdxJsxAttribute' && INJECTED.includes(candidate.name)),
      )
      node.attributes.push(
        { type: 'mdxJsxAttribute', name: 'title', value: meta.title },
        serverOnlyAttribute('meta', staticMeta),
        serverOnlyAttribute('highlighted', highlighted),
        lazyLabImport(mdxDir, example.dir, staticMeta),
      )
      file.data.labExamples = [...(file.data.labExamples ?? []), id]
    }

    if (!importsNamed(tree, 'Lab', COMPONENT_IMPORT)) tree.children.unshift(namedImportNode('Lab', COMPONENT_IMPORT))
  }
}
