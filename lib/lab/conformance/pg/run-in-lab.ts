/**
 * Runs a pg conformance case in the lab: its code becomes a route handler that imports the lab's
 * `pg`, on the `server` profile (one long-lived process, as the real runner is), with the case's
 * database settings.
 */
import type { Engine } from '../../engine'
import type { FileTree } from '../../types'
import { CASE_PRELUDE } from './cases'
import { caseDatabase, type PgCase, type PgCaseOutcome } from './schema'

export function caseFiles(c: PgCase): FileTree {
  return {
    'db/schema.sql': c.setup ?? '',
    'app/api/case/route.ts': `import pg from 'pg'
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
${CASE_PRELUDE}
const run = async (pg: any, url: string, sleep: (ms: number) => Promise<unknown>): Promise<unknown> => {
${c.code}
}
export async function GET() {
  try {
    return Response.json({ value: await run(pg, 'postgres://lab_app@db.internal/lab', sleep) })
  } catch (error: any) {
    return Response.json({ thrown: { message: error?.message, code: error?.code } })
  }
}
`,
  }
}

export async function runCaseInLab(engine: Engine, c: PgCase): Promise<PgCaseOutcome> {
  const outcome = await engine.run(
    {
      files: caseFiles(c),
      scenario: {
        platform: { profile: 'server' },
        database: caseDatabase(c),
        requests: [{ method: 'GET', path: '/api/case' }],
      },
    },
    { resetAhead: false },
  )
  if (!outcome.ok) throw new Error(`${c.id}: the lab could not run it: ${outcome.error.message}`)
  const request = outcome.requests[0]
  if (request.status !== 200) throw new Error(`${c.id}: ${request.status} ${request.error?.message ?? request.body}`)
  return JSON.parse(request.body) as PgCaseOutcome
}
