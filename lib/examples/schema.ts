/**
 * The one schema for `examples/<id>/meta.ts`.
 *
 * Every `.describe()` text is documentation for lesson authors: it is what they read when the
 * build rejects a meta file, and what an editor shows on hover. Keep them short and concrete.
 * Everything here must stay plain data (no functions), because the meta travels from the build
 * into the page as JSON and from the page into the lab worker by postMessage.
 */
import { z } from 'zod'
import type { Scenario } from '@/lib/lab/types'
import { webSocketPlanSchema, webSocketReceivedCheckSchema } from './websocket-scenario'

const PROFILES = ['lambda', 'fluid', 'server'] as const

export const platformProfileSchema = z
  .enum(PROFILES)
  .describe(
    "How the simulated platform runs functions: 'lambda' (one request at a time per instance), 'fluid' (many per instance), 'server' (one long-lived `next start` process).",
  )

const platformSettingsSchema = z
  .object({
    profile: platformProfileSchema.optional(),
    coldStartMs: z.number().nonnegative().optional().describe('Cold start before module evaluation, virtual ms.'),
    maxDurationSeconds: z
      .number()
      .positive()
      .optional()
      .describe("Platform default for `maxDuration`, seconds; a route's own `maxDuration` export wins."),
    maxConcurrencyPerInstance: z
      .number()
      .int()
      .positive()
      .optional()
      .describe("Fluid only: requests one instance takes at once before another starts."),
    freezeAfterIdleMs: z.number().nonnegative().optional().describe('Idle time before an instance is frozen, virtual ms.'),
    recycleAfterIdleMs: z
      .number()
      .nonnegative()
      .optional()
      .describe('Idle time before a frozen instance is recycled (its connections are NOT closed), virtual ms.'),
    maxInstances: z.number().int().positive().optional().describe('Most instances the platform starts; further requests queue.'),
  })
  .strict()
  .describe('Overrides of the simulated platform settings; anything left out keeps the engine default.')

const poolerSchema = z
  .object({
    maxClientConnections: z.number().int().positive().describe('Client connections the pooler accepts.'),
    poolSize: z.number().int().positive().describe('Server connections the pooler opens at most (≤ maxConnections).'),
  })
  .strict()

const quotaSchema = z
  .object({
    maxQueries: z.number().int().positive().describe('Queries allowed per window before the database refuses.'),
    windowMs: z.number().positive().describe('Window length, virtual ms.'),
  })
  .strict()

const databaseSettingsSchema = z
  .object({
    maxConnections: z
      .number()
      .int()
      .positive()
      .optional()
      .describe(
        'Server `max_connections`. The app\'s ordinary role gets this minus `superuserReservedConnections`; one more fails with 53300 "remaining connection slots are reserved for roles with the SUPERUSER attribute".',
      ),
    superuserReservedConnections: z
      .number()
      .int()
      .nonnegative()
      .optional()
      .describe('`superuser_reserved_connections` (default 3): slots an ordinary role cannot use.'),
    role: z
      .enum(['app', 'superuser'])
      .optional()
      .describe('The role the app logs in as: `app` (ordinary, the default) or `superuser` (may use the reserved slots; one past `maxConnections` gets "sorry, too many clients already").'),
    connectLatencyMs: z.number().nonnegative().optional().describe('Handshake cost of a new connection, virtual ms.'),
    queryLatencyMs: z.number().nonnegative().optional().describe('Round trip added to every query, virtual ms.'),
    idleSessionTimeoutMs: z.number().nonnegative().optional().describe('Server closes idle connections after this (0 = never).'),
    statementTimeoutMs: z.number().nonnegative().optional().describe('`statement_timeout` (0 = off); longer statements fail with 57014.'),
    pooler: poolerSchema.nullable().optional().describe('A transaction-mode pooler in front of the database; null = direct connections.'),
    quota: quotaSchema.nullable().optional().describe('A free-tier style query quota; null = unlimited.'),
  })
  .strict()
  .describe('Overrides of the mock database settings; anything left out keeps the engine default.')

