/**
 * A lab as Markdown, for the Markdown copy of each page (`/<page>/index.md`, llms-full.txt): what a reader
 * without the interactive lab needs to follow the lesson. Its files in fenced code blocks, in the editor's
 * tab order; its presets as a list saying what each one sends; the exercise and its solution.
 * Built from the same `LoadedExample` (lib/examples/load.ts) the build renders the lab from.
 */
import type { LoadedExample } from '@/lib/examples/load'
import type { Preset } from '@/lib/examples/schema'
import type { RequestPlanEntry } from '@/lib/lab/types'

/** Fence languages by file name; anything else is plain text. */
const LANGUAGES: Array<[RegExp, string]> = [
  [/\.tsx$/, 'tsx'],
  [/\.(ts|mts|cts)$/, 'ts'],
  [/\.jsx$/, 'jsx'],
  [/\.(js|mjs|cjs)$/, 'js'],
  [/\.json$/, 'json'],
  [/\.sql$/, 'sql'],
  [/\.prisma$/, 'prisma'],
  [/\.ya?ml$/, 'yaml'],
  [/\.md$/, 'md'],
  [/\.css$/, 'css'],
  [/(^|\/)\.env(\.[\w.-]+)?$/, 'dotenv'],
  [/\.(sh|bash)$/, 'sh'],
]

export function languageOf(path: string): string {
  return LANGUAGES.find(([pattern]) => pattern.test(path))?.[1] ?? 'text'
}

/** A fenced code block whose fence is longer than any run of backticks in the code, so no file can end it early. */
export function fence(code: string, language: string): string {
  const longestRun = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length))
  const marks = '`'.repeat(Math.max(3, longestRun + 1))
  const body = code.endsWith('\n') ? code : `${code}\n`
  return `${marks}${language}\n${body}${marks}`
}

const PROFILE_NAMES = { lambda: 'Lambda', fluid: 'Fluid', server: 'Server' } as const

function plural(count: number, one: string, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`
}

function duration(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) return plural(ms / 60_000, 'minute')
  if (ms >= 1000 && ms % 1000 === 0) return plural(ms / 1000, 'second')
  return `${ms} ms`
}

function bodyText(body: unknown): string {
  return typeof body === 'string' ? body : JSON.stringify(body)
}

/** One request entry in words, e.g. "50 × `GET /api/todos` at once" or "`POST /api/todos` with body `{…}`, at 1 second". */
export function describeRequest(entry: RequestPlanEntry): string {
  const count = entry.count ?? 1
  const request = `\`${(entry.method ?? 'GET').toUpperCase()} ${entry.path}\``
  const parts = [count > 1 ? `${count} × ${request}` : request]
  const headers = Object.entries(entry.headers ?? {})
  if (headers.length > 0) parts.push(`with ${headers.map(([name, value]) => `\`${name}: ${value}\``).join(', ')}`)
  if (entry.body !== undefined) parts.push(`with body \`${bodyText(entry.body)}\``)
  let text = parts.join(' ')
  if (count > 1) {
    if (entry.interval) text += `, ${duration(entry.interval)} apart`
    else if (entry.concurrency) text += `, at most ${entry.concurrency} at a time`
    else text += ', all at once'
  }
  if (entry.at) text += `, starting at ${duration(entry.at)}`
  return text
}

/** The preset's simulated WebSocket clients in words: who connects where, and who sends what when. */
function describeWebSockets(plan: NonNullable<Preset['scenario']['webSockets']>): string {
  let first = 1
  const clients = plan.clients.map((line) => {
    const count = line.count ?? 1
    const who = count > 1 ? `clients ${first} to ${first + count - 1}` : `client ${first}`
    first += count
    let text = `${who} open a WebSocket to \`${line.path}\``
    if (count > 1 && line.interval) text += ` ${duration(line.interval)} apart`
    if (line.at) text += `, starting at ${duration(line.at)}`
    if (line.closeAt !== undefined) text += `, and close it at ${duration(line.closeAt)}`
    return text
  })
  const sends = (plan.send ?? []).map((m) => `client ${m.client} sends \`${m.data}\` at ${duration(m.at)}`)
  return [...clients, ...sends].join('; ')
}

