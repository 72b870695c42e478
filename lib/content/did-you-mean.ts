/** "Did you mean …?" for a mistyped id, link, anchor or key: the closest candidate within a few edits. */

/** Levenshtein distance (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.length]
}

/**
 * The candidate `input` most probably meant: one that contains it (the shortest such, e.g. a link to
 * `/where-they-hurt/background-jobs` for `/where-they-hurt/background-jobs-and-scheduled-tasks`), else
 * the closest by edits, if within a third of the input's length (at least 2 edits).
 */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  const needle = input.toLowerCase()
  const others = [...candidates].filter((candidate) => candidate !== input)
  if (needle.length >= 4) {
    const containing = others.filter((candidate) => candidate.toLowerCase().includes(needle))
    if (containing.length) return containing.sort((a, b) => a.length - b.length)[0]
  }
  let best: { candidate: string; distance: number } | undefined
  for (const candidate of others) {
    const distance = editDistance(needle, candidate.toLowerCase())
    if (!best || distance < best.distance) best = { candidate, distance }
  }
  return best && best.distance <= Math.max(2, Math.floor(needle.length / 3)) ? best.candidate : undefined
}

/** ` Did you mean "x"?` (with a leading space), or an empty string when nothing is close. */
export function didYouMean(
  input: string,
  candidates: Iterable<string>,
  quote = (value: string) => `"${value}"`,
): string {
  const match = closest(input, candidates)
  return match === undefined ? '' : ` Did you mean ${quote(match)}?`
}
