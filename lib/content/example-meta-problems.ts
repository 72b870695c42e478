/**
 * An example whose `meta.ts` does not load, as content problems: one per field, at the field's line,
 * with the schema's own description of the field and a "did you mean" for a mistyped key or value.
 */
import { lineOfMetaPath } from '@/lib/examples/meta-source'
import { ExampleMetaError, exampleMetaSchema, issuePath, type ExampleMetaIssue } from '@/lib/examples/schema'
import { closest, didYouMean } from './did-you-mean'
import type { ContentProblem } from './problem'

interface ZodLike {
  description?: string
  _zod: { def: Record<string, unknown> & { type: string } }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input
  for (const key of path) value = (value as Record<PropertyKey, unknown> | undefined)?.[key]
  return value
}

/** Through optional, nullable, default and pipe wrappers; a union picks the option whose `type` the input names. */
function unwrap(schema: ZodLike | undefined, value: unknown): ZodLike | undefined {
  let current = schema
  for (let guard = 0; current && guard < 10; guard++) {
    const def = current._zod.def
    if (['optional', 'nullable', 'default', 'readonly', 'nonoptional'].includes(def.type)) {
      current = def.innerType as ZodLike
    } else if (def.type === 'pipe') {
      current = def.in as ZodLike
    } else if (def.type === 'union') {
      const options = def.options as ZodLike[]
      const wanted = (value as { type?: unknown } | undefined)?.type
      current =
        options.find((option) => {
          const literal = (option._zod.def.shape as Record<string, ZodLike> | undefined)?.type
          return ((literal?._zod.def.values as unknown[] | undefined) ?? []).includes(wanted)
        }) ?? options[0]
    } else {
      return current
    }
  }
  return current
}

function child(schema: ZodLike | undefined, key: PropertyKey): ZodLike | undefined {
  const def = schema?._zod.def
  if (def?.type === 'object') return (def.shape as Record<string, ZodLike>)[String(key)]
  if (def?.type === 'array') return def.element as ZodLike
  if (def?.type === 'record') return def.valueType as ZodLike
  return undefined
}

/** The schema for the value at `path`, as written (`raw`, which carries `.describe()`) and unwrapped. */
function schemaAt(path: readonly PropertyKey[], input: unknown): { raw?: ZodLike; schema?: ZodLike } {
  let raw = exampleMetaSchema as unknown as ZodLike | undefined
  let schema = unwrap(raw, input)
  path.forEach((key, index) => {
    raw = child(schema, key)
    schema = unwrap(raw, valueAt(input, path.slice(0, index + 1)))
  })
  return { raw, schema }
}

function describe(path: readonly PropertyKey[], input: unknown): string | undefined {
  const { raw, schema } = schemaAt(path, input)
  return raw?.description ?? schema?.description
}

function knownKeys(path: readonly PropertyKey[], input: unknown): string[] {
  const def = schemaAt(path, input).schema?._zod.def
  return def?.type === 'object' ? Object.keys(def.shape as Record<string, unknown>) : []
}

const SCHEMA_FILE = 'lib/examples/schema.ts'

function issueProblems(metaFile: string, source: string, input: unknown, issue: ExampleMetaIssue): ContentProblem[] {
  const where = issuePath(issue.path)
  if (issue.code === 'unrecognized_keys' && issue.keys?.length) {
    const keys = knownKeys(issue.path, input)
    // A key the object already sets is no candidate: `tabel` beside `label` means the missing `table`.
    const present = Object.keys((valueAt(input, issue.path) as Record<string, unknown> | undefined) ?? {})
    const unset = keys.filter((key) => !present.includes(key))
    return issue.keys.map((key) => ({
      file: metaFile,
      line: lineOfMetaPath(source, [...issue.path, key]) ?? 1,
      message: `unknown key "${key}"${where ? ` in ${where}` : ''}.`,
      fix: `${didYouMean(key, unset).trim() || 'Remove it.'} Keys allowed here: ${keys.join(', ')} (${SCHEMA_FILE}).`,
    }))
  }
  let fix = describe(issue.path, input) ?? `See the field descriptions in ${SCHEMA_FILE}.`
  const value = valueAt(input, issue.path)
  const key = issue.path.at(-1)
  if (value === undefined && typeof key === 'string' && issue.path.length > 0) {
    // A required field that is not there: say so, at the object that lacks it, and what to add.
    const parent = issue.path.slice(0, -1)
    return [
      {
        file: metaFile,
        line: (parent.length ? lineOfMetaPath(source, parent) : undefined) ?? firstLineOfObject(source),
        message: `${where} is missing: the meta must set it.`,
        fix: `Add \`${key}: …\`${parent.length ? ` to ${issuePath(parent)}` : ''}: ${fix}`,
      },
    ]
  }
  if (issue.code === 'invalid_value' && issue.values?.length && typeof value === 'string') {
    fix = `${didYouMean(
      value,
      issue.values.map((allowed) => String(allowed)),
    ).trim()} ${fix}`.trim()
  }
  return [
    {
      file: metaFile,
      line: lineOfMetaPath(source, issue.path) ?? 1,
      message: `${where || 'the meta'}: ${issue.message}`,
      fix,
    },
  ]
}

