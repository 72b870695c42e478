/**
 * The pg conformance cases (lib/lab/conformance/pg/) on the real `pg` package against a real
 * PostgreSQL server. The same cases run on the lab's `pg` in Vitest (lab.test.ts); both must give
 * the case's expectation, so every expectation is proven on the real thing.
 *
 *   tsx scripts/pg-conformance.ts            throwaway clusters (scripts/real-postgres.ts), one per
 *                                            distinct max_connections / superuser_reserved_connections
 *   DATABASE_URL=… tsx scripts/pg-conformance.ts
 *                                            any server; REAL_PG_SUPERUSER_URL adds the superuser cases.
 *                                            Cases whose connection settings differ from the server's
 *                                            are skipped and listed.
 */
import { isDeepStrictEqual } from 'node:util'
import pg from 'pg'
import { CASE_PRELUDE, PG_CASES } from '../../../lib/lab/conformance/pg/cases'
import { caseDatabase, type PgCase } from '../../../lib/lab/conformance/pg/schema'
import { startRealPostgres } from './real-postgres'

const SCHEMA = 'conformance'
const CASE_TIMEOUT_MS = 20_000
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
  ...args: string[]
) => (...values: unknown[]) => Promise<unknown>

interface Server {
  label: string
  appUrl: string
  superuserUrl?: string
  major: number
  maxConnections: number
  reserved: number
  appIsSuperuser: boolean
}

const json = (value: unknown) => JSON.parse(JSON.stringify(value ?? null)) as unknown
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function withSearchPath(url: string): string {
  const u = new URL(url)
  u.searchParams.set('options', `-c search_path=${SCHEMA}`)
  return u.toString()
}

async function describeServer(label: string, appUrl: string, superuserUrl?: string): Promise<Server> {
  const client = new pg.Client(appUrl)
  await client.connect()
  const { rows } = await client.query(
    `SELECT current_setting('server_version_num')::int / 10000 AS major,
            current_setting('max_connections')::int AS max,
            current_setting('superuser_reserved_connections')::int AS reserved,
            (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS super`,
  )
  await client.end()
  const r = rows[0] as { major: number; max: number; reserved: number; super: boolean }
  return { label, appUrl, superuserUrl, major: r.major, maxConnections: r.max, reserved: r.reserved, appIsSuperuser: r.super }
}

/** Why a case cannot run on this server, or null. */
function mismatch(c: PgCase, server: Server): string | null {
  const want = caseDatabase(c)
  if (want.role === 'superuser' && !server.superuserUrl && !server.appIsSuperuser)
    return 'needs a superuser (set REAL_PG_SUPERUSER_URL)'
  if (want.role === 'app' && server.appIsSuperuser) return 'needs an ordinary role, and DATABASE_URL logs in as a superuser'
  const limits = /FILL|opened/.test(c.code)
  if (limits && (want.maxConnections !== server.maxConnections || want.superuserReservedConnections !== server.reserved))
    return `needs max_connections ${want.maxConnections} and superuser_reserved_connections ${want.superuserReservedConnections}; the server has ${server.maxConnections} and ${server.reserved}`
  return null
}

async function runCase(c: PgCase, server: Server): Promise<unknown> {
  const admin = new pg.Client(server.appUrl)
  await admin.connect()
  await admin.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE; CREATE SCHEMA ${SCHEMA}`)
  if (c.setup) await admin.query(`SET search_path = ${SCHEMA}; ${c.setup}`)
  await admin.end()
  // The server frees the admin session's slot when its backend exits, just after the client closes.
  await sleep(150)
  const role = caseDatabase(c).role
  const url = withSearchPath(role === 'superuser' && server.superuserUrl ? server.superuserUrl : server.appUrl)
  const run = new AsyncFunction('pg', 'url', 'sleep', `${CASE_PRELUDE}\n${c.code}`)
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CASE_TIMEOUT_MS / 1000} s`)), CASE_TIMEOUT_MS)
  })
  try {
    return { value: await Promise.race([run(pg, url, sleep), timeout]) }
  } catch (error) {
    const e = error as { message?: string; code?: string }
    return { thrown: { message: e.message, code: e.code } }
  } finally {
    clearTimeout(timer)
  }
}

async function main() {
  const started = Date.now()
  const failures: string[] = []
  const skipped: string[] = []
  let passed = 0
  process.on('uncaughtException', (error) => failures.push(`uncaught: ${error.message}`))

  const check = async (c: PgCase, server: Server) => {
    const why = mismatch(c, server)
    if (why) {
      skipped.push(`${c.id}: ${why}`)
      console.log(`  skip ${c.id}: ${why}`)
      return
    }
    const got = json(await runCase(c, server))
    const want = json({ value: server.major < 16 && c.expectBefore16 !== undefined ? c.expectBefore16 : c.expect })
    if (isDeepStrictEqual(got, want)) {
      passed++
      console.log(`  ok   ${c.id}${c.labDiffers ? ' (the lab differs deliberately: see lib/lab/README.md)' : ''}`)
    } else {
      failures.push(c.id)
      console.log(`  FAIL ${c.id}: ${c.title}\n    source: ${c.source}\n    expected ${JSON.stringify(want)}\n    real     ${JSON.stringify(got)}`)
    }
  }

  if (process.env.DATABASE_URL) {
    const server = await describeServer('DATABASE_URL', process.env.DATABASE_URL, process.env.REAL_PG_SUPERUSER_URL)
    console.log(`[pg-conformance] ${server.label}: PostgreSQL ${server.major}, max_connections ${server.maxConnections}, reserved ${server.reserved}`)
    for (const c of PG_CASES) await check(c, server)
  } else {
    const groups = new Map<string, PgCase[]>()
    for (const c of PG_CASES) {
      const d = caseDatabase(c)
      const key = `${d.maxConnections}/${d.superuserReservedConnections}`
      groups.set(key, [...(groups.get(key) ?? []), c])
    }
    for (const [key, group] of groups) {
      const [maxConnections, reserved] = key.split('/').map(Number)
      const real = await startRealPostgres({ maxConnections, superuserReservedConnections: reserved })
      try {
        const server = await describeServer(`throwaway cluster on port ${real.port}`, real.url, real.superuserUrl)
        console.log(
          `[pg-conformance] PostgreSQL ${server.major} (${server.label}), max_connections ${maxConnections}, superuser_reserved_connections ${reserved}: ${group.length} cases`,
        )
        for (const c of group) await check(c, server)
      } finally {
        real.stop()
      }
    }
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  const summary = `${PG_CASES.length} cases: ${passed} passed on the real pg + PostgreSQL, ${failures.length} failed, ${skipped.length} skipped · ${seconds} s`
  if (failures.length) {
    console.log(`\nFAIL: ${summary}\n  ${failures.join('\n  ')}`)
    process.exit(1)
  }
  console.log(`\nPASS: ${summary}`)
  process.exit(0)
}

void main().catch((error: Error) => {
  console.error(`[pg-conformance] ${error.stack ?? error.message}`)
  process.exit(1)
})
