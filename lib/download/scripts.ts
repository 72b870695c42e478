/**
 * The Node scripts every downloaded project carries in `scripts/`, as text. They are plain ESM
 * JavaScript (no TypeScript, no build step), written as string concatenation rather than template
 * literals so that this file needs no escaping. They run for real in `npm test`: the examples stage
 * runs every project's check.mjs, and one project is installed and built from scratch with with-db.mjs
 * (examples/verify/scripts/downloads.ts); `lib/download/project.test.ts` runs `node --check` on each.
 */

/** Reads the variables Next.js would see, in its order: the shell, then .env.local, then .env. */
export const ENV_SCRIPT = `// Reads the variables Next.js sees, with its precedence: the shell, then .env.local, then .env
// (.env.example last, so the checks work before the first \`npm run dev\` has created .env).
import { existsSync, readFileSync } from 'node:fs'

function parse(file) {
  if (!existsSync(file)) return {}
  const values = {}
  for (const line of readFileSync(file, 'utf8').split(/\\r?\\n/)) {
    const match = /^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(.*)\\s*$/.exec(line)
    if (!match) continue
    let value = match[2]
    if (/^(['"]).*\\1$/.test(value)) value = value.slice(1, -1)
    else value = value.replace(/\\s+#.*$/, '')
    values[match[1]] = value
  }
  return values
}

export function readEnv() {
  return { ...parse('.env.example'), ...parse('.env'), ...parse('.env.local'), ...process.env }
}
`

/** An in-memory Postgres (PGlite) served over the wire protocol, loaded with db/schema.sql and db/seed.sql. */
export const EMBEDDED_DB_SCRIPT = `// The embedded database: PGlite (Postgres 17 compiled to WebAssembly) served over the Postgres wire
// protocol by @electric-sql/pglite-socket, so the app's \`pg\` driver talks to it like to any server.
// It lives in memory: every start begins from db/schema.sql and db/seed.sql. PGlite has one session
// for all connections (queries are queued, a transaction holds the others back), which is plenty for
// one developer and not a production database.
import { readFileSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'

export async function startEmbeddedDatabase(url) {
  const db = await PGlite.create()
  await db.exec(readFileSync('db/schema.sql', 'utf8'))
  await db.exec(readFileSync('db/seed.sql', 'utf8'))
  const server = new PGLiteSocketServer({
    db,
    host: url.hostname === 'localhost' ? '127.0.0.1' : url.hostname,
    port: Number(url.port || 5432),
    // pglite-socket allows one connection by default; a pool opens several.
    maxConnections: 100,
  })
  await server.start()
  console.log('Embedded Postgres (PGlite) on ' + url.host + ', loaded from db/schema.sql and db/seed.sql.')
  return {
    async stop() {
      await server.stop().catch(() => {})
      await db.close().catch(() => {})
    },
  }
}
`

/** `npm run dev|build|start|db`: the embedded database when DATABASE_URL points at a free local port, then the command. */
export const WITH_DB_SCRIPT = `// npm run dev / build / start / db: makes sure there is a database, then runs the command with it.
//   node scripts/with-db.mjs next dev   (npm run dev)
//   node scripts/with-db.mjs            (npm run db: only the database, until Ctrl+C)
// DATABASE_URL comes from the shell, .env.local or .env (created from .env.example on first use).
// When it points at this machine and nothing listens on its port, the embedded Postgres starts
// there; otherwise your server is used as it is (load the tables once with \`npm run db:setup\`).
import { spawn } from 'node:child_process'
import { copyFileSync, existsSync } from 'node:fs'
import { createConnection } from 'node:net'
import { startEmbeddedDatabase } from './embedded-db.mjs'
import { readEnv } from './env.mjs'

if (!existsSync('.env') && existsSync('.env.example')) {
  copyFileSync('.env.example', '.env')
  console.log('Created .env from .env.example.')
}

const raw = readEnv().DATABASE_URL
if (!raw) {
  console.error('DATABASE_URL is not set: put it in .env (see .env.example) or in the shell.')
  process.exit(1)
}
const url = new URL(raw)

function answers(host, port) {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port })
    socket.setTimeout(1000)
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('timeout', () => (socket.destroy(), resolve(false)))
    socket.once('error', () => resolve(false))
  })
}

const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost'
let database
if (local && !(await answers(url.hostname, Number(url.port || 5432)))) {
  database = await startEmbeddedDatabase(url)
} else {
  console.log(
    'Using the Postgres server at ' + url.host + ' (DATABASE_URL). Create the tables once with: npm run db:setup',
  )
}

async function finish(code) {
  await database?.stop()
  process.exit(code)
}

const [command, ...args] = process.argv.slice(2)
if (!command) {
  console.log('Database ready: DATABASE_URL=' + url.toString() + ' · Ctrl+C stops it.')
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => finish(0))
} else {
  const child = spawn(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: url.toString() },
    shell: process.platform === 'win32',
  })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => finish(code ?? (signal ? 1 : 0)))
}
`

