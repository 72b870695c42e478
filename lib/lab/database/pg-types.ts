/** pg's result shapes, configs and type parsers (`pg.types`), shared by the lab's Client and Pool. */
import type { QueryResult } from './pglite'
import { commandOf, rowCountOf } from './pg-values'

export interface PgField {
  name: string
  dataTypeID: number
  format: 'text'
}

export interface PgResult {
  rows: unknown[]
  rowCount: number | null
  fields: PgField[]
  command: string
  oid: null
  rowAsArray: boolean
}

export type TypeParser = (value: string) => unknown
export type Parsers = Record<number, TypeParser>
export interface TypesLike {
  getTypeParser(oid: number, format?: string): TypeParser
}

export interface QueryConfig {
  text: string
  values?: unknown[]
  rowMode?: 'array'
  types?: TypesLike
  query_timeout?: number
}

export type Callback<T> = (error: Error | undefined | null, value?: T) => void

export interface ClientConfig {
  connectionString?: string
  host?: string
  user?: string
  password?: string
  database?: string
  port?: number
  ssl?: unknown
  statement_timeout?: number | false
  idle_in_transaction_session_timeout?: number | false
  query_timeout?: number | false
  lock_timeout?: number | false
  application_name?: string
  connectionTimeoutMillis?: number
  types?: TypesLike
  [key: string]: unknown
}

export interface PoolConfig extends ClientConfig {
  max?: number
  min?: number
  idleTimeoutMillis?: number
  allowExitOnIdle?: boolean
  maxUses?: number
  maxLifetimeSeconds?: number
  /** pg-pool's hook, run on each new client before it is handed out. */
  onConnect?: (client: unknown) => unknown
  hooks?: { connect?: (client: unknown) => unknown }
}

/** pg reads these from the config as integers (`parseInt`); false, 0 and undefined mean off. */
export function ms(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? parseInt(value, 10) : NaN
  return Number.isFinite(n) && n > 0 ? n : undefined
}

export function noop() {}

/** The oids a query's own `types` may parse differently from the lab's defaults. */
export const OIDS_WORTH_PARSING = [
  16, 17, 20, 21, 23, 25, 114, 700, 701, 1082, 1114, 1184, 1700, 2950, 3802, 1005, 1007, 1016, 1231,
]

/** `pg.types`, and the parsers a query uses: its own `types` over the run's `setTypeParser` ones. */
export function createPgTypes() {
  /** pg.types: parsers by type oid, used for every query that brings no `types` of its own. */
  const customParsers: Parsers = {}
  const types = {
    setTypeParser(oid: number, format: string | TypeParser, parser?: TypeParser) {
      const fn = typeof format === 'function' ? format : parser
      if (typeof fn === 'function' && format !== 'binary') customParsers[oid] = fn
    },
    getTypeParser(oid: number) {
      return customParsers[oid] ?? ((value: string) => value)
    },
    builtins: {
      BOOL: 16,
      BYTEA: 17,
      INT8: 20,
      INT2: 21,
      INT4: 23,
      TEXT: 25,
      OID: 26,
      JSON: 114,
      FLOAT4: 700,
      FLOAT8: 701,
      DATE: 1082,
      TIMESTAMP: 1114,
      TIMESTAMPTZ: 1184,
      NUMERIC: 1700,
      UUID: 2950,
      JSONB: 3802,
    },
  }

  /** A query's own `types` (an object with getTypeParser) wins over pg.types for the oids it parses differently. */
  function parsersFor(own: TypesLike | undefined, fields: number[]): Parsers | undefined {
    if (!own) return Object.keys(customParsers).length ? customParsers : undefined
    const out: Parsers = { ...customParsers }
    for (const oid of fields) out[oid] = own.getTypeParser(oid, 'text')
    return out
  }

  return { types, parsersFor }
}

export function toPgResult(r: QueryResult, sql: string, rowMode: 'array' | 'object'): PgResult {
  const command = commandOf(sql)
  return {
    command,
    rowCount: rowCountOf(command, r.rows.length, r.affectedRows),
    oid: null,
    rows: r.rows,
    fields: r.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID, format: 'text' as const })),
    rowAsArray: rowMode === 'array',
  }
}

/** Bytes come back as a Buffer where there is one (Node), as in pg; the browser has none. */
export function buffers(result: PgResult): PgResult {
  const BufferCtor = (globalThis as { Buffer?: { from(bytes: Uint8Array): Uint8Array } }).Buffer
  if (!BufferCtor) return result
  const bytea = result.fields.map((f, i) => (f.dataTypeID === 17 ? (result.rowAsArray ? i : f.name) : null))
  if (!bytea.some((k) => k !== null)) return result
  for (const row of result.rows as Array<Record<string | number, unknown>>) {
    for (const key of bytea)
      if (key !== null && row[key] instanceof Uint8Array) row[key] = BufferCtor.from(row[key] as Uint8Array)
  }
  return result
}
