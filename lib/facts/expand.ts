/**
 * The MDX side of the facts: replaces the fact components of one page's Markdown tree with plain Markdown
 * nodes, at build time, so a fact costs the page no JavaScript (lib/mdx/remark-facts.mjs runs this for
 * the site; lib/markdown/mdx-to-markdown.ts for the page's Markdown copy).
 *
 * - `<Fact id="…" />`: the fact's value, inside a sentence. `<Fact id="…" statement />`: the whole statement.
 * - `<WhatChanged>…</WhatChanged>`: the lesson's "What changed since the article" box: the author's own
 *   lines, then what moved for each fact the page uses (its `changed` line, source and check date), then
 *   a link to the Sources page. `facts="id other-id"` adds facts the page relies on without printing them.
 *   `<WhatChanged only facts="…">` (an overview's box per section) lists just the facts it names, and no
 *   Sources link (the overview links it once).
 * - `<FactSources topic="…" />`: the table of every fact of a topic, for pages/sources.mdx.
 */
import type { BlockContent, PhrasingContent, Root, RootContent, TableRow } from 'mdast'
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx'
import { closest } from '../content/did-you-mean'
import { FACT_TOPICS, factById, facts, formatCheckedDate, type Fact } from './index'

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement
type Parent = { children: RootContent[] }

export const FACT_COMPONENTS = ['Fact', 'WhatChanged', 'FactSources'] as const
/** Where the Sources page is served. */
export const SOURCES_ROUTE = '/sources/'

/** `where(node)` → "pages/x.mdx:12", for messages. */
export type Where = (node: { position?: { start: { line: number } } }) => string

function isJsx(node: RootContent): node is JsxElement {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement'
}

function attributeOf(node: JsxElement, name: string): MdxJsxAttribute | undefined {
  return node.attributes.find(
    (candidate): candidate is MdxJsxAttribute => candidate.type === 'mdxJsxAttribute' && candidate.name === name,
  )
}

function literalAttribute(node: JsxElement, name: string, where: Where): string | undefined {
  const found = attributeOf(node, name)
  if (!found) return undefined
  if (typeof found.value !== 'string') {
    throw new Error(`${where(node)}: <${node.name}> needs a literal ${name}, e.g. ${name}="…", not an expression.`)
  }
  return found.value
}

function lookUp(id: string, node: JsxElement, where: Where): Fact {
  const fact = factById(id)
  if (fact) return fact
  const guess = closest(
    id,
    facts.map((candidate) => candidate.id),
  )
  throw new Error(
    `${where(node)}: <${node.name}> names no fact "${id}".${guess ? ` Did you mean "${guess}"?` : ''} Facts are listed in lib/facts/facts.ts (add it there with its source and check date).`,
  )
}