/** `npm run db:setup`: creates the tables and rows on the server DATABASE_URL names. */
export const DB_SETUP_SCRIPT = `// npm run db:setup: runs db/schema.sql and db/seed.sql on the server DATABASE_URL names (an empty
// database: the schema creates its tables without IF NOT EXISTS). Not needed for the embedded database.
import { readFileSync } from 'node:fs'
import pg from 'pg'
import { readEnv } from './env.mjs'

const connectionString = readEnv().DATABASE_URL
if (!connectionString) {
  console.error('DATABASE_URL is not set: put it in .env or in the shell.')
  process.exit(1)
}
const client = new pg.Client({ connectionString })
await client.connect()
try {
  await client.query(readFileSync('db/schema.sql', 'utf8'))
  await client.query(readFileSync('db/seed.sql', 'utf8'))
  console.log('Created the tables of db/schema.sql and the rows of db/seed.sql.')
} finally {
  await client.end()
}
`

/**
 * `npm run check`: replays the lab's preset against the running app and judges the checks in
 * scripts/checks.json (written by lib/download/checks-json.ts). Exit code 0 all judged checks pass,
 * 1 some fail, 2 the app could not be reached.
 */
export const CHECK_SCRIPT = `// npm run check: sends the lab's requests to the running app and judges the example's checks.
//   node scripts/check.mjs [base URL]      (default http://localhost:3000, or CHECK_BASE_URL)
// The requests and checks are in scripts/checks.json. The lab runs on a virtual clock; here the
// requests go out in the same order, and a request the plan starts 1 to 30 s after a slower one
// still running (a stream) goes out that long after it, so the two overlap as in the lab. Other
// gaps are shortened to 300 ms (CHECK_PAUSE_MS), enough for work left running after a response.
// Exit code: 0 every judged check passes, 1 some fail, 2 no app.
import { readFileSync } from 'node:fs'
import pg from 'pg'
import { readEnv } from './env.mjs'

const spec = JSON.parse(readFileSync(new URL('./checks.json', import.meta.url), 'utf8'))
const base = (process.argv[2] || process.env.CHECK_BASE_URL || 'http://localhost:3000').replace(/\\/+$/, '')
const timeoutMs = Number(process.env.CHECK_TIMEOUT_MS || 60000)
const pauseMs = Number(process.env.CHECK_PAUSE_MS || 300)
const env = readEnv()
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

// The app may still be starting (npm run dev in another terminal): wait up to 60 s for it.
for (let attempt = 0; ; attempt++) {
  try {
    await (await fetch(base + '/', { signal: AbortSignal.timeout(30000) })).arrayBuffer()
    break
  } catch (error) {
    if (attempt === 120) {
      console.error('Nothing answers at ' + base + ' (' + error.message + '). Start the app first: npm run dev')
      process.exit(2)
    }
    if (attempt === 0) console.log('Waiting for the app at ' + base + ' …')
    await sleep(500)
  }
}

const requests = spec.requests.map((request, index) => ({ ...request, index }))
// Each cron runs twice, as two scheduled runs would: a job that failed in the first run (and was left
// for the next one, as a cron-drained outbox does) gets its retry in the second.
for (let run = 0; run < 2; run++) {
  for (const cron of spec.crons) {
    const headers = { 'user-agent': 'vercel-cron/1.0' }
    if (env.CRON_SECRET) headers.authorization = 'Bearer ' + env.CRON_SECRET
    // After the plan, and the second run only once the first has finished (distinct times, one group each).
    requests.push({ index: requests.length, at: Number.MAX_SAFE_INTEGER - 1 + run, method: 'GET', path: cron, headers, cron: true })
  }
}
const results = []

async function send(request) {
  const started = Date.now()
  try {
    const response = await fetch(base + request.path, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    })
    const body = await response.text()
    results[request.index] = { ...request, status: response.status, body, ms: Date.now() - started }
  } catch (error) {
    const reason = error.name === 'TimeoutError' ? 'no answer after ' + timeoutMs / 1000 + ' s' : error.message
    results[request.index] = { ...request, status: 0, body: '', error: reason, ms: Date.now() - started }
  }
}

async function sendGroup(group) {
  const limit = Math.min(...group.map((request) => request.concurrency ?? Infinity))
  const queue = [...group]
  const workers = Array.from({ length: Math.min(limit, queue.length) }, async () => {
    while (queue.length) await send(queue.shift())
  })
  await Promise.all(workers)
}

const groups = []
for (const request of [...requests].sort((a, b) => a.at - b.at || a.index - b.index)) {
  const last = groups[groups.length - 1]
  if (last && last.at === request.at) last.requests.push(request)
  else groups.push({ at: request.at, requests: [request] })
}
const inFlight = []
let previous
for (const group of groups) {
  if (previous) {
    const gap = group.at - previous.at
    const afterPrevious = previous.done.then(() => sleep(Math.min(gap, pauseMs)))
    if (gap >= 1000 && gap <= 30000) await Promise.race([afterPrevious, sleep(previous.startedAt + gap - Date.now())])
    else await afterPrevious
  }
  const done = sendGroup(group.requests)
  inFlight.push(done)
  previous = { at: group.at, startedAt: Date.now(), done }
}
await Promise.all(inFlight)
// Work the routes left running after their response (after(), an un-awaited promise) gets a moment.
await sleep(spec.settleMs)

console.log(spec.title + ': preset "' + spec.preset + '" against ' + base)
let row
for (const result of results) {
  const what = result.method + ' ' + result.path + (result.cron ? ' (as Vercel Cron)' : '')
  const outcome = result.error ? result.error : String(result.status)
  if (row && row.what === what && row.outcome === outcome) row.count++
  else {
    if (row) print(row)
    row = { what, outcome, count: 1 }
  }
}
if (row) print(row)
function print({ what, outcome, count }) {
  console.log('  ' + what + (count > 1 ? ' ×' + count : '') + ' → ' + outcome)
}

const matching = (check) =>
  results.filter((r) => r.path === check.path && (!check.method || r.method === check.method.toUpperCase()))
const statuses = (list) => list.map((r) => r.status || r.error).join(', ')

async function countRows(table) {
  const client = new pg.Client({ connectionString: env.DATABASE_URL })
  await client.connect()
  try {
    const { rows } = await client.query('SELECT count(*)::int AS n FROM "' + table.replace(/"/g, '""') + '"')
    return rows[0].n
  } finally {
    await client.end()
  }
}

async function judge(check) {
  switch (check.type) {
    case 'last-status': {
      // As in the lab, crons included: they come after the preset's requests.
      const last = results[results.length - 1]
      return [last.status === check.status, 'the last request answered ' + (last.status || last.error)]
    }
    case 'request-status': {
      const found = matching(check)
      if (found.length === 0) return [false, 'no request to ' + check.path + ' was made']
      return [found.every((r) => r.status === check.status), 'answered ' + statuses(found)]
    }
    case 'all-status': {
      const other = results.filter((r) => r.status !== check.status)
      return [other.length === 0, other.length ? 'other statuses: ' + statuses(other) : 'all ' + check.status]
    }
    case 'no-status-class': {
      const bad = results.filter((r) => Math.floor(r.status / 100) === check.class || !r.status)
      return [bad.length === 0, bad.length ? bad.length + ' answered ' + statuses(bad) : 'none']
    }
    case 'body-includes': {
      const last = matching(check).pop()
      if (!last) return [false, 'no request to ' + check.path + ' was made']
      const pass = last.body.includes(check.text)
      return [pass, pass ? 'found' : 'the body was: ' + last.body.slice(0, 300)]
    }
    case 'table-row-count': {
      const count = await countRows(check.table)
      return [count === check.count, check.table + ' holds ' + count + ' row(s)']
    }
    default:
      return [false, 'unknown check ' + check.type]
  }
}

console.log('Checks:')
let failed = 0
for (const check of spec.checks) {
  let verdict
  try {
    verdict = await judge(check)
  } catch (error) {
    verdict = [false, error.message]
  }
  if (!verdict[0]) failed++
  console.log('  ' + (verdict[0] ? '✓ ' : '✗ ') + check.label + ' (' + verdict[1] + ')')
}
for (const note of spec.labOnly) console.log('  – ' + note + ' (only the lab measures this; see README.md)')
console.log(failed ? failed + ' of ' + spec.checks.length + ' checks failed.' : 'All ' + spec.checks.length + ' checks pass.')
process.exit(failed ? 1 : 0)
`