/** The line of `export default {`, where a missing top-level field belongs. */
function firstLineOfObject(source: string): number {
  const index = source.split('\n').findIndex((line) => /export default\s*\{/.test(line))
  return index === -1 ? 1 : index + 1
}

/**
 * Leaves out "X is missing" when an unknown key beside it is X misspelt (`expekt` for `expect`): the
 * did-you-mean on the unknown key is the one message that names the fix.
 */
function withoutMisspeltFields(issues: ExampleMetaIssue[], input: unknown): ExampleMetaIssue[] {
  const misspelt = (issue: ExampleMetaIssue) => {
    const key = issue.path.at(-1)
    if (typeof key !== 'string' || valueAt(input, issue.path) !== undefined) return false
    const parent = issuePath(issue.path.slice(0, -1))
    return issues.some(
      (other) =>
        other.code === 'unrecognized_keys' &&
        issuePath(other.path) === parent &&
        (other.keys ?? []).some((unknown) => closest(unknown, [key]) === key),
    )
  }
  return issues.filter((issue) => !misspelt(issue))
}

/**
 * A syntax error in a "Transform failed" message: esbuild's (tsx, the content check) puts
 * `…/meta.ts:5:2: ERROR: Expected "}" but found "x"` on one line; oxc's (Vitest) puts `[PARSE_ERROR] Expected …`
 * first and `[ …/meta.ts:5:2 ]` below it.
 */
function syntaxError(message: string): { line: number; column: number; text: string } | undefined {
  const esbuild = /meta\.ts:(\d+):(\d+): ERROR: (.+)/.exec(message)
  if (esbuild) return { line: Number(esbuild[1]), column: Number(esbuild[2]), text: esbuild[3] }
  const oxc = /\[PARSE_ERROR\]\s*(.+)\n[\s\S]*?meta\.ts:(\d+):(\d+)/.exec(message)
  if (oxc) return { line: Number(oxc[2]), column: Number(oxc[3]), text: oxc[1].trim() }
  return undefined
}

/** Problems for an example that failed to load: from the error's issues when it has them, else its message. */
export function exampleLoadProblems(
  metaFile: string,
  source: string,
  input: unknown,
  error: unknown,
): ContentProblem[] {
  if (error instanceof ExampleMetaError && error.issues.length) {
    return withoutMisspeltFields(error.issues, input)
      .flatMap((issue) => issueProblems(metaFile, source, input, issue))
      .sort((a, b) => a.line - b.line)
  }
  // eslint-disable-next-line no-control-regex -- the terminal colours a transform error carries
  const message = (error as Error).message.replace(`${metaFile}: `, '').replace(/\u001b\[[\d;]*m/g, '')
  const syntax = syntaxError(message)
  if (syntax) {
    return [
      {
        file: metaFile,
        line: syntax.line,
        message: `does not parse: ${syntax.text} (column ${syntax.column}).`,
        fix: 'Fix the syntax here or at the end of the line above (a missing comma, bracket or quote is the usual cause).',
      },
    ]
  }
  const line = new RegExp(`meta\\.ts:(\\d+)`).exec((error as Error).stack ?? '')?.[1]
  return [
    {
      file: metaFile,
      line: line ? Number(line) : 1,
      message: message.split('\n')[0],
      fix: `Make it \`export default { … } satisfies ExampleMetaInput\` as in the other examples; the fields are in ${SCHEMA_FILE}.`,
    },
  ]
}
