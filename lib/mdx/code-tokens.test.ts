import { readFileSync } from 'node:fs'
import { codeToHtml } from 'shiki'
import { describe, expect, it } from 'vitest'
import { CODE_THEMES } from '../site/code-theme.mjs'
import { COLOUR_CLASSES, DEFAULT_PAIR, compactTokens, tokenStylesheet } from './code-tokens.mjs'
import { highlightFile } from './highlight.mjs'

const SAMPLE = [
  "import { Pool } from 'pg'",
  '// one pool per instance',
  'export async function GET() {',
  "  const { rows } = await pool.query('select 1')",
  '  return Response.json({ ok: true, rows })',
  '}',
].join('\n')

const fence = (transformers: Array<typeof compactTokens> = []) =>
  codeToHtml(SAMPLE, { lang: 'ts', themes: CODE_THEMES, defaultColor: false, transformers })

const textOf = (html: string) => html.replace(/<[^>]*>/g, '')
const tokensOf = (html: string) => html.match(/<span class="line">.*?<\/span>(?=\n|<\/code>)/g) ?? []

describe('code fence tokens as classes (lib/mdx/code-tokens.mjs)', () => {
  it('styles/code-tokens.css is what the themes give (regenerate it as its header says)', () => {
    expect(readFileSync('styles/code-tokens.css', 'utf8')).toBe(tokenStylesheet())
  })

  it('keeps the code text and every colour, with no inline style left', async () => {
    const [before, after] = await Promise.all([fence(), fence([compactTokens])])
    expect(textOf(after)).toBe(textOf(before))
    const tokens = tokensOf(after).join('\n')
    expect(tokens).not.toContain('style=')
    // Each coloured token of the original is in a span whose class sets the same pair.
    const coloured = [...before.matchAll(/<span style="--shiki-light:([^;]+);--shiki-dark:([^;"]+)">([^<]*)<\/span>/g)]
    const classOf = new Map([...COLOUR_CLASSES.values()].map((pair) => [`${pair.light}/${pair.dark}`, pair.className]))
    for (const [, light, dark, text] of coloured) {
      const key = `${light}/${dark}`.toLowerCase()
      if (key === `${DEFAULT_PAIR.light}/${DEFAULT_PAIR.dark}` || !text.trim()) continue
      expect(after, `"${text}" keeps ${key}`).toMatch(
        new RegExp(`<span class="${classOf.get(key)}">[^<]*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
      )
    }
  })

  it('merges neighbouring tokens of one colour and leaves text in the theme colour unwrapped', async () => {
    const after = await fence([compactTokens])
    expect(after).toContain('>export async function</span>')
    expect(after).toContain('() {</span>')
    expect(after).not.toMatch(/<\/span><span class="(s\d+)">[^<]*<\/span><span class="\1">/)
    expect(after.length).toBeLessThan((await fence()).length * 0.6)
  })

  it('every colour pair of the two themes has a class, and the class names are short and unique', () => {
    const names = [...COLOUR_CLASSES.values()].map((pair) => pair.className)
    expect(new Set(names).size).toBe(names.length)
    expect(names.every((name) => /^s\d{1,2}$/.test(name))).toBe(true)
    expect(names.length).toBeGreaterThan(5)
  })
})

describe("a lab's static highlight (lib/mdx/highlight.mjs)", () => {
  it('merges neighbouring tokens of one colour and keeps the text', async () => {
    const html = await highlightFile(`${SAMPLE}\n`, 'app/api/todos/route.ts')
    expect(textOf(html)).toBe(SAMPLE)
    expect(html).toContain('<span class="t-keyword">export async function</span>')
    expect(html).not.toMatch(/<span class="(t-[\w ]+)">[^<]*<\/span><span class="\1">/)
  })
})
