/** Turn an error thrown by the reader's code into a LabError whose stack points at their files. */
import type { LabError } from '../types'
import { SOURCE_URL_PREFIX, WRAPPER_LINE_OFFSET } from './registry'

export function toRuntimeError(error: unknown): LabError {
  const e = error as { message?: unknown; name?: unknown; stack?: unknown; code?: unknown }
  const name = typeof e?.name === 'string' ? e.name : 'Error'
  const message =
    error instanceof Error || typeof e?.message === 'string'
      ? `${name}: ${String(e.message)}`
      : `Uncaught ${String(error)}`
  const stack: string[] = []
  let first: { file: string; line: number; column: number } | undefined
  if (typeof e?.stack === 'string') {
    const re = new RegExp(`${SOURCE_URL_PREFIX.replace(/[/]/g, '\\/')}([^:)\\s]+):(\\d+):(\\d+)`)
    for (const raw of e.stack.split('\n').slice(1)) {
      const m = re.exec(raw)
      if (!m) continue
      const line = Number(m[2]) - WRAPPER_LINE_OFFSET
      const column = Number(m[3])
      const fnName = /at (?:async )?([^\s(]+) \(/.exec(raw)?.[1]
      const where = `${m[1]}:${line}:${column}`
      stack.push(fnName && fnName !== 'eval' && fnName !== 'anonymous' ? `at ${fnName} (${where})` : `at ${where}`)
      first ??= { file: m[1], line, column }
    }
  }
  const out: LabError = { kind: 'runtime', message: e?.code ? `${message} (code ${String(e.code)})` : message }
  if (first) Object.assign(out, first)
  if (stack.length) out.stack = stack
  return out
}
