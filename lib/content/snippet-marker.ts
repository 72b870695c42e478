// No Node imports: the Markdown copy (lib/markdown/mdx-to-markdown.ts) reads this too.
/**
 * The fence meta that leaves a fragment to the parse check only (```ts filename="x.ts" check=parse): a
 * note for the course's tests, removed from the Markdown copy (lib/markdown/mdx-to-markdown.ts).
 */
export const PARSE_ONLY = /\bcheck=parse\b/

/** A code block's meta without the parse-only marker, or null when nothing else is left. */
export function readerMeta(meta: string | null | undefined): string | null {
  const left = (meta ?? '').replace(PARSE_ONLY, '').trim()
  return left || null
}
