/**
 * What node-postgres does to values on the way in and to results on the way out, so the lab's
 * `pg` answers as the real package does (behaviour from pg's lib/utils.js `prepareValue`, its
 * result.js command-tag parsing and pg-types' array parsers; written here, not copied).
 */

/**
 * A query parameter as pg sends it: null stays null, a Buffer or typed array stays bytes, a Date
 * becomes local time with its offset, an array becomes a Postgres array literal, an object with
 * `toPostgres()` becomes what that returns, any other object becomes JSON, everything else `String()`.
 */
export function prepareValue(value: unknown, seen: unknown[] = []): unknown {
  if (value === null || value === undefined) return null
  if (value instanceof Uint8Array) return value
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
  if (isDate(value)) return dateToString(value)
  if (Array.isArray(value)) return arrayLiteral(value)
  if (typeof value === 'object') {
    const custom = value as { toPostgres?: (prepare: (v: unknown) => unknown) => unknown }
    if (typeof custom.toPostgres === 'function') {
      if (seen.includes(value))
        throw new Error(`circular reference detected while preparing "${String(value)}" for query`)
      return prepareValue(
        custom.toPostgres((v) => prepareValue(v)),
        [...seen, value],
      )
    }
    return JSON.stringify(value)
  }
  return String(value)
}

function isDate(value: unknown): value is Date {
  return value instanceof Date || Object.prototype.toString.call(value) === '[object Date]'
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** Local time with the offset, as pg sends a Date (parseInputDatesAsUTC off, its default). */
function dateToString(date: Date): string {
  let year = date.getFullYear()
  const bc = year < 1
  if (bc) year = Math.abs(year) + 1
  const offset = -date.getTimezoneOffset()
  const sign = offset < 0 ? '-' : '+'
  const abs = Math.abs(offset)
  return (
    `${pad(year, 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:` +
    `${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}${bc ? ' BC' : ''}`
  )
}

/** `[1, null, 'a"b']` → `{"1",NULL,"a\"b"}`; nested arrays nest; bytes become `\\x…`. */
function arrayLiteral(values: unknown[]): string {
  const items = values.map((item) => {
    if (item === null || item === undefined) return 'NULL'
    if (Array.isArray(item)) return arrayLiteral(item)
    if (item instanceof Uint8Array) {
      return `"\\\\x${Array.from(item, (b) => b.toString(16).padStart(2, '0')).join('')}"`
    }
    const text = String(prepareValue(item))
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
  })
  return `{${items.join(',')}}`
}

/** `"a""b"`: an identifier quoted for SQL, as pg's `escapeIdentifier`. */
export function escapeIdentifier(text: string): string {
  return `"${String(text).replace(/"/g, '""')}"`
}

/** A literal quoted for SQL, as pg's `escapeLiteral`: quotes doubled; with backslashes, doubled too and an ` E` prefix. */
export function escapeLiteral(text: string): string {
  const value = String(text)
  const quoted = `'${value.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`
  return value.includes('\\') ? ` E${quoted}` : quoted
}

/** Command tags that carry a row count (pg's result.js sets `rowCount` only for these). */
const COUNTED = new Set(['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'MERGE', 'COPY', 'FETCH', 'MOVE'])

/**
 * The command tag's first word for one statement, as Postgres reports it. PGlite's results do not
 * carry the tag, so it is read from the statement: good enough for the words pg users look at.
 */
export function commandOf(sql: string): string {
  const body = sql.replace(/^(\s|--[^\n]*\n?|\/\*[\s\S]*?\*\/|\()*/, '')
  const word = (/^[a-z]+/i.exec(body)?.[0] ?? '').toUpperCase()
  switch (word) {
    case 'WITH': {
      const verbs = [...body.matchAll(/\)\s*(select|insert|update|delete|merge)\b/gi)]
      return verbs.length ? verbs[verbs.length - 1][1].toUpperCase() : 'SELECT'
    }
    case 'VALUES':
    case 'TABLE':
      return 'SELECT'
    case 'END':
      return 'COMMIT'
    case 'ABORT':
      return 'ROLLBACK'
    case 'CREATE':
      // CREATE TABLE … AS and SELECT … INTO report `SELECT n`.
      return /^create\s+(temp(orary)?\s+|unlogged\s+)?table\b[\s\S]*\bas\s*\(?\s*(select|values|table|with)\b/i.test(
        body,
      )
        ? 'SELECT'
        : 'CREATE'
    default:
      return word
  }
}

/** `rowCount` as pg reports it: the tag's count, or null for a statement whose tag has none. */
export function rowCountOf(command: string, rows: number, affected: number | undefined): number | null {
  if (!COUNTED.has(command)) return null
  return command === 'SELECT' || command === 'FETCH' ? rows : (affected ?? rows)
}
