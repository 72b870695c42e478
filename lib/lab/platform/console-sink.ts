/** Collects console output per instance and request, within the line budget. */
import type { ConsoleLine } from '../types'
import type { Scheduler } from '../clock/scheduler'

export class ConsoleSink {
  lines: ConsoleLine[] = []
  truncated = false

  constructor(
    private scheduler: Scheduler,
    private maxLines: number,
  ) {}

  write(level: ConsoleLine['level'], instance: string, request: number | undefined, text: string): void {
    if (this.lines.length >= this.maxLines) {
      this.truncated = true
      return
    }
    const line: ConsoleLine = { t: this.scheduler.now, level, instance, text }
    if (request !== undefined) line.request = request
    this.lines.push(line)
  }

  /** A `console` object for one instance; the request comes from the scheduler's current context. */
  consoleFor(instanceId: string): Console {
    const out =
      (level: ConsoleLine['level']) =>
      (...args: unknown[]) =>
        this.write(level, instanceId, requestIndex(this.scheduler.current?.request?.index), formatArgs(args))
    const c = {
      log: out('log'),
      info: out('info'),
      warn: out('warn'),
      error: out('error'),
      debug: out('debug'),
      trace: out('debug'),
      table: out('log'),
      dir: out('log'),
      time: () => {},
      timeEnd: () => {},
      assert: (cond: unknown, ...args: unknown[]) => {
        if (!cond) out('error')('Assertion failed', ...args)
      },
    }
    return c as unknown as Console
  }
}

export function formatArgs(args: unknown[]): string {
  return args.map((a) => formatValue(a)).join(' ')
}

function formatValue(v: unknown): string {
  if (typeof v === 'string') return v
  if (v instanceof Error) {
    const code = (v as { code?: unknown }).code
    return `${v.name}: ${v.message}${code ? ` (code ${String(code)})` : ''}`
  }
  if (typeof v === 'bigint') return `${v}n`
  if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return String(v)
  try {
    return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? `${x}n` : x)) ?? String(v)
  } catch {
    return String(v)
  }
}

/** Internal requests (background refreshes, fetch to own routes) use index -1 and are not listed. */
function requestIndex(i: number | undefined): number | undefined {
  return i !== undefined && i >= 0 ? i : undefined
}
