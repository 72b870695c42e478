/**
 * The "example meta fields" reference in CONTRIBUTING.md, written from the zod schema itself, so the
 * docs a contributor reads and the validation their meta.ts meets cannot drift apart.
 */
import { z } from 'zod'
import { checkSchema, exampleMetaSchema } from '@/lib/examples/schema'

interface JsonSchema {
  type?: string | string[]
  description?: string
  enum?: unknown[]
  const?: unknown
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  minimum?: number
  exclusiveMinimum?: number
  maximum?: number
  minItems?: number
}

interface FieldRow {
  path: string
  type: string
  required: boolean
  description: string
}

function typeOf(schema: JsonSchema): string {
  if (schema.const !== undefined) return JSON.stringify(schema.const)
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(' \\| ')
  if (schema.anyOf || schema.oneOf) return (schema.anyOf ?? schema.oneOf ?? []).map(typeOf).join(' \\| ')
  if (schema.type === 'array')
    return schema.items?.enum ? `(${typeOf(schema.items)})[]` : `${schema.items ? typeOf(schema.items) : 'value'}[]`
  if (schema.type === 'integer') return 'integer'
  return Array.isArray(schema.type) ? schema.type.join(' \\| ') : (schema.type ?? 'value')
}

function rowsOf(schema: JsonSchema, prefix: string, rows: FieldRow[], stopAt: Set<string>) {
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name
    const required = schema.required?.includes(name) ?? false
    const isObject = property.type === 'object' && property.properties
    const isObjectArray = property.type === 'array' && property.items?.properties
    rows.push({
      path,
      type:
        stopAt.has(path) && property.type === 'array'
          ? 'check[] (below)'
          : isObject
            ? 'object'
            : isObjectArray
              ? 'object[]'
              : typeOf(property),
      required,
      description: (property.description ?? property.items?.description ?? '')
        .replace(/\|/g, '\\|')
        .replace(/\n/g, ' '),
    })
    if (stopAt.has(path)) continue
    if (isObject) rowsOf(property, path, rows, stopAt)
    if (isObjectArray && property.items) rowsOf(property.items, `${path}[]`, rows, stopAt)
  }
}

function table(rows: FieldRow[]): string {
  return [
    '| field | type | required | meaning |',
    '| --- | --- | --- | --- |',
    ...rows.map((row) => `| \`${row.path}\` | ${row.type} | ${row.required ? 'yes' : ''} | ${row.description} |`),
  ].join('\n')
}

export function metaFieldsMarkdown(): string {
  const meta = z.toJSONSchema(exampleMetaSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema
  const rows: FieldRow[] = []
  // Scenarios and checks get their own tables below; inline they would repeat for every preset.
  rowsOf(meta, '', rows, new Set(['presets[].scenario', 'exercise.checks']))

  const checks = z.toJSONSchema(checkSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema
  const variants = checks.oneOf ?? checks.anyOf ?? []
  const checkRows = variants.map((variant) => {
    const { type, label: _label, ...fields } = variant.properties ?? {}
    const fieldList = Object.entries(fields)
      .map(([name, field]) => {
        const values = field.enum ? ` One of ${typeOf(field)}.` : ''
        return `\`${name}\`${variant.required?.includes(name) ? '' : '?'}: ${field.description ?? typeOf(field)}${values}`
      })
      .join('<br/>')
    // typeOf() escapes the pipes between values already; escape only the descriptions' own.
    return `| ${type ? typeOf(type) : ''} | ${fieldList.replace(/(?<!\\)\|/g, '\\|')} |`
  })

  return [
    table(rows),
    '',
    `Each check in \`exercise.checks\` has a \`type\`, a \`label\` (what the reader sees) and the fields of its type. ${checks.description ?? ''}`,
    '',
    '| type | fields |',
    '| --- | --- |',
    ...checkRows,
    '',
    "A preset's `scenario` has the engine's `Scenario` shape (`lib/lab/types.ts`): `requests` (each with `at`, `method`, `path`, `headers`, `body`, `count`, `concurrency`, `interval`), optional `platform` and `database` overrides, `runForMs`, `seed`, and `webSockets` (simulated WebSocket clients: `clients`, each with `at`, `path`, `count`, `interval`, `closeAt`, and `send`, each with `client`, `at`, `data`; see `lib/examples/websocket-scenario.ts`).",
  ].join('\n')
}