/** What a preset sends and where: its requests, then any platform or database setting it changes. */
export function describePreset(preset: Preset): string {
  const { scenario } = preset
  let sends = scenario.requests.map(describeRequest).join('; then ')
  if (scenario.webSockets) sends += `; meanwhile ${describeWebSockets(scenario.webSockets)}`
  const settings: string[] = []
  if (scenario.platform?.profile) settings.push(`on ${PROFILE_NAMES[scenario.platform.profile]}`)
  if (scenario.database?.pooler) {
    settings.push(
      `behind a transaction-mode pooler with ${plural(scenario.database.pooler.poolSize, 'server connection')}`,
    )
  }
  if (scenario.database?.maxConnections) settings.push(`with max_connections ${scenario.database.maxConnections}`)
  if (scenario.database?.quota) {
    settings.push(
      `with a quota of ${plural(scenario.database.quota.maxQueries, 'query', 'queries')} per ${duration(scenario.database.quota.windowMs)}`,
    )
  }
  if (scenario.runForMs) settings.push(`and the run continues ${duration(scenario.runForMs)} after the last response`)
  return `${[`Sends ${sends}`, ...settings].join(', ')}.`
}

function fileSection(path: string, code: string, notes: string[]): string {
  const label = notes.length > 0 ? `\`${path}\` (${notes.join(', ')})` : `\`${path}\``
  return `${label}:\n\n${fence(code, languageOf(path))}`
}

/** The lab's Markdown: a self-contained block of paragraphs, lists and code, no headings (it sits inside a lesson). */
export function labMarkdown(example: LoadedExample): string {
  const { meta, files, solutionFiles } = example
  const blocks: string[] = []
  blocks.push(`**Lab: ${meta.title}** (example \`${example.id}\`)${meta.description ? `. ${meta.description}` : ''}`)

  const settings: string[] = []
  if (meta.platform?.profile)
    settings.push(`The lab runs on the ${PROFILE_NAMES[meta.platform.profile]} platform profile.`)
  if (meta.profiles.length > 0) {
    const names = meta.profiles.map((profile) => PROFILE_NAMES[profile])
    settings.push(
      `Its platform menu offers ${names.slice(0, -1).join(', ')}${names.length > 1 ? ' and ' : ''}${names.at(-1)}.`,
    )
  }
  if (meta.database?.maxConnections) settings.push(`Its database allows ${meta.database.maxConnections} connections.`)
  if (settings.length > 0) blocks.push(settings.join(' '))

  const hidden = Object.keys(files).filter((path) => !meta.visibleFiles.includes(path))
  blocks.push(`Its ${Object.keys(files).length} files, in the editor's order:`)
  for (const path of [...meta.visibleFiles, ...hidden]) {
    const notes: string[] = []
    if (meta.readOnlyFiles.includes(path)) notes.push('read-only')
    if (hidden.includes(path)) notes.push('not shown in the editor; it still runs')
    blocks.push(fileSection(path, files[path], notes))
  }

  blocks.push('Presets (what Run sends):')
  blocks.push(
    meta.presets
      .map((preset) => {
        const name = preset.name === meta.defaultPreset ? `**${preset.name}** (default)` : `**${preset.name}**`
        const description = preset.description ? ` ${preset.description}` : ''
        return `- ${name}:${description} ${describePreset(preset)}`
      })
      .join('\n'),
  )
  blocks.push(`With the files as they are, the default preset's last request answers ${meta.expect.status}.`)

  if (meta.exercise) {
    const preset = meta.exercise.preset ?? meta.defaultPreset
    blocks.push(`**Exercise:** ${meta.exercise.goal}`)
    blocks.push(
      `"Check" runs the *${preset}* preset and passes when:\n\n${meta.exercise.checks.map((check) => `- ${check.label}`).join('\n')}`,
    )
    if (solutionFiles) {
      const solution = Object.entries(solutionFiles).map(([path, code]) => fileSection(path, code, []))
      blocks.push(
        `<details>\n<summary>Solution: the files it changes</summary>\n\n${solution.join('\n\n')}\n\n</details>`,
      )
    }
  }
  return blocks.join('\n\n')
}
