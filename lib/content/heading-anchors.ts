/**
 * Heading anchors the way the site generates them (github-slugger, which Nextra uses), so the content
 * checks and the decision tree's link test can check `#anchor` links without building the site.
 */

// github-slugger keeps letters, marks, numbers, connector punctuation (underscore), spaces and hyphens, and drops the rest.
const DROPPED_CHARACTERS = /[^\p{L}\p{M}\p{N}\p{Pc} -]/gu

export function slugify(text: string): string {
  return text.toLowerCase().replace(DROPPED_CHARACTERS, '').replace(/ /g, '-')
}

/** Turns Markdown heading source into the text a reader sees: `code`, [links](…) and *emphasis* lose their markup. */
function headingText(source: string): string {
  return source
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__|\*)/g, '')
    .trim()
}

/** Every anchor an MDX page gets from its headings, in order; repeated headings get -1, -2, … like github-slugger. */
export function headingAnchors(mdx: string): string[] {
  const anchors: string[] = []
  const occurrences = new Map<string, number>()
  let inCodeFence = false
  for (const line of mdx.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inCodeFence = !inCodeFence
    if (inCodeFence) continue
    const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line)
    if (!heading) continue
    // Nextra lets a heading pick its own anchor: ## Title [#custom-id]
    const customId = /\[#([^\]]+)\]$/.exec(heading[1])
    if (customId) {
      anchors.push(customId[1])
      continue
    }
    const base = slugify(headingText(heading[1]))
    const seen = occurrences.get(base) ?? 0
    occurrences.set(base, seen + 1)
    anchors.push(seen === 0 ? base : `${base}-${seen}`)
  }
  return anchors
}