const requestEntrySchema = z
  .object({
    at: z.number().nonnegative().optional().describe('Virtual ms after the start of the run when the first copy is sent (default 0).'),
    method: z.string().min(1).optional().describe('HTTP method (default GET).'),
    path: z.string().startsWith('/', 'A request path starts with "/", e.g. "/api/todos".').describe('Path with query string, e.g. "/api/todos/42?verbose=1".'),
    headers: z.record(z.string(), z.string()).optional().describe('Request headers, e.g. { authorization: "Bearer x" }.'),
    body: z.unknown().optional().describe('A JSON value (sent as application/json) or a raw string.'),
    count: z.number().int().positive().optional().describe('How many copies to send (default 1).'),
    concurrency: z.number().int().positive().optional().describe('At most this many copies in flight (default: all).'),
    interval: z.number().nonnegative().optional().describe('Virtual ms between copies (default 0 = all at once).'),
  })
  .strict()

export const scenarioSchema = z
  .object({
    requests: z.array(requestEntrySchema).min(1, 'A scenario needs at least one request.').describe('The request plan, in order.'),
    platform: platformSettingsSchema.optional(),
    database: databaseSettingsSchema.optional(),
    runForMs: z.number().nonnegative().optional().describe('Keep the run going this long after the last response (crons, after(), idle timeouts).'),
    seed: z.number().int().optional().describe('Seed for every random choice; same seed, same result.'),
    webSockets: webSocketPlanSchema.optional(),
  })
  .strict()
  .describe("A request plan in the engine's `Scenario` shape.")

export const presetSchema = z
  .object({
    name: z.string().min(1).describe('What the reader picks in the preset menu, e.g. "Burst of 50".'),
    description: z.string().optional().describe('One sentence shown under the menu when this preset is selected.'),
    scenario: scenarioSchema,
    expectServerErrors: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Why the starter answers 5xx, or lets an error escape a route, in this preset: the failure is the point, e.g. "The burst exhausts max_connections: 30 of 50 answer 500." Without it the example tests fail on any 5xx or uncaught error in any request; with it they fail once the preset stops producing one. A solution never may.',
      ),
  })
  .strict()

const methodPathFilter = {
  method: z.string().optional().describe('Only requests with this method (default: any).'),
  path: z.string().describe('Only requests to this exact path (query string included).'),
}

const summaryMetrics = [
  'peakConnections',
  'databaseErrors',
  'databaseQueries',
  'p50Ms',
  'p95Ms',
  'instancesStarted',
  'coldStarts',
  'durationMs',
  'openAtEnd',
  'requests',
] as const

export const checkSchema = z
  .discriminatedUnion('type', [
    z
      .object({
        type: z.literal('request-status'),
        ...methodPathFilter,
        status: z.number().int().describe('Every matching request must answer with this status, and at least one must exist.'),
        label: z.string().min(1),
      })
      .strict(),
    z
      .object({
        type: z.literal('no-status-class'),
        class: z.number().int().min(1).max(5).describe('No response may have a status in this hundred, e.g. 5 for any 5xx.'),
        label: z.string().min(1),
      })
      .strict(),
    z
      .object({
        type: z.literal('all-status'),
        status: z.number().int().describe('Every response must have this status.'),
        label: z.string().min(1),
      })
      .strict(),
    z
      .object({
        type: z.enum(['metric-at-most', 'metric-at-least']),
        metric: z.enum(summaryMetrics).describe("A number from the run's summary or database statistics."),
        value: z.number(),
        label: z.string().min(1),
      })
      .strict(),
    z
      .object({
        type: z.literal('request-duration-at-most'),
        ...methodPathFilter,
        ms: z
          .number()
          .positive()
          .describe('Every matching request must take at most this long, virtual ms from arrival to response, and at least one must exist.'),
        label: z.string().min(1),
      })
      .strict(),
    z
      .object({
        type: z.literal('no-database-error'),
        code: z.string().optional().describe('Only this SQLSTATE, e.g. "53300"; leave out for any error.'),
        label: z.string().min(1),
      })
      .strict(),
    z
      .object({
        type: z.literal('body-includes'),
        ...methodPathFilter,
        text: z.string().describe('The last matching response body must contain this text.'),
        label: z.string().min(1),
      })
      .strict(),
    z
      .object({
        type: z.literal('table-row-count'),
        table: z.string().describe('Table name as in db/schema.sql.'),
        count: z.number().int().nonnegative().describe('Rows the table must hold after the run.'),
        label: z.string().min(1),
      })
      .strict(),
    webSocketReceivedCheckSchema,
  ])
  .describe('A pass/fail assertion over the run result. `label` is what the reader sees, e.g. "GET /api/todos/42 answers 404".')

