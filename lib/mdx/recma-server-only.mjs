// recma plugin: the static parts of an MDX page reach the browser as HTML, not as JavaScript.
//
// A Next.js page ships its content twice: once as HTML and once as the JSX that renders it again on
// hydration. For prose, code fences and inline diagrams the second copy is pure weight (it is most of a
// lesson's page chunk). This plugin finds every block whose whole subtree is static markup (paragraphs,
// lists, tables, block quotes, the highlighted lines of a code fence, inline SVG, top-level images) and rewrites
//
//   _jsx(_components.p, { children: [...] })
// into
//   _jsx(_ServerOnly, { as: _components.p, "data-so": "7", children: typeof window === "undefined" ? [...] : undefined })
//
// Next's compiler folds `typeof window` in the client bundle, so the children are dropped from the page's
// JS and stay in its static HTML. `components/MDX/ServerOnly.tsx` keeps the server's markup on hydration
// and, after a client-side navigation (no server markup on screen), takes it from the page's HTML.
// Authors keep writing plain MDX; the element itself (its component, classes and attributes) is still
// rendered by React on both sides, so the markup is identical.
//
// Interactive parts stay JSX: headings (the TOC observes them), the code fence's <pre> (copy button),
// `<Lab>`, Tabs and any other component. Their static children are still candidates.

const IMPORT_SOURCE = '@/components/MDX/ServerOnly'
const LOCAL_NAME = '_ServerOnly'

/** `_components.<name>` blocks that become server-only when everything inside them is static. */
const BLOCK_TAGS = new Set(['p', 'ul', 'ol', 'blockquote', 'table'])
/** `_components.<name>` elements allowed inside a static block (Nextra renders them without state). */
const STATIC_COMPONENT_TAGS = new Set([
  ...BLOCK_TAGS,
  'li',
  'a',
  'code',
  'strong',
  'em',
  'del',
  'span',
  'br',
  'sup',
  'sub',
  'kbd',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'hr',
  'section',
  'input',
])
/** Components whose children are rendered on the server as they are (hidden tab panels included). */
const CONTAINERS = new Set(['Callout', 'Tabs', 'Tabs.Tab', 'Steps'])

/** `_components.p` → '_components.p'; `svg` → '<svg>'; `Tabs.Tab` → 'Tabs.Tab'; `Callout` → 'Callout'. */
function tagOf(name) {
  if (name.type === 'JSXIdentifier') return /^[a-z]/.test(name.name) ? `<${name.name}>` : name.name
  if (name.type === 'JSXMemberExpression' && name.object.type === 'JSXIdentifier') {
    return `${name.object.name}.${name.property.name}`
  }
  return null
}

const componentName = (tag) => (tag?.startsWith('_components.') ? tag.slice('_components.'.length) : null)

/** Is this expression plain data (a style object, a string)? */
function isStaticExpression(node) {
  switch (node?.type) {
    case 'Literal':
      return true
    case 'TemplateLiteral':
      return node.expressions.length === 0
    case 'UnaryExpression':
      return node.operator === '-' && node.argument.type === 'Literal'
    case 'ArrayExpression':
      return node.elements.every(
        (element) => element && element.type !== 'SpreadElement' && isStaticExpression(element),
      )
    case 'ObjectExpression':
      return node.properties.every(
        (property) => property.type === 'Property' && !property.computed && isStaticExpression(property.value),
      )
    case 'JSXElement':
    case 'JSXFragment':
      return isStatic(node)
    default:
      return false
  }
}

/** Is this JSX static markup all the way down? */
function isStatic(node) {
  switch (node.type) {
    case 'JSXText':
      return true
    case 'JSXExpressionContainer':
      return node.expression.type === 'JSXEmptyExpression' || isStaticExpression(node.expression)
    case 'JSXFragment':
      return node.children.every(isStatic)
    case 'JSXElement': {
      const tag = tagOf(node.openingElement.name)
      const name = componentName(tag)
      const staticTag =
        (tag?.startsWith('<') && tag !== '<script>' && tag !== '<style>') ||
        (name !== null && STATIC_COMPONENT_TAGS.has(name))
      if (!staticTag) return false
      const attributesStatic = node.openingElement.attributes.every(
        (attribute) =>
          attribute.type === 'JSXAttribute' &&
          (attribute.value === null ||
            attribute.value.type === 'Literal' ||
            (attribute.value.type === 'JSXExpressionContainer' && isStaticExpression(attribute.value.expression))),
      )
      return attributesStatic && node.children.every(isStatic)
    }
    default:
      return false
  }
}

