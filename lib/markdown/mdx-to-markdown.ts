/**
 * One MDX page as plain Markdown: the page's own Markdown kept as written (headings, prose, lists, tables,
 * code), imports and comments dropped, and each component replaced by what it shows (components.ts).
 */
import type { Root, RootContent } from 'mdast'
import type { MdxjsEsm } from 'mdast-util-mdxjs-esm'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkMdx from 'remark-mdx'
import remarkParse from 'remark-parse'
import remarkStringify, { type Options as StringifyOptions } from 'remark-stringify'
import { unified } from 'unified'
import { expandFacts } from '@/lib/facts/expand'
import { readerMeta } from '@/lib/content/snippet-marker'
import { PARTS, RENDERERS, attribute, where, type JsxElement, type RenderContext } from './components'

const STRINGIFY: StringifyOptions = {
  bullet: '-',
  emphasis: '*',
  strong: '*',
  fence: '`',
  fences: true,
  rule: '-',
  listItemIndent: 'one',
}

const mdxParser = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter).use(remarkGfm)
const markdownParser = unified().use(remarkParse).use(remarkGfm)
// Tables without padded columns: a padded table repeats its longest cell's width on every row.
const stringifier = unified().use(remarkStringify, STRINGIFY).use(remarkGfm, { tablePipeAlign: false })

export interface PageSource {
  /** Repository-relative path, for messages (e.g. `pages/decide.mdx`). */
  file: string
  source: string
  /** The page title from its front matter: the heading when the page has no `# ` of its own. */
  title: string
}

export interface MdxToMarkdownOptions {
  /** Markdown of each `<Lab example="…" />` (lab.ts), by example id. */
  labs: Record<string, string>
  /** Markdown of `<DecisionTree />` (decision-tree.ts). */
  decisionTree: string
  /** `process.env` as the page's expressions see it at build time (next.config.mjs `env`). */
  env: Record<string, string | undefined>
}

/** `{/* … *\/}` and whitespace only: MDX comments. */
const COMMENT_ONLY = /^\s*(\/\*[\s\S]*?\*\/\s*)*$/

/** The page's `export const name = …` values, evaluated in order (they may use `process.env`). */
function pageConstants(tree: Root, file: string, env: MdxToMarkdownOptions['env']): Record<string, unknown> {
  const declarations = tree.children
    .filter((node): node is MdxjsEsm => node.type === 'mdxjsEsm')
    .flatMap((node) => node.value.split('\n'))
    .filter((line) => !/^\s*import\s/.test(line))
    .join('\n')
  const names = [...declarations.matchAll(/export\s+const\s+([A-Za-z_$][\w$]*)/g)].map((match) => match[1])
  if (names.length === 0) return {}
  try {
    const body = `${declarations.replace(/export\s+const\s/g, 'const ')}\nreturn { ${names.join(', ')} }`
    return new Function('process', body)({ env }) as Record<string, unknown>
  } catch (error) {
    throw new Error(
      `${file}: its \`export const\` values could not be evaluated for the Markdown copy: ${(error as Error).message}`,
    )
  }
}

function isJsx(node: { type: string }): node is JsxElement {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement'
}

/** Replaces MDX nodes bottom-up, so a renderer sees children that are Markdown already. */
function transform(nodes: RootContent[], context: RenderContext, parent?: JsxElement): RootContent[] {
  return nodes.flatMap((node): RootContent[] => {
    if (node.type === 'mdxjsEsm' || node.type === 'yaml') return []
    if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
      if (COMMENT_ONLY.test(node.value)) return []
      const value = context.evaluate(node.value, node as unknown as JsxElement)
      return value === undefined || value === null || value === false ? [] : [{ type: 'text', value: String(value) }]
    }
    if ('children' in node && Array.isArray(node.children)) {
      const children = node.children as RootContent[]
      ;(node as { children: RootContent[] }).children = transform(children, context, isJsx(node) ? node : parent)
    }
    if (!isJsx(node)) return [node]
    const partOf = node.name ? PARTS[node.name] : undefined
    if (partOf) {
      if (parent?.name === partOf) return [node]
      throw new Error(`${where(context, node)}: <${node.name}> belongs inside <${partOf}>.`)
    }
    const render = node.name ? RENDERERS[node.name] : undefined
    if (!render) {
      throw new Error(
        `${where(context, node)}: <${node.name ?? ''}> has no Markdown form, so the page's Markdown copy would lose it. ` +
          `Add a renderer for it to RENDERERS in lib/markdown/components.ts.`,
      )
    }
    return render(node, context)
  })
}

export function mdxToMarkdown(page: PageSource, options: MdxToMarkdownOptions): string {
  const tree = mdxParser.parse(page.source) as Root
  const constants = pageConstants(tree, page.file, options.env)
  const names = Object.keys(constants)
  const context: RenderContext = {
    file: page.file,
    evaluate: (expression, node) => {
      try {
        return new Function('process', ...names, `return (${expression})`)(
          { env: options.env },
          ...Object.values(constants),
        )
      } catch (error) {
        throw new Error(
          `${where(context, node)}: \`{${expression}}\` could not be evaluated for the Markdown copy: ${(error as Error).message}`,
        )
      }
    },
    parse: (markdown) => (markdownParser.parse(markdown) as Root).children,
    lab: (id, node) => {
      const markdown = options.labs[id]
      if (markdown === undefined) throw new Error(`${where(context, node)}: <Lab example="${id}" />: no such example.`)
      return markdown
    },
    decisionTree: () => options.decisionTree,
  }
  // Facts (`<Fact>`, `<WhatChanged>`, `<FactSources>`) become Markdown exactly as on the site.
  expandFacts(tree, (node) => where(context, node))
  // `check=parse` is a note for the course's snippet type-check, not for the reader.
  const dropCheckMarkers = (node: { type: string; meta?: string | null; children?: unknown[] }) => {
    if (node.type === 'code') node.meta = readerMeta(node.meta)
    for (const child of node.children ?? []) dropCheckMarkers(child as typeof node)
  }
  dropCheckMarkers(tree)
  const children = transform(tree.children, context)
  if (!children.some((node) => node.type === 'heading' && node.depth === 1)) {
    children.unshift({ type: 'heading', depth: 1, children: [{ type: 'text', value: page.title }] })
  }
  return withPlainLinkDestinations(stringifier.stringify({ type: 'root', children } as Root))
}

/**
 * The serializer escapes `&` in link destinations (`?a=1\&b=2`) in case it starts a character reference.
 * Without a `;` in the address none can form, so the address is written as a reader would copy it.
 */
function withPlainLinkDestinations(markdown: string): string {
  return markdown.replace(/\]\(([^()\s;]*)\)/g, (link: string) => link.replaceAll('\\&', '&'))
}

/** Every `<Lab example="…">` id in a page, in order, so the caller can load the examples first. */
export function labIdsOf(page: PageSource): string[] {
  const ids: string[] = []
  const visit = (node: { type: string; children?: unknown[] }) => {
    if (isJsx(node) && node.name === 'Lab') {
      const id = attribute(node, 'example', { evaluate: () => undefined } as unknown as RenderContext)
      if (typeof id === 'string') ids.push(id)
    }
    for (const child of node.children ?? []) visit(child as { type: string; children?: unknown[] })
  }
  visit(mdxParser.parse(page.source) as Root)
  return ids
}
