/** One thing a contributor has to fix, located precisely enough to jump to it. */
export interface ContentProblem {
  /** Path relative to the repository root, POSIX separators. */
  file: string
  /** 1-based line: where to make the fix (line 1 for a problem with the whole file). */
  line: number
  message: string
  /** What to do about it, phrased as an instruction. */
  fix: string
}

export function formatProblem(problem: ContentProblem): string {
  return `${problem.file}:${problem.line}: ${problem.message}\n  → ${problem.fix}`
}

/** 1-based line of the first occurrence of `needle` in `source`, or undefined. */
export function lineOf(source: string, needle: string | RegExp): number | undefined {
  const index = typeof needle === 'string' ? source.indexOf(needle) : source.search(needle)
  return index === -1 ? undefined : source.slice(0, index).split('\n').length
}