export const exerciseSchema = z
  .object({
    goal: z.string().min(1).describe('What the reader must achieve, one or two sentences, shown above the checks.'),
    preset: z
      .string()
      .optional()
      .describe('Name of the preset that "Check" runs (default: the default preset). It should exercise every check.'),
    checks: z.array(checkSchema).min(1, 'An exercise needs at least one check.'),
    hints: z
      .array(z.string().min(1, 'A hint cannot be empty.'))
      .min(1, 'An exercise needs at least one hint, e.g. hints: ["Which file answers the request the check sends?"].')
      .describe(
        'Nudges the reader reveals one at a time before "Show solution", from the gentlest to the most specific, e.g. ["Which file answers DELETE?", "rowCount tells you whether a row was deleted."]. Each leads towards the solution without giving its code away. Required: a reader who is stuck needs a step between trying and reading the answer.',
      ),
  })
  .strict()

export const filesSchema = z
  .object({
    visible: z
      .array(z.string())
      .optional()
      .describe('Files shown as editor tabs, in this order (default: every file of the example). Hidden files still run.'),
    active: z.string().optional().describe('The file open first and highlighted in the static page (default: the first visible file).'),
    readOnly: z
      .array(z.string())
      .optional()
      .describe('Files the reader cannot edit (default: everything under db/). Use exact paths.'),
  })
  .strict()

export const exampleMetaSchema = z
  .object({
    title: z.string().min(1).describe('Shown above the lab, e.g. "Todos with a module-scope pool".'),
    description: z.string().optional().describe('One sentence under the title.'),
    files: filesSchema.optional(),
    platform: platformSettingsSchema.optional(),
    database: databaseSettingsSchema.optional(),
    profiles: z
      .array(platformProfileSchema)
      .optional()
      .describe('Platform profiles the reader may switch between (default: none, the profile is fixed).'),
    presets: z.array(presetSchema).min(1, 'Give at least one preset, e.g. { name: "One request", scenario: { requests: [{ path: "/api/todos" }] } }.'),
    defaultPreset: z.string().optional().describe('Name of the preset selected at first (default: the first preset).'),
    expect: z
      .object({
        status: z.number().int().describe("Status of the default preset's last request with the starter files. Tests assert it."),
      })
      .strict()
      .describe('What the unmodified example produces; the test suite checks it on every build.'),
    exercise: exerciseSchema.optional(),
    realCounterpart: z
      .string()
      .optional()
      .describe(
        'What of this example cannot run for real in examples/verify on a machine without the network, and why, e.g. "SQS needs AWS: the route runs on real Next.js 16 and Postgres with a stand-in client; the consumer is proven against the lab engine only." Leave out when everything runs for real.',
      ),
  })
  .strict()

/** What a lesson author writes in `meta.ts` (`satisfies ExampleMetaInput`). */
export type ExampleMetaInput = z.input<typeof exampleMetaSchema>
export type ExampleMeta = z.output<typeof exampleMetaSchema>
export type Check = z.output<typeof checkSchema>
export type Preset = z.output<typeof presetSchema>
export type CheckMetric = (typeof summaryMetrics)[number]

// The zod scenario must stay assignable to the engine's contract.
type _ScenarioMatchesEngine = z.output<typeof scenarioSchema> extends Scenario ? true : never
export const scenarioMatchesEngine: _ScenarioMatchesEngine = true

/** An example ready for the UI: meta with defaults filled in, plus the file lists the editor needs. */
export interface ResolvedExampleMeta {
  id: string
  title: string
  description?: string
  visibleFiles: string[]
  activeFile: string
  readOnlyFiles: string[]
  profiles: Array<(typeof PROFILES)[number]>
  presets: Preset[]
  defaultPreset: string
  expect: { status: number }
  exercise?: z.output<typeof exerciseSchema>
  platform?: z.output<typeof platformSettingsSchema>
  database?: z.output<typeof databaseSettingsSchema>
}

/** One thing wrong with a meta, located by its path in the meta object (`['presets', 0, 'name']`). */
export interface ExampleMetaIssue {
  path: PropertyKey[]
  message: string
  /** zod's issue code (`unrecognized_keys`, `invalid_value`, …); `invalid_value` too for a file or preset name that does not exist. */
  code?: string
  /** For `unrecognized_keys`: the keys the schema does not know. */
  keys?: string[]
  /** For `invalid_value`: the values allowed. */
  values?: unknown[]
}

