// One colour scheme for both code views of a lab: the static shiki HTML in the page and the
// Sandpack (CodeMirror) editor that replaces it. Both only name CSS variables; the actual colours
// live in components/Lab/Lab.module.css, once for light and once for `html.dark`, so the code
// follows Nextra's theme switch without re-rendering and the two views cannot drift apart.

/** Sandpack's syntax categories; each becomes `--lab-syntax-<name>`. */
export const SYNTAX_TOKENS = [
  'plain',
  'comment',
  'keyword',
  'tag',
  'punctuation',
  'definition',
  'property',
  'static',
  'string',
]

export const syntaxVar = (token) => `var(--lab-syntax-${token})`

/**
 * A TextMate theme for shiki whose scopes map onto Sandpack's categories (the same grouping
 * CodeMirror's highlighter uses), so a keyword is the same colour before and after the editor loads.
 */
export const labShikiTheme = {
  name: 'course-lab',
  type: 'light',
  colors: {
    'editor.background': 'var(--lab-surface)',
    'editor.foreground': syntaxVar('plain'),
  },
  tokenColors: [
    {
      scope: ['comment', 'punctuation.definition.comment'],
      settings: { foreground: syntaxVar('comment'), fontStyle: 'italic' },
    },
    {
      scope: ['string', 'punctuation.definition.string', 'string.template', 'string.quoted'],
      settings: { foreground: syntaxVar('string') },
    },
    {
      scope: [
        'keyword',
        'storage',
        'storage.type',
        'storage.modifier',
        'keyword.operator.new',
        'keyword.operator.expression',
        'keyword.control',
        'keyword.other',
      ],
      settings: { foreground: syntaxVar('keyword') },
    },
    { scope: ['keyword.operator', 'keyword.operator.assignment'], settings: { foreground: syntaxVar('plain') } },
    {
      scope: [
        'constant.numeric',
        'constant.language',
        'constant.language.boolean',
        'constant.language.null',
        'support.constant',
      ],
      settings: { foreground: syntaxVar('static') },
    },
    {
      scope: ['entity.name.function', 'support.function', 'meta.function-call entity.name.function'],
      settings: { foreground: syntaxVar('definition') },
    },
    { scope: ['entity.name.tag'], settings: { foreground: syntaxVar('tag') } },
    {
      scope: [
        'variable.other.property',
        'support.variable.property',
        'meta.object-literal.key',
        'variable.other.object.property',
        'support.type.property-name',
      ],
      settings: { foreground: syntaxVar('property') },
    },
    { scope: ['punctuation', 'meta.brace'], settings: { foreground: syntaxVar('punctuation') } },
    { scope: ['variable.other.env', 'variable.other.readwrite.alias'], settings: { foreground: syntaxVar('plain') } },
  ],
}

/** Shiki language for a file of an example; `text` when there is none worth loading. */
export function languageOf(path) {
  if (/\.(ts|mts|cts)$/.test(path)) return 'typescript'
  if (/\.(tsx|jsx)$/.test(path)) return 'tsx'
  if (/\.(js|mjs|cjs)$/.test(path)) return 'javascript'
  if (/\.sql$/.test(path)) return 'sql'
  if (/\.json$/.test(path)) return 'json'
  if (/(^|\/)\.env(\.[\w.]+)?$/.test(path)) return 'dotenv'
  return 'text'
}

/** Editor geometry shared by the static view and Sandpack, so swapping them moves nothing. */
export const LINE_HEIGHT_PX = 20
export const MAX_VISIBLE_LINES = 24
export const TAB_BAR_HEIGHT_PX = 40
export const EDITOR_PADDING_PX = 16

/** Height of the code area for a file, before and after the editor loads. */
export function codeAreaHeight(source) {
  const lines = Math.min(source.replace(/\n$/, '').split('\n').length, MAX_VISIBLE_LINES)
  return lines * LINE_HEIGHT_PX + EDITOR_PADDING_PX * 2
}
