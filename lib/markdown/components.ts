/**
 * How each MDX component of the course reads as Markdown. A page's Markdown copy must hold everything its
 * HTML says, so a component without an entry here fails the build (with the MDX file and line) instead of
 * vanishing silently from the Markdown.
 */
import type { BlockContent, PhrasingContent, RootContent } from 'mdast'
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx'

export type JsxElement = MdxJsxFlowElement | MdxJsxTextElement

export interface RenderContext {
  /** Repository-relative MDX file, for messages. */
  file: string
  /** Evaluates an attribute's `{expression}` with the page's own `export const` values in scope. */
  evaluate: (expression: string, node: JsxElement) => unknown
  /** Parses Markdown text into nodes (for renderers that produce text, such as labs). */
  parse: (markdown: string) => RootContent[]
  /** The Markdown of `<Lab example={id} />`, loaded before the page is transformed. */
  lab: (id: string, node: JsxElement) => string
  /** The Markdown of `<DecisionTree />`. */
  decisionTree: () => string
}

export type Renderer = (node: JsxElement, context: RenderContext) => RootContent[]

export function where(context: RenderContext, node: { position?: { start: { line: number } } }) {
  return node.position ? `${context.file}:${node.position.start.line}` : context.file
}

/** An attribute's value: a literal string, an evaluated `{expression}`, `true` for a bare name, or undefined. */
export function attribute(node: JsxElement, name: string, context: RenderContext): unknown {
  const found = node.attributes.find(
    (candidate): candidate is MdxJsxAttribute => candidate.type === 'mdxJsxAttribute' && candidate.name === name,
  )
  if (!found) return undefined
  if (found.value === null || found.value === undefined) return true
  if (typeof found.value === 'string') return found.value
  return context.evaluate(found.value.value, node)
}

function textOf(nodes: RootContent[]): string {
  return nodes
    .map((node) =>
      'value' in node && typeof node.value === 'string'
        ? node.value
        : 'children' in node
          ? textOf(node.children as RootContent[])
          : '',
    )
    .join('')
}

const CALLOUT_ALERTS: Record<string, string> = {
  default: 'NOTE',
  info: 'NOTE',
  warning: 'WARNING',
  error: 'CAUTION',
  important: 'IMPORTANT',
}

/** A Callout becomes a GitHub-style alert (`> [!NOTE]`), which also reads as a plain blockquote anywhere else. */
const callout: Renderer = (node, context) => {
  const type = String(attribute(node, 'type', context) ?? 'default')
  const marker = { type: 'html', value: `[!${CALLOUT_ALERTS[type] ?? 'NOTE'}]` } as const
  const children = [...node.children] as BlockContent[]
  const first = children[0]
  if (first?.type === 'paragraph') {
    children[0] = { ...first, children: [marker, { type: 'text', value: '\n' }, ...first.children] }
  } else {
    children.unshift({ type: 'paragraph', children: [marker] })
  }
  return [{ type: 'blockquote', children }]
}

/** Tabs become their panels one after another, each under its label in bold. */
const tabs: Renderer = (node, context) => {
  const items = attribute(node, 'items', context)
  const panels = node.children.filter(
    (child): child is JsxElement => child.type === 'mdxJsxFlowElement' && child.name === 'Tabs.Tab',
  )
  if (!Array.isArray(items) || items.length !== panels.length) {
    throw new Error(
      `${where(context, node)}: <Tabs> needs \`items={[…]}\` with one label per <Tabs.Tab> (found ${Array.isArray(items) ? items.length : 'no'} labels and ${panels.length} tabs).`,
    )
  }
  return panels.flatMap((panel, index) => [
    { type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: String(items[index]) }] }] },
    ...(panel.children as RootContent[]),
  ])
}

/** Cards become a list of links. */
const cards: Renderer = (node, context) => [
  {
    type: 'list',
    ordered: false,
    spread: false,
    children: node.children
      .filter((child): child is JsxElement => 'name' in child && child.name === 'Cards.Card')
      .map((card) => ({
        type: 'listItem',
        spread: false,
        children: [
          {
            type: 'paragraph',
            children: [
              {
                type: 'link',
                url: String(attribute(card, 'href', context)),
                children: [{ type: 'text', value: String(attribute(card, 'title', context)) }],
              },
            ],
          },
        ],
      })),
  },
]

/** Diagrams become image links with their alt text, which describes the whole figure. */
const image: Renderer = (node, context) => {
  const src = attribute(node, 'src', context)
  const alt = attribute(node, 'alt', context)
  if (typeof src !== 'string' || typeof alt !== 'string' || alt.trim() === '') {
    throw new Error(`${where(context, node)}: <img> needs a literal src and an alt text that describes the figure.`)
  }
  const picture: PhrasingContent = { type: 'image', url: src, alt }
  return node.type === 'mdxJsxFlowElement' ? [{ type: 'paragraph', children: [picture] }] : [picture]
}

const link: Renderer = (node, context) => {
  const href = attribute(node, 'href', context)
  if (typeof href !== 'string') throw new Error(`${where(context, node)}: <Link> needs an href.`)
  const content: RootContent = { type: 'link', url: href, children: node.children as PhrasingContent[] }
  return node.type === 'mdxJsxFlowElement' ? [{ type: 'paragraph', children: [content] }] : [content]
}

const lab: Renderer = (node, context) => {
  const id = attribute(node, 'example', context)
  if (typeof id !== 'string') throw new Error(`${where(context, node)}: <Lab> needs a literal example id.`)
  return context.parse(context.lab(id, node))
}

/** Elements that only mean something inside another component, whose renderer reads them. */
export const PARTS: Record<string, string> = { 'Tabs.Tab': 'Tabs', 'Cards.Card': 'Cards' }

/**
 * The reader's course map lives in their browser (lib/progress/), so a Markdown copy can only say what the
 * page shows there.
 */
const courseMap: Renderer = (_node, context) =>
  context.parse(
    '_On the site, this section shows your course map: each part with the pages you have read, the exercises ' +
      'you have passed and where to continue, with export, import and reset of that progress, and whether the ' +
      'course is stored for offline use. It lives in your browser only, so this copy cannot show it._',
  )

export const RENDERERS: Record<string, Renderer> = {
  Lab: lab,
  CourseMap: courseMap,
  DecisionTree: (_node, context) => context.parse(context.decisionTree()),
  Callout: callout,
  Tabs: tabs,
  Cards: cards,
  Link: link,
  img: image,
  kbd: (node) => [{ type: 'inlineCode', value: textOf(node.children as RootContent[]) }],
  br: () => [{ type: 'html', value: '<br />' }],
}
