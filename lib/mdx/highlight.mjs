// Build-time highlighting of an example's active file, for the page's static HTML.
import { createHighlighter } from 'shiki'
import { labShikiTheme, languageOf } from './lab-theme.mjs'

let highlighterPromise

function highlighter() {
  highlighterPromise ??= createHighlighter({
    themes: [labShikiTheme],
    langs: ['typescript', 'tsx', 'javascript', 'sql', 'json', 'dotenv'],
  })
  return highlighterPromise
}

/**
 * @param {string} source
 * @param {string} path file path, which decides the language
 * @returns {Promise<string>} a `<pre class="shiki">` whose colours are CSS variables
 */
export async function highlightFile(source, path) {
  const shiki = await highlighter()
  const html = shiki.codeToHtml(source.replace(/\n$/, ''), { lang: languageOf(path), theme: labShikiTheme.name })
  // The colours are CSS variables already; inline `var(...)` per token is the bulk of the markup,
  // so shorten it to a class the lab stylesheet defines (same colours, about half the bytes).
  return (
    html
      .replace(/ style="color:var\(--lab-syntax-(\w+)\)"/g, ' class="t-$1"')
      .replace(/ style="color:var\(--lab-syntax-(\w+)\);font-style:italic"/g, ' class="t-$1 t-i"')
      // Plain text is the <pre>'s own colour: no span needed.
      .replace(/<span class="t-plain">([^<]*)<\/span>/g, '$1')
      .replace(/<pre class="shiki course-lab" style="[^"]*" tabindex="0">/, '<pre class="shiki">')
      // Whitespace shows no colour, and neighbouring tokens of one colour can share a span
      // (`import type` is one span, not two): same look, fewer bytes (lib/mdx/code-tokens.mjs does the same for fences).
      .replace(/<span class="t-[\w ]+">( +)<\/span>/g, '$1')
      // A line is any child of the <code> (Lab.module.css numbers them): the class on each adds nothing.
      .replace(/<span class="line">/g, '<span>')
      .replace(/(?:<span class="t-[\w ]+">[^<]*<\/span>){2,}/g, mergeSameClass)
  )
}

/** A run of token spans with neighbours of the same class merged: `<span class="t-x">a</span><span class="t-x">b</span>` → `<span class="t-x">ab</span>`. */
function mergeSameClass(run) {
  const tokens = [...run.matchAll(/<span class="([^"]+)">([^<]*)<\/span>/g)].map(([, className, text]) => ({
    className,
    text,
  }))
  const merged = []
  for (const token of tokens) {
    const last = merged[merged.length - 1]
    if (last?.className === token.className) last.text += token.text
    else merged.push({ ...token })
  }
  return merged.map(({ className, text }) => `<span class="${className}">${text}</span>`).join('')
}
