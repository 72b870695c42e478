/**
 * Which requests of a run answered 5xx or let an error escape a route, and how to report them so the
 * author sees the cause: the request, the thrown error, and where in the example it was thrown.
 * Used by the example tests (tests/unit/examples.test.ts), which run every preset of every example.
 */
import type { FileTree, RequestResult, RunResult } from '@/lib/lab/types'

/** A request the preset did not expect to fail: a 5xx status or an uncaught error in the example's code. */
export function serverErrors(result: RunResult): RequestResult[] {
  return result.requests.filter((request) => request.status >= 500 || request.error !== undefined)
}

function where(exampleDir: string, request: RequestResult, display: (file: string) => string): string | undefined {
  const error = request.error
  if (!error?.file) return undefined
  return `${exampleDir}/${display(error.file)}${error.line ? `:${error.line}${error.column ? `:${error.column}` : ''}` : ''}`
}

/**
 * Where a failed query is written in the example: the first file and line holding the start of its SQL text
 * (up to a placeholder or a pasted value). The engine places a thrown error by its stack; a database error
 * is raised inside the driver, so its stack holds no line of the example.
 */
export function lineOfQuery(files: FileTree, sql: string): string | undefined {
  const start = sql.trim().split('\n')[0].split(/\$\d|'/)[0].trim().slice(0, 60)
  if (start.length < 12) return undefined
  for (const [file, source] of Object.entries(files)) {
    const index = source.indexOf(start)
    if (index !== -1) return `${file}:${source.slice(0, index).split('\n').length}`
  }
  return undefined
}

/** One block per distinct failure (same status, error and place), with how many requests it covers. */
export function describeServerErrors(
  exampleDir: string,
  result: RunResult,
  failed: RequestResult[],
  files: FileTree = {},
  /** The path to show for a file of the run (a solution's own files live under `solution/`). */
  display: (file: string) => string = (file) => file,
): string {
  const groups = new Map<string, RequestResult[]>()
  for (const request of failed) {
    const key = JSON.stringify([request.status, request.error?.message, where(exampleDir, request, display), request.platformError])
    groups.set(key, [...(groups.get(key) ?? []), request])
  }
  const blocks: string[] = []
  for (const requests of groups.values()) {
    const [first] = requests
    const more = requests.length > 1 ? ` (and ${requests.length - 1} more request${requests.length === 2 ? '' : 's'} the same way)` : ''
    const lines = [`request #${first.index}: ${first.method} ${first.path} → ${first.status}${more}`]
    if (first.platformError) lines.push(`  the platform answered: ${first.platformError}`)
    if (first.error) {
      lines.push(`  threw: ${first.error.message}`)
      const place = where(exampleDir, first, display)
      if (place) lines.push(`  at ${place}`)
      for (const frame of first.error.stack ?? []) lines.push(`    ${frame}`)

    } else if (!first.platformError) {
      lines.push(`  the route returned ${first.status} itself; body: ${first.body.slice(0, 200)}`)
    }
    const queries = result.timeline.filter(
      (event): event is Extract<typeof event, { type: 'db-query' }> =>
        event.type === 'db-query' && event.request === first.index && event.error !== undefined,
    )
    for (const query of queries.slice(0, 3)) {
      const written = lineOfQuery(files, query.sql)
      lines.push(`  failed query: ${query.sql.trim()} → ${query.error}`)
      if (written) lines.push(`    written at ${exampleDir}/${display(written.split(':')[0])}:${written.split(':')[1]}`)
    }
    for (const line of result.console.filter((candidate) => candidate.request === first.index).slice(0, 5)) {
      lines.push(`  console.${line.level}: ${line.text}`)
    }
    blocks.push(lines.join('\n'))
  }
  return blocks.join('\n')
}