export class ExampleMetaError extends Error {
  /** The problems one by one, for tools that point at lines (the content checks); empty for a missing file. */
  readonly issues: ExampleMetaIssue[]
  constructor(message: string, issues: ExampleMetaIssue[] = []) {
    super(message)
    this.name = 'ExampleMetaError'
    this.issues = issues
  }
}

export function issuePath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '')
}

const issueLines = (issues: ExampleMetaIssue[]) => issues.map((issue) => `  - ${issuePath(issue.path) || '(root)'}: ${issue.message}`).join('\n')

/**
 * Validates a meta object against the files that exist, and fills in defaults.
 * `metaFile` is the path shown in errors (e.g. `examples/playground/meta.ts`).
 */
export function resolveExampleMeta(id: string, input: unknown, fileNames: string[], metaFile: string): ResolvedExampleMeta {
  const parsed = exampleMetaSchema.safeParse(input)
  if (!parsed.success) {
    const issues: ExampleMetaIssue[] = parsed.error.issues.map((issue) => ({
      path: [...issue.path],
      message: issue.message,
      code: issue.code,
      keys: issue.code === 'unrecognized_keys' ? issue.keys : undefined,
      values: issue.code === 'invalid_value' ? issue.values : undefined,
    }))
    throw new ExampleMetaError(`${metaFile}: the meta does not match the example schema (lib/examples/schema.ts):\n${issueLines(issues)}`, issues)
  }
  const meta = parsed.data
  const problems: ExampleMetaIssue[] = []
  // `values`: what the field may name, so the content check can suggest the one probably meant.
  const problem = (path: PropertyKey[], message: string, values?: string[]) =>
    problems.push({ path, message, ...(values && { code: 'invalid_value', values }) })
  const known = new Set(fileNames)
  const unknownFile = (path: PropertyKey[], file: string) =>
    problem(path, `"${file}" is not a file of this example. Files: ${fileNames.join(', ')}`, fileNames)

  const visibleFiles = meta.files?.visible ?? fileNames
  visibleFiles.forEach((file, index) => known.has(file) || unknownFile(['files', 'visible', index], file))
  const activeFile = meta.files?.active ?? visibleFiles[0]
  if (activeFile === undefined) problem(['files'], 'the example has no files; add at least one route file.')
  else if (!known.has(activeFile)) unknownFile(['files', 'active'], activeFile)
  else if (!visibleFiles.includes(activeFile)) problem(['files', 'active'], `"${activeFile}" must also be listed in files.visible.`)
  const readOnlyFiles = meta.files?.readOnly ?? fileNames.filter((file) => file.startsWith('db/'))
  readOnlyFiles.forEach((file, index) => known.has(file) || unknownFile(['files', 'readOnly', index], file))

  const presetNames = meta.presets.map((preset) => preset.name)
  const duplicate = presetNames.findIndex((name, index) => presetNames.indexOf(name) !== index)
  if (duplicate !== -1) problem(['presets', duplicate, 'name'], `two presets are named "${presetNames[duplicate]}"; give each a distinct name.`)
  const defaultPreset = meta.defaultPreset ?? presetNames[0]
  if (!presetNames.includes(defaultPreset)) {
    problem(['defaultPreset'], `no preset is named "${defaultPreset}". Presets: ${presetNames.join(', ')}`, presetNames)
  }
  if (meta.exercise?.preset && !presetNames.includes(meta.exercise.preset)) {
    problem(['exercise', 'preset'], `no preset is named "${meta.exercise.preset}". Presets: ${presetNames.join(', ')}`, presetNames)
  }
  if (meta.profiles && meta.platform?.profile && !meta.profiles.includes(meta.platform.profile)) {
    problem(['profiles'], `the default profile "${meta.platform.profile}" (platform.profile) must be one of the profiles listed.`)
  }
  if (problems.length > 0) {
    throw new ExampleMetaError(`${metaFile}: fix these fields:\n${issueLines(problems)}`, problems)
  }

  return {
    id,
    title: meta.title,
    description: meta.description,
    visibleFiles,
    activeFile: activeFile as string,
    readOnlyFiles,
    profiles: meta.profiles ?? [],
    presets: meta.presets,
    defaultPreset,
    expect: meta.expect,
    exercise: meta.exercise,
    platform: meta.platform,
    database: meta.database,
  }
}
