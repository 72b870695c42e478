import type { SandpackTheme } from '@codesandbox/sandpack-react'
import { syntaxVar } from '@/lib/mdx/lab-theme.mjs'

/**
 * Sandpack theme made only of the lab's CSS variables (Lab.module.css): the editor switches with
 * Nextra's `html.dark` class instantly and uses exactly the colours of the static shiki HTML.
 */
export const editorTheme: SandpackTheme = {
  colors: {
    surface1: 'var(--lab-surface)',
    surface2: 'var(--lab-border)',
    surface3: 'var(--lab-surface-2)',
    disabled: 'var(--lab-muted)',
    base: 'var(--lab-muted)',
    clickable: 'var(--lab-muted)',
    hover: 'var(--lab-text)',
    accent: 'var(--lab-accent)',
    error: 'var(--lab-bad)',
    errorSurface: 'var(--lab-bad-surface)',
  },
  syntax: {
    plain: syntaxVar('plain'),
    comment: { color: syntaxVar('comment'), fontStyle: 'italic' },
    keyword: syntaxVar('keyword'),
    tag: syntaxVar('tag'),
    punctuation: syntaxVar('punctuation'),
    definition: syntaxVar('definition'),
    property: syntaxVar('property'),
    static: syntaxVar('static'),
    string: syntaxVar('string'),
  },
  font: {
    body: 'inherit',
    mono: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
    size: '13px',
    lineHeight: '20px',
  },
}