function literal(value) {
  return { type: 'Literal', value, raw: JSON.stringify(value) }
}

function jsxName(tag) {
  const [object, property] = tag.split('.')
  return property
    ? {
        type: 'JSXMemberExpression',
        object: { type: 'JSXIdentifier', name: object },
        property: { type: 'JSXIdentifier', name: property },
      }
    : { type: 'JSXIdentifier', name: object }
}

/** `as` prop: the component (`_components.p`) or the tag name (`"svg"`). */
/**
 * Blocks rendered as the plain element, styled by the site's stylesheet instead of the theme component's utility
 * classes: a lesson has dozens of paragraphs, and the same 40-character class on each was HTML that every reader
 * downloads before the first paint (styles/site.css, `p[data-so]`, has Nextra's margin and line height).
 */
const PLAIN_BLOCKS = new Set(['_components.p'])

function asValue(tag) {
  if (PLAIN_BLOCKS.has(tag)) return literal(componentName(tag))
  if (tag.startsWith('<')) return literal(tag.slice(1, -1))
  const [object, property] = tag.split('.')
  return property
    ? {
        type: 'MemberExpression',
        object: { type: 'Identifier', name: object },
        property: { type: 'Identifier', name: property },
        computed: false,
        optional: false,
      }
    : { type: 'Identifier', name: object }
}

/** `{typeof window === "undefined" ? <>children</> : undefined}` */
function serverOnlyChildren(children) {
  return {
    type: 'JSXExpressionContainer',
    expression: {
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
        right: literal('undefined'),
      },
      consequent: {
        type: 'JSXFragment',
        openingFragment: { type: 'JSXOpeningFragment' },
        closingFragment: { type: 'JSXClosingFragment' },
        children,
      },
      alternate: { type: 'Identifier', name: 'undefined' },
    },
  }
}

function textLength(node) {
  if (node.type === 'JSXText') return node.value.length
  if (node.type === 'JSXExpressionContainer')
    return node.expression.type === 'Literal' ? String(node.expression.value).length : 0
  return 100
}

/** Rewrites one static element in place; returns whether it did. */
function makeServerOnly(element, tag, nextId) {
  // Nothing to save on an element with no or very little content.
  if (element.children.reduce((sum, child) => sum + textLength(child), 0) < 24) return false
  const attribute = (name, value) => ({ type: 'JSXAttribute', name: { type: 'JSXIdentifier', name }, value })
  element.openingElement.name = jsxName(LOCAL_NAME)
  element.openingElement.attributes.unshift(
    attribute('as', { type: 'JSXExpressionContainer', expression: asValue(tag) }),
    attribute('data-so', literal(nextId())),
  )
  element.openingElement.selfClosing = false
  element.closingElement = { type: 'JSXClosingElement', name: jsxName(LOCAL_NAME) }
  element.children = [serverOnlyChildren(element.children)]
  return true
}

/**
 * Stateless components whose whole output can stay in the HTML when their content is static (a Callout
 * is a box, an emoji and its text). They render inside `<div style="display:contents">`, which leaves
 * the layout as it was (a Callout's margin does not depend on its position), and the component's
 * code leaves the page's JavaScript with its last client-side use.
 */
const WHOLLY_STATIC_COMPONENTS = new Set(['Callout'])

function hasStaticAttributes(element) {
  return element.openingElement.attributes.every(
    (attribute) =>
      attribute.type === 'JSXAttribute' &&
      (attribute.value === null ||
        attribute.value.type === 'Literal' ||
        (attribute.value.type === 'JSXExpressionContainer' && isStaticExpression(attribute.value.expression))),
  )
}

