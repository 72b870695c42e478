/**
 * Line-based reading of MDX source: enough to find links, lab embeds and prose without compiling.
 * Fenced code is skipped everywhere, because a link or a `<Lab>` inside a code sample is an example
 * for the reader, not part of the page.
 */

export interface SourceLine {
  /** 1-based. */
  number: number
  text: string
}

export function proseLines(source: string): SourceLine[] {
  const lines: SourceLine[] = []
  let fence: string | null = null
  source.split('\n').forEach((text, index) => {
    const opening = /^\s*(`{3,}|~{3,})/.exec(text)
    if (fence) {
      if (opening && opening[1][0] === fence[0] && opening[1].length >= fence.length) fence = null
      return
    }
    if (opening) {
      fence = opening[1]
      return
    }
    lines.push({ number: index + 1, text })
  })
  return lines
}

export interface FoundLink {
  line: number
  href: string
}

const MARKDOWN_LINK = /\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g
const JSX_HREF = /\b(?:href|src)=["']([^"']+)["']/g
const BARE_URL = /(?<![("'<=])\bhttps?:\/\/[^\s)<>"'`]+/g

/** Links written as Markdown, as JSX `href`/`src` attributes, or as bare URLs (GFM autolinks). */
export function findLinks(source: string): FoundLink[] {
  const links: FoundLink[] = []
  for (const { number, text } of proseLines(source)) {
    const withoutInlineCode = text.replace(/`[^`]*`/g, '')
    for (const pattern of [MARKDOWN_LINK, JSX_HREF, BARE_URL]) {
      for (const match of withoutInlineCode.matchAll(pattern)) {
        links.push({ line: number, href: match[1] ?? match[0] })
      }
    }
  }
  return links
}

export interface FoundLab {
  line: number
  /** The `example` attribute, or null when the tag has none (or a computed one). */
  example: string | null
}

export function findLabs(source: string): FoundLab[] {
  const labs: FoundLab[] = []
  for (const { number, text } of proseLines(source)) {
    for (const match of text.replace(/`[^`]*`/g, '').matchAll(/<Lab\b([^>]*)\/?>/g)) {
      const example = /\bexample=["']([^"']+)["']/.exec(match[1])
      labs.push({ line: number, example: example ? example[1] : null })
    }
  }
  return labs
}

/** Words a reader reads: no front matter, imports, code, JSX tags or link targets. */
export function proseWordCount(source: string, frontmatterLines: number): number {
  let words = 0
  for (const { number, text } of proseLines(source)) {
    if (number <= frontmatterLines) continue
    if (/^\s*(import|export)\s/.test(text)) continue
    const prose = text
      .replace(/<[^>]*>/g, ' ')
      .replace(/\]\([^)]*\)/g, ']')
      .replace(/[#*_>|`[\]-]/g, ' ')
    words += prose.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length
  }
  return words
}
