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
  )
}