/** `<Callout …>…</Callout>` → `<_ServerOnly as="div" data-so="…" style={{display: "contents"}}>{server only: <Callout …>…</Callout>}</_ServerOnly>` */
function wrapServerOnly(element, nextId) {
  const inner = { ...element }
  const attribute = (name, value) => ({ type: 'JSXAttribute', name: { type: 'JSXIdentifier', name }, value })
  const style = {
    type: 'ObjectExpression',
    properties: [
      {
        type: 'Property',
        kind: 'init',
        key: { type: 'Identifier', name: 'display' },
        value: literal('contents'),
        computed: false,
        method: false,
        shorthand: false,
      },
    ],
  }
  element.openingElement = {
    type: 'JSXOpeningElement',
    name: jsxName(LOCAL_NAME),
    attributes: [
      attribute('as', literal('div')),
      attribute('data-so', literal(nextId())),
      attribute('style', { type: 'JSXExpressionContainer', expression: style }),
    ],
    selfClosing: false,
  }
  element.closingElement = { type: 'JSXClosingElement', name: jsxName(LOCAL_NAME) }
  element.children = [serverOnlyChildren([inner])]
}

/**
 * Walks the content from its root. A static block becomes server-only; anything else is visited for
 * static blocks among its children (a list item's paragraphs, a Callout's or a tab's content, a code
 * fence's lines).
 */
function visit(node, parentTag, state) {
  if (node.type === 'JSXFragment') {
    for (const child of node.children) visit(child, parentTag, state)
    return
  }
  if (node.type === 'JSXExpressionContainer') {
    if (node.expression.type === 'JSXElement' || node.expression.type === 'JSXFragment')
      visit(node.expression, parentTag, state)
    return
  }
  if (node.type !== 'JSXElement') return
  const tag = tagOf(node.openingElement.name)
  if (!tag) return
  const name = componentName(tag)
  const candidate =
    (name !== null && BLOCK_TAGS.has(name)) ||
    (name === 'code' && parentTag === '_components.pre') ||
    tag === '<svg>' ||
    tag === '<figure>'
  if (candidate && isStatic(node) && makeServerOnly(node, tag, state.nextId)) {
    state.count++
    return
  }
  // A top-level image (a diagram with a long alt text): a block box around it leaves the layout as it was.
  if (tag === '<img>' && parentTag === null && hasStaticAttributes(node)) {
    wrapServerOnly(node, state.nextId)
    state.count++
    return
  }
  if (WHOLLY_STATIC_COMPONENTS.has(tag) && hasStaticAttributes(node) && node.children.every(isStatic)) {
    wrapServerOnly(node, state.nextId)
    state.count++
    return
  }
  // Recurse only where the children are known to be rendered on the server as they are.
  const container =
    name !== null ? STATIC_COMPONENT_TAGS.has(name) || name === 'pre' : CONTAINERS.has(tag) || tag.startsWith('<')
  if (!container) return
  for (const child of node.children) visit(child, tag, state)
}

function findContentFunction(program) {
  for (const statement of program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement
    if (declaration?.type === 'FunctionDeclaration' && declaration.id?.name === '_createMdxContent') return declaration
  }
  return null
}

/** @param {{ enabled?: boolean }} [options] */
export default function recmaServerOnly(options = {}) {
  return function transform(program) {
    if (options.enabled === false) return
    const content = findContentFunction(program)
    if (!content) return
    let id = 0
    const state = { count: 0, nextId: () => (id++).toString(36) }
    for (const statement of content.body.body) {
      if (statement.type === 'ReturnStatement' && statement.argument) visit(statement.argument, null, state)
    }
    if (state.count === 0) return
    program.body.unshift({
      type: 'ImportDeclaration',
      specifiers: [
        {
          type: 'ImportSpecifier',
          imported: { type: 'Identifier', name: 'ServerOnly' },
          local: { type: 'Identifier', name: LOCAL_NAME },
        },
      ],
      source: literal(IMPORT_SOURCE),
      attributes: [],
    })
  }
}
