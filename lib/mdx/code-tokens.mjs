// Code fences' colours as short class names instead of an inline style on every token.
//
// With two themes, shiki writes `style="--shiki-light:#A0111F;--shiki-dark:#FF9492"` on each token, and Nextra's
// stylesheet colours every `.nextra-code span` with `var(--shiki-light)` (or `--shiki-dark` under `html.dark`).
// That inline style was a third of a lesson's code markup, and a lesson's HTML is what Lighthouse's slow 4G charges
// before the first paint (README, Benchmarks). This shiki transformer, run by Nextra's rehype-pretty-code:
//   - gives a token the class of its colour pair (`s3`); styles/code-tokens.css sets the same two variables for it;
//   - leaves tokens in the theme's own text colour (and whitespace, whose colour nobody sees) as plain text, which
//     takes the colour from `code.nextra-code` (the stylesheet sets the variables there too);
//   - merges neighbouring tokens of the same colour (`export async function` is one span, not three).
// The text is untouched, so "Copy code", the Markdown export and search read the same code. A pair the themes do
// not list (none today) keeps its inline style: still right, only longer.
import { CODE_THEMES } from '../site/code-theme.mjs'

const lightTheme = (await import(`shiki/themes/${CODE_THEMES.light}.mjs`)).default
const darkTheme = (await import(`shiki/themes/${CODE_THEMES.dark}.mjs`)).default

const pairKey = (light, dark) => `${light}/${dark}`.toLowerCase()

/** The themes' text colour: tokens in it need no span. */
export const DEFAULT_PAIR = {
  light: lightTheme.colors['editor.foreground'].toLowerCase(),
  dark: darkTheme.colors['editor.foreground'].toLowerCase(),
}

/**
 * Every foreground pair the two themes can give a token, each with its class. The two GitHub themes list the same
 * scopes in the same order, so a token's light and dark colours come from the same rule; a theme pair that does not
 * is refused here, where the themes are chosen (lib/site/code-theme.mjs), rather than coloured wrongly.
 * @returns {Map<string, { className: string, light: string, dark: string }>}
 */
function colourClasses() {
  const classes = new Map()
  const rules = lightTheme.tokenColors
  if (rules.length !== darkTheme.tokenColors.length) {
    throw new Error(`lib/mdx/code-tokens.mjs: ${CODE_THEMES.light} and ${CODE_THEMES.dark} list different rules`)
  }
  rules.forEach((rule, at) => {
    const other = darkTheme.tokenColors[at]
    if (JSON.stringify(rule.scope) !== JSON.stringify(other.scope)) {
      throw new Error(
        `lib/mdx/code-tokens.mjs: rule ${at} has different scopes in ${CODE_THEMES.light} and ${CODE_THEMES.dark}`,
      )
    }
    const light = rule.settings.foreground?.toLowerCase()
    const dark = other.settings.foreground?.toLowerCase()
    if (!light || !dark) return
    const key = pairKey(light, dark)
    if (key === pairKey(DEFAULT_PAIR.light, DEFAULT_PAIR.dark) || classes.has(key)) return
    classes.set(key, { className: `s${classes.size}`, light, dark })
  })
  return classes
}

export const COLOUR_CLASSES = colourClasses()

/** styles/code-tokens.css, which code-tokens.test.ts keeps equal to this. */
export function tokenStylesheet() {
  const rule = (selector, { light, dark }) => `${selector} {\n  --shiki-light: ${light};\n  --shiki-dark: ${dark};\n}\n`
  return [
    `/* Generated from ${CODE_THEMES.light} and ${CODE_THEMES.dark} by lib/mdx/code-tokens.mjs; a unit test keeps it`,
    `   in step (regenerate: npx tsx -e "import('./lib/mdx/code-tokens.mjs').then(m => process.stdout.write(m.tokenStylesheet()))" > styles/code-tokens.css).`,
    '   Nextra colours each `.nextra-code span` with these variables; a token carries its pair as a class, and text in',
    '   the themes\u2019 own colour inherits it from the <code>. */',
    rule('code.nextra-code', DEFAULT_PAIR),
    ...[...COLOUR_CLASSES.values()].map((pair) => rule(`code.nextra-code .${pair.className}`, pair)),
  ].join('\n')
}

const isText = (node) => node.type === 'text'
const onlyText = (node) => node.children.every(isText)
const textOf = (node) => node.children.map((child) => child.value).join('')

/** A token span's inline style split into its colour pair and whatever else it sets (a font style). */
function readStyle(style) {
  let light
  let dark
  const rest = []
  for (const declaration of style.split(';').filter(Boolean)) {
    const [name, value] = declaration.split(':')
    if (name === '--shiki-light') light = value
    else if (name === '--shiki-dark') dark = value
    else rest.push(declaration)
  }
  return { key: light && dark ? pairKey(light, dark) : undefined, rest: rest.join(';') }
}

/** One token: plain text, a span with a class, or (unknown pair, font style) its inline style kept. */
function compactToken(node) {
  if (
    node.type !== 'element' ||
    node.tagName !== 'span' ||
    typeof node.properties?.style !== 'string' ||
    !onlyText(node)
  ) {
    return node
  }
  const { key, rest } = readStyle(node.properties.style)
  if (!key) return node
  const seen = textOf(node).trim() !== ''
  if (!rest && (key === pairKey(DEFAULT_PAIR.light, DEFAULT_PAIR.dark) || !seen)) {
    return { type: 'text', value: textOf(node) }
  }
  const pair = COLOUR_CLASSES.get(key)
  if (!pair) return node
  const properties = { ...node.properties, className: [pair.className] }
  if (rest) properties.style = rest
  else delete properties.style
  return { ...node, properties }
}

const sameLook = (a, b) =>
  a.type === 'element' &&
  b.type === 'element' &&
  a.tagName === 'span' &&
  b.tagName === 'span' &&
  onlyText(a) &&
  onlyText(b) &&
  JSON.stringify(a.properties) === JSON.stringify(b.properties)

/** A line's tokens compacted and merged: neighbouring texts become one text, neighbouring same-class spans one span. */
export function compactLine(children) {
  const merged = []
  for (const child of children.map(compactToken)) {
    const last = merged[merged.length - 1]
    if (last && isText(last) && isText(child)) {
      merged[merged.length - 1] = { type: 'text', value: last.value + child.value }
    } else if (last && sameLook(last, child)) {
      merged[merged.length - 1] = { ...last, children: [{ type: 'text', value: textOf(last) + textOf(child) }] }
    } else {
      merged.push(child)
    }
  }
  return merged
}

/** The shiki transformer (rehype-pretty-code's `transformers`). */
export const compactTokens = {
  name: 'course:compact-tokens',
  line(node) {
    node.children = compactLine(node.children)
  },
}
