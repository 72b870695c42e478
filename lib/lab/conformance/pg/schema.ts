/**
 * A pg conformance case: a few lines of plain JavaScript that use the `pg` module the way an app
 * does, and the JSON value they must produce. The same case runs in the lab (as a route handler,
 * lib/lab/conformance/pg/lab.test.ts) and on the real `pg` package against a real PostgreSQL
 * server (examples/verify/scripts/pg-conformance.ts), so every expectation is proven on both.
 */
import { z } from 'zod'

export const databaseSchema = z
  .object({
    maxConnections: z
      .number()
      .int()
      .positive()
      .optional()
      .describe("`max_connections` of the server the case needs (default 20, the lab's)."),
    superuserReservedConnections: z
      .number()
      .int()
      .nonnegative()
      .optional()
      .describe("`superuser_reserved_connections` (default 3, PostgreSQL's)."),
    role: z
      .enum(['app', 'superuser'])
      .optional()
      .describe('Who logs in: the ordinary application role (default) or a superuser.'),
  })
  .strict()

export const pgCaseSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .describe('Unique, kebab-case.'),
    title: z.string().min(10).describe('What the case shows, in one sentence.'),
    source: z
      .string()
      .min(10)
      .describe('The pg or PostgreSQL document or source file that defines the behaviour (a URL, or repository:path).'),
    database: databaseSchema.optional(),
    setup: z
      .string()
      .optional()
      .describe('SQL run before the case, as the app role (the lab runs it as db/schema.sql).'),
    code: z
      .string()
      .min(10)
      .describe(
        'The body of `async (pg, url, sleep) => { … }` in plain JavaScript: `pg` is the module, `url` the connection string, `sleep(ms)` waits. It returns a JSON value.',
      ),
    expect: z.unknown().describe('The JSON value the code returns on PostgreSQL 16 and later, and in the lab.'),
    expectBefore16: z
      .unknown()
      .optional()
      .describe('What PostgreSQL 15 and older return instead, where their wording differs.'),
    labDiffers: z
      .object({
        why: z.string().min(20).describe('Why the lab deliberately answers differently (listed in lib/lab/README.md).'),
        expect: z.unknown().describe('What the lab returns.'),
      })
      .strict()
      .optional(),
  })
  .strict()

export type PgCase = z.output<typeof pgCaseSchema>
export type PgCaseDatabase = z.output<typeof databaseSchema>

/** The settings a case runs with, defaults filled in. */
export function caseDatabase(c: PgCase): Required<PgCaseDatabase> {
  return {
    maxConnections: c.database?.maxConnections ?? 20,
    superuserReservedConnections: c.database?.superuserReservedConnections ?? 3,
    role: c.database?.role ?? 'app',
  }
}

/** What a case's code produced: its value, or the error that escaped it. */
export type PgCaseOutcome = { value: unknown } | { thrown: { message: string; code?: string } }

export function outcomeOf(outcome: PgCaseOutcome): unknown {
  return 'value' in outcome ? outcome.value : { thrown: outcome.thrown }
}
