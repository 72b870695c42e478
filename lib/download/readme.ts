/**
 * README.md of a downloaded project: the two commands, the database, the checks, and what the lab
 * simulated that a laptop does not, from the example's own settings (lib/lab/settings.ts resolves
 * them exactly as the engine does).
 */
import type { ResolvedExampleMeta } from '@/lib/examples/schema'
import { buildScenario } from '@/lib/examples/scenario'
import { resolveSettings } from '@/lib/lab/settings'
import type { ChecksFile } from './checks-json'

export interface ReadmeInput {
  id: string
  meta: ResolvedExampleMeta
  checks: ChecksFile
  lessonUrl: string
  /** Whether the files are the reader's edited version or the lesson's original. */
  edited: boolean
  nextVersion: string
  /** Packages the files import that the project does not list (the reader's additions). */
  unlisted: string[]
  files: string[]
  localDatabaseUrl: string
}

const seconds = (ms: number) => (ms >= 60_000 ? `${ms / 60_000} min` : `${ms / 1000} s`)

/** One line per thing the lab's simulated platform did for this example that `next dev` on a laptop does not. */
export function simulatedDifferences(meta: ResolvedExampleMeta, preset: string, hasCrons: boolean): string[] {
  const { platform, database } = resolveSettings(buildScenario(meta, preset))
  const lines: string[] = []
  if (platform.profile === 'server') {
    lines.push(
      `**One long-lived server**, as here. The lab still charged a ${platform.coldStartMs} ms boot to the first request.`,
    )
  } else {
    const perInstance =
      platform.profile === 'lambda'
        ? 'one request at a time per instance'
        : `up to ${platform.maxConcurrencyPerInstance} requests per instance (Vercel Fluid compute)`
    lines.push(
      `**Instances and cold starts.** The lab ran the routes as serverless functions (${platform.profile}: ${perInstance}, up to ${platform.maxInstances} instances), each new instance paying a ${platform.coldStartMs} ms cold start and evaluating the modules again, with its own module-scope pool. Here one \`next\` process serves every request and evaluates each module once.`,
    )
    lines.push(
      `**Freezing and recycling.** After its response an instance was frozen (work still running, such as an un-awaited promise, paused) and recycled after ${seconds(platform.recycleAfterIdleMs)} idle without closing its connections. A local server never freezes, so work after the response always finishes here.`,
    )
    lines.push(
      `**maxDuration.** The lab stopped a function after ${platform.maxDurationSeconds} s (or its route's own \`maxDuration\`) with a 504. \`next start\` and \`next dev\` have no such limit.`,
    )
  }
  lines.push(
    '**A virtual clock.** The lab ran the preset on a simulated clock, so an hour of traffic took a second. `npm run check` sends the same requests in the same order but does not wait out long gaps (see the top of scripts/check.mjs).',
  )
  const limits = [`\`max_connections\` ${database.maxConnections} (one more fails with SQLSTATE 53300)`]
  if (database.connectLatencyMs || database.queryLatencyMs)
    limits.push(`${database.connectLatencyMs} ms per new connection and ${database.queryLatencyMs} ms per query`)
  if (database.statementTimeoutMs) limits.push(`\`statement_timeout\` ${seconds(database.statementTimeoutMs)}`)
  if (database.idleSessionTimeoutMs)
    limits.push(`idle connections closed after ${seconds(database.idleSessionTimeoutMs)}`)
  if (database.pooler)
    limits.push(
      `a transaction-mode pooler in front (${database.pooler.poolSize} server connections for ${database.pooler.maxClientConnections} clients)`,
    )
  if (database.quota)
    limits.push(`a free-tier quota of ${database.quota.maxQueries} queries per ${seconds(database.quota.windowMs)}`)
  lines.push(
    `**The database's limits.** The lab's Postgres had ${limits.join(', ')}. The embedded PGlite has none of these: no connection limit, no latency, no quota. Point \`DATABASE_URL\` at a managed Postgres to meet them for real.`,
  )
  if (hasCrons)
    lines.push(
      '**Vercel Cron.** The lab called the `vercel.json` crons on their schedule. Locally nothing does; `npm run check` calls each twice after the requests (two scheduled runs: the second is where a failed job is retried), with the headers Vercel sends (`user-agent: vercel-cron/1.0`, `authorization: Bearer $CRON_SECRET`).',
    )
  return lines
}

export function buildReadme(input: ReadmeInput): string {
  const { meta, checks } = input
  const checkLines = checks.checks.map((check) => `- ${check.label}`)
  const labOnlyLines = checks.labOnly.map((label) => `- ${label} (only the lab measures this)`)
  const requests = checks.requests.length + 2 * checks.crons.length
  return `# ${meta.title}

${meta.description ? `${meta.description}\n\n` : ''}A lab from the course **Robust APIs with Next.js**, downloaded as a Next.js ${input.nextVersion} project${input.edited ? ' **with your edits**' : ' (the original files)'}.
The lesson: ${input.lessonUrl}

## Two commands

\`\`\`sh
npm install && npm run dev   # installs, starts a Postgres with the example's data, and the app on http://localhost:3000
npm run check                # in a second terminal: the lab's requests against the app, and the example's checks
\`\`\`

Node.js 20.9 or newer. No Docker and no account: \`npm run dev\` starts an **embedded Postgres** (PGlite, Postgres 17
compiled to WebAssembly, served over the Postgres wire protocol by \`@electric-sql/pglite-socket\`) on
\`${new URL(input.localDatabaseUrl).host}\`, loaded from \`db/schema.sql\` and \`db/seed.sql\`. It lives in memory, so every
start begins from the seed. On first use \`.env\` is created from \`.env.example\`.

A production build: \`npm run build && npm start\` (the build starts the same database, because a route with
\`revalidate\` is rendered at build time).

### Any Postgres server

Put its address in \`.env\` (or the shell) and create the tables once:

\`\`\`sh
DATABASE_URL=postgres://USER:PASSWORD@HOST:5432/DATABASE
npm run db:setup    # runs db/schema.sql and db/seed.sql on that (empty) database
npm run dev
\`\`\`

When \`DATABASE_URL\` names another host, or a local port where a server already answers, the scripts use it
and start nothing. \`npm run db\` starts only the embedded database, for other tools.

## The checks

\`npm run check\` sends the ${requests} request${requests === 1 ? '' : 's'} of the lab's preset "${checks.preset}" to the app
(\`node scripts/check.mjs http://host:port\` for another address) and judges:

${checkLines.length ? checkLines.join('\n') : '- nothing that a laptop can show: see below'}
${labOnlyLines.length ? `\nNot judged here:\n\n${labOnlyLines.join('\n')}\n` : ''}
Exit code 0 when every judged check passes. The requests and checks are in \`scripts/checks.json\`.

## What the lab simulated that a laptop does not

${simulatedDifferences(meta, checks.preset, checks.crons.length > 0)
  .map((line) => `- ${line}`)
  .join('\n')}

So an answer here can differ from the lab's where the lesson is about one of these; the lesson says which.
${input.unlisted.length ? `\n## Packages to add\n\nThe files import ${input.unlisted.map((name) => `\`${name}\``).join(', ')}, which the course does not use: \`npm install ${input.unlisted.join(' ')}\`.\n` : ''}
## Files

${input.files.map((file) => `- \`${file}\``).join('\n')}

The versions in \`package.json\` are the ones the course's test suite builds every example with.
`
}
