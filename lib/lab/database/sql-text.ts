/** Small, honest SQL text inspections the simulator needs (not a parser). */

export type TxVerb = 'begin' | 'commit' | 'rollback' | null

export function transactionVerb(sql: string): TxVerb {
  const head = sql
    .replace(/^(\s|--[^\n]*\n|\/\*[\s\S]*?\*\/)*/, '')
    .slice(0, 20)
    .toUpperCase()
  if (/^(BEGIN|START\s+TRANSACTION)\b/.test(head)) return 'begin'
  if (/^(COMMIT|END)\b/.test(head)) return 'commit'
  if (/^(ROLLBACK|ABORT)\b(?!\s+TO)/.test(head) && !/^ROLLBACK\s+TO/.test(head)) return 'rollback'
  return null
}

/**
 * `pg_sleep(n)` costs virtual time instead of real time: its argument (a literal or a `$n`
 * parameter) is added to the statement's duration and the call becomes `pg_sleep(0)`.
 */
export function extractSleep(sql: string, values: unknown[] | undefined): { sql: string; sleepMs: number } {
  let sleepMs = 0
  const out = sql.replace(/\bpg_sleep\s*\(\s*(\$\d+|[0-9]*\.?[0-9]+)\s*(?:::\s*\w+\s*)?\)/gi, (_m, arg: string) => {
    const seconds = arg.startsWith('$') ? Number(values?.[Number(arg.slice(1)) - 1]) : Number(arg)
    if (Number.isFinite(seconds) && seconds > 0) sleepMs += seconds * 1000
    // Keep a `$n` reference so the statement's parameter count does not change.
    return arg.startsWith('$') ? `pg_sleep(0 * (${arg})::float8)` : 'pg_sleep(0)'
  })
  return { sql: out, sleepMs: Math.round(sleepMs) }
}

/** A one-line version of a statement for the timeline. */
export function shortSql(sql: string): string {
  const one = sql.replace(/\s+/g, ' ').trim()
  return one.length > 120 ? one.slice(0, 117) + '...' : one
}
