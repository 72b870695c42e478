/**
 * The route conformance case format. A case is a few route files, the requests sent to them, and
 * what Next.js 16 answers, with the document or source file that defines the behaviour. Every case
 * runs on the lab engine (`conformance.test.ts`, the unit stage) and on real Next.js 16
 * (`examples/verify/scripts/conformance-routes.ts`, the examples stage), and must pass on both.
 * No imports beyond zod and relative paths: the verifier loads these files with its own toolchain.
 */
import { z } from 'zod'

export const caseRequestSchema = z.object({
  method: z.string().default('GET').describe('HTTP method, sent as is (an unknown one too).'),
  path: z.string().startsWith('/').describe('Path and query, as the app sees it (the verifier adds its mount prefix).'),
  headers: z.record(z.string(), z.string()).default({}).describe('Request headers; set content-type with a body.'),
  body: z.string().optional().describe('The request body, sent byte for byte.'),
})

export const expectedResponseSchema = z.object({
  status: z.number().int().describe('The status code.'),
  headers: z
    .record(z.string(), z.string().nullable())
    .optional()
    .describe('Headers to check (lower-case names); `null`: the header must be absent. Others are not compared.'),
  body: z
    .string()
    .optional()
    .describe("The exact body. `<origin>` stands for the server's origin (the lab's is http://localhost:3000)."),
  json: z.unknown().optional().describe('The body parsed as JSON must deeply equal this.'),
  bodyIncludes: z.string().optional().describe('The body must contain this text.'),
  bodyLength: z.number().int().optional().describe('The body must be exactly this many bytes (for large bodies).'),
})

export const routeCaseSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      .describe('Unique, kebab-case; also the folder the verifier mounts the case under.'),
    title: z.string().min(10).describe('What behaviour the case pins down, in a sentence.'),
    source: z
      .string()
      .url()
      .describe('The Next.js document or source file (or other primary source) that defines the behaviour.'),
    files: z
      .record(z.string(), z.string())
      .describe('The route files (pages/api/**, app/**/route.ts, lib/**, data files), as a reader would write them.'),
    profile: z
      .enum(['lambda', 'fluid', 'server'])
      .optional()
      .describe("The lab's platform profile for this case (default `lambda`). Real Next.js runs as `next start`."),
    requests: z.array(caseRequestSchema).min(1).describe('Sent one after another, a second apart in the lab.'),
    expect: z.array(expectedResponseSchema).describe('What Next.js 16 answers, one entry per request.'),
    logs: z
      .array(z.string())
      .optional()
      .describe(
        "Lines Next.js logs for the case (substrings), checked in `next start`'s output and the lab's console.",
      ),
    labLogs: z
      .array(z.string())
      .optional()
      .describe('Lines only the lab prints (its hints, its budget notes), checked in the lab console only.'),
    labDiffers: z
      .object({
        reason: z.string().min(30).describe('Why the lab answers differently, in words a reader would accept.'),
        expect: z.array(expectedResponseSchema).describe('What the lab answers instead, one entry per request.'),
      })
      .optional()
      .describe(
        'A deliberate difference: real Next.js is checked against `expect`, the lab against `labDiffers.expect`. Listed in "How the lab differs from production".',
      ),
    realNext: z
      .object({ skip: z.string().min(30) })
      .optional()
      .describe(
        "Only for what cannot run inside the verifier's one shared Next.js app (a build error would stop every case): why. The lab side still runs.",
      ),
    labFailure: z
      .string()
      .optional()
      .describe(
        'The lab run must fail (a build error) with a message containing this text; `requests` are not answered.',
      ),
  })
  .superRefine((c, ctx) => {
    if (!c.labFailure && c.expect.length !== c.requests.length)
      ctx.addIssue({
        code: 'custom',
        message: `${c.id}: ${c.requests.length} requests but ${c.expect.length} expectations`,
      })
    if (c.labDiffers && c.labDiffers.expect.length !== c.requests.length)
      ctx.addIssue({ code: 'custom', message: `${c.id}: labDiffers.expect needs one entry per request` })
  })

export type RouteCaseInput = z.input<typeof routeCaseSchema>
export type RouteCase = z.output<typeof routeCaseSchema>
export type ExpectedResponse = z.output<typeof expectedResponseSchema>

export interface ActualResponse {
  status: number
  headers: Record<string, string>
  body: string
}

/** The origin as `<origin>`, so the lab's http://localhost:3000 and a real server's compare equal. */
export function normaliseOrigin(text: string, origins: string[]): string {
  let out = text
  for (const o of origins) out = out.split(o).join('<origin>')
  return out
}

/** Differences between an actual response and an expectation; empty when it matches. */
export function compareResponse(actual: ActualResponse, expected: ExpectedResponse): string[] {
  const problems: string[] = []
  if (actual.status !== expected.status) problems.push(`status ${actual.status}, expected ${expected.status}`)
  for (const [name, value] of Object.entries(expected.headers ?? {})) {
    const got = actual.headers[name.toLowerCase()]
    if (value === null && got !== undefined) problems.push(`header ${name} is ${JSON.stringify(got)}, expected none`)
    if (value !== null && got !== value)
      problems.push(
        `header ${name} is ${got === undefined ? 'absent' : JSON.stringify(got)}, expected ${JSON.stringify(value)}`,
      )
  }
  if (expected.body !== undefined && actual.body !== expected.body)
    problems.push(`body ${JSON.stringify(actual.body.slice(0, 300))}, expected ${JSON.stringify(expected.body)}`)
  if (expected.bodyIncludes !== undefined && !actual.body.includes(expected.bodyIncludes))
    problems.push(
      `body ${JSON.stringify(actual.body.slice(0, 300))} does not contain ${JSON.stringify(expected.bodyIncludes)}`,
    )
  if (expected.bodyLength !== undefined) {
    const length = new TextEncoder().encode(actual.body).length
    if (length !== expected.bodyLength) problems.push(`body is ${length} bytes, expected ${expected.bodyLength}`)
  }
  if (expected.json !== undefined) {
    let parsed: unknown
    try {
      parsed = JSON.parse(actual.body)
    } catch {
      problems.push(`body is not JSON: ${JSON.stringify(actual.body.slice(0, 300))}`)
      return problems
    }
    if (JSON.stringify(sortKeys(parsed)) !== JSON.stringify(sortKeys(expected.json)))
      problems.push(`JSON ${JSON.stringify(parsed)}, expected ${JSON.stringify(expected.json)}`)
  }
  return problems
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys)
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    )
  return v
}
