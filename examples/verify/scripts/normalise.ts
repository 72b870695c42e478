/**
 * What "the same answer" means. Status codes must be equal; bodies are compared after both sides go
 * through `normaliseBody`, which only hides what legitimately differs between a virtual clock and a
 * real one, or between two platforms' default error pages:
 *
 * - the mount prefix (`/api/x/<key>`) is removed from the real body;
 * - ISO-8601 timestamps become `<date>`, UUIDs become `<uuid>`;
 * - in JSON, the value of a timing field (`ms`, `elapsedMs`, `durationMs`, `took`, `latency`, `*Ms`,
 *   `*_ms`, `timestamp`, `time`, `now`, `*At` / `*_at` numbers) becomes `<timing>`;
 * - a 500 whose body is empty or `Internal Server Error` (the platform's answer to an uncaught error:
 *   the App Router sends an empty body, the Pages Router and the lab send the text) becomes `<uncaught error>`;
 * - Next's HTML 404 page becomes the lab's text, `This page could not be found.`
 *
 * Generated serial ids are NOT hidden: every variant starts from a fresh schema and seed, and the
 * requests are replayed in the engine's order, so ids must agree.
 */

const ISO_DATE = /\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?\b/g
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi
const TIMING_KEY =
  /^(ms|elapsed|duration|latency|took|timing|timings|timestamp|time|now|uptime)$|(Ms|_ms|Millis|Seconds)$/i
const TIME_NUMBER_KEY = /(At|_at)$/

function normaliseText(text: string): string {
  return text.replace(ISO_DATE, '<date>').replace(UUID, '<uuid>')
}

function normaliseValue(value: unknown, key?: string): unknown {
  if (key !== undefined && TIMING_KEY.test(key) && (typeof value === 'number' || typeof value === 'string'))
    return '<timing>'
  if (key !== undefined && TIME_NUMBER_KEY.test(key) && typeof value === 'number') return '<timing>'
  if (typeof value === 'string') return normaliseText(value)
  if (Array.isArray(value)) return value.map((item) => normaliseValue(item))
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = normaliseValue(v, k)
    return out
  }
  return value
}

/**
 * Response headers the comparison covers, beside status and body. Others differ between a dev
 * server and a platform for reasons the lessons do not teach (date, etag, vary, x-powered-by,
 * cache-control in development).
 */
export const COMPARED_HEADERS = ['allow', 'location'] as const

/** The compared headers as one line each (`allow: GET, POST`); locations lose their origin and mount prefix. */
export function normaliseHeaders(headers: Record<string, string | undefined>, prefix?: string): string {
  return COMPARED_HEADERS.flatMap((name) => {
    let value = headers[name]
    if (value === undefined) return []
    if (name === 'location') {
      value = value.replace(/^https?:\/\/[^/]+/, '')
      if (prefix && value.startsWith(prefix)) value = value.slice(prefix.length) || '/'
    }
    return [`${name}: ${value}`]
  }).join('\n')
}

/** Returns the body as comparable, pretty-printed text. */
export function normaliseBody(status: number, body: string, prefix?: string): string {
  let text = prefix ? body.split(prefix).join('') : body
  if (status === 500 && (text.trim() === '' || text.trim() === 'Internal Server Error')) return '<uncaught error>'
  if (status === 404 && /<html/i.test(text) && text.includes('This page could not be found'))
    return 'This page could not be found.'
  try {
    if (text.trim() !== '') return JSON.stringify(normaliseValue(JSON.parse(text)), null, 2)
  } catch {
    // not JSON: compare as text
  }
  text = normaliseText(text)
  return text
}

/** A small line diff (longest common subsequence), `-` for the lab engine, `+` for the real app. */
export function lineDiff(expected: string, actual: string, context = 3): string {
  const a = expected.split('\n')
  const b = actual.split('\n')
  if (a.length * b.length > 4_000_000) return `- ${expected.slice(0, 2000)}\n+ ${actual.slice(0, 2000)}`
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0))
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1])
  const lines: Array<{ tag: ' ' | '-' | '+'; text: string }> = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      lines.push({ tag: ' ', text: a[i] })
      i++
      j++
    } else if (j < b.length && (i === a.length || lcs[i][j + 1] >= lcs[i + 1][j]))
      lines.push({ tag: '+', text: b[j++] })
    else lines.push({ tag: '-', text: a[i++] })
  }
  const keep = lines.map(
    (line, index) =>
      line.tag !== ' ' || lines.slice(Math.max(0, index - context), index + context + 1).some((l) => l.tag !== ' '),
  )
  const out: string[] = []
  let skipped = false
  lines.forEach((line, index) => {
    if (keep[index]) {
      out.push(`${line.tag} ${line.text}`)
      skipped = false
    } else if (!skipped) {
      out.push('  …')
      skipped = true
    }
  })
  return out.join('\n')
}