/** Inline Markdown of a fact's text: `code` spans and plain text (all a fact's texts use). */
export function inline(text: string): PhrasingContent[] {
  return text
    .split(/(`[^`]+`)/)
    .filter((part) => part !== '')
    .map((part) =>
      part.startsWith('`') && part.endsWith('`') && part.length > 1
        ? { type: 'inlineCode', value: part.slice(1, -1) }
        : { type: 'text', value: part },
    )
}

const paragraph = (children: PhrasingContent[]): BlockContent => ({ type: 'paragraph', children })
const link = (url: string, text: string): PhrasingContent => ({
  type: 'link',
  url,
  children: [{ type: 'text', value: text }],
})

function walk(parent: Parent, visit: (node: RootContent, index: number, parent: Parent) => void) {
  // Children first, so a replaced node's own children have been seen; index walks backwards so
  // replacing one node by several keeps the remaining indexes valid.
  for (let index = parent.children.length - 1; index >= 0; index--) {
    const node = parent.children[index]
    if ('children' in node) walk(node as Parent, visit)
    visit(node, index, parent)
  }
}

/** The ids of every `<Fact>` on the page and every `facts="…"` of its `<WhatChanged>`, in page order. */
export function factIdsUsed(tree: Root, where: Where): string[] {
  const ids: string[] = []
  const collect = (parent: Parent) => {
    for (const node of parent.children) {
      if (isJsx(node) && node.name === 'Fact') {
        const id = literalAttribute(node, 'id', where)
        if (!id) throw new Error(`${where(node)}: <Fact> needs an id, e.g. <Fact id="vercel-default-duration" />.`)
        ids.push(lookUp(id, node, where).id)
      }
      if (isJsx(node) && node.name === 'WhatChanged') {
        for (const id of (literalAttribute(node, 'facts', where) ?? '').split(/[\s,]+/).filter(Boolean)) {
          ids.push(lookUp(id, node, where).id)
        }
      }
      if ('children' in node) collect(node as Parent)
    }
  }
  collect(tree)
  return [...new Set(ids)]
}

function whatChangedBox(node: JsxElement, used: Fact[], where: Where): MdxJsxFlowElement {
  // `only`: an overview page has one box per section, each listing the facts it names, not the page's.
  const only = attributeOf(node, 'only') !== undefined
  const listed = only
    ? (literalAttribute(node, 'facts', where) ?? '')
        .split(/[\s,]+/)
        .filter(Boolean)
        .map((id) => lookUp(id, node, where))
    : used
  const moved = listed.filter((fact) => fact.changed)
  const authored = node.children as BlockContent[]
  const children: BlockContent[] = [
    paragraph([{ type: 'strong', children: [{ type: 'text', value: 'What changed since the article.' }] }]),
  ]
  children.push(...authored)
  if (moved.length > 0) {
    children.push({
      type: 'list',
      ordered: false,
      spread: false,
      children: moved.map((fact) => ({
        type: 'listItem',
        spread: false,
        children: [
          paragraph([
            // "…moved (source, checked 7 Dec 2026)." rather than "…moved. (source…)"
            ...inline(fact.changed!.replace(/\.$/, '')),
            { type: 'text', value: ' (' },
            link(fact.source.url, fact.source.title),
            { type: 'text', value: `, checked ${formatCheckedDate(fact.checked)}).` },
          ]),
        ],
      })),
    })
  }
  if (!only) {
    children.push(
      paragraph([
        { type: 'text', value: 'Every platform fact in this course, with its source and the date it was checked: ' },
        link(SOURCES_ROUTE, 'Sources'),
        { type: 'text', value: '.' },
      ]),
    )
  }
  return {
    type: 'mdxJsxFlowElement',
    name: 'Callout',
    attributes: [{ type: 'mdxJsxAttribute', name: 'type', value: 'info' }],
    children,
    position: node.position,
  }
}

function sourcesTable(topic: string): RootContent {
  const cell = (children: PhrasingContent[]) => ({ type: 'tableCell' as const, children })
  const header: TableRow = {
    type: 'tableRow',
    children: ['Fact', 'Statement', 'Source', 'Checked'].map((text) => cell([{ type: 'text', value: text }])),
  }
  const rows: TableRow[] = facts
    .filter((fact) => fact.topic === topic)
    .map((fact) => ({
      type: 'tableRow',
      children: [
        cell([{ type: 'inlineCode', value: fact.id }]),
        cell(inline(fact.statement)),
        cell([link(fact.source.url, fact.source.title)]),
        cell([{ type: 'text', value: formatCheckedDate(fact.checked) }]),
      ],
    }))
  return { type: 'table', align: [null, null, null, null], children: [header, ...rows] }
}

/**
 * Expands every fact component of the page in place. Returns the fact ids the page uses. Throws, naming
 * the file and line, on an unknown id or a malformed component.
 */
export function expandFacts(tree: Root, where: Where): string[] {
  const usedIds = factIdsUsed(tree, where)
  const used = usedIds.map((id) => factById(id)!)
  walk(tree, (node, index, parent) => {
    if (!isJsx(node) || !(FACT_COMPONENTS as readonly string[]).includes(node.name ?? '')) return
    let replacement: RootContent[]
    if (node.name === 'Fact') {
      const fact = lookUp(literalAttribute(node, 'id', where)!, node, where)
      const text = inline(attributeOf(node, 'statement') ? fact.statement : fact.value)
      replacement = node.type === 'mdxJsxFlowElement' ? [paragraph(text)] : text
    } else if (node.name === 'WhatChanged') {
      if (node.type !== 'mdxJsxFlowElement') {
        throw new Error(`${where(node)}: <WhatChanged> is a box: put it on lines of its own, not inside a paragraph.`)
      }
      replacement = [whatChangedBox(node, used, where)]
    } else {
      const topic = literalAttribute(node, 'topic', where)
      if (!topic || !(FACT_TOPICS as readonly string[]).includes(topic)) {
        throw new Error(`${where(node)}: <FactSources> needs topic="…", one of: ${FACT_TOPICS.join(', ')}.`)
      }
      replacement = [sourcesTable(topic)]
    }
    parent.children.splice(index, 1, ...replacement)
  })
  return usedIds
}
