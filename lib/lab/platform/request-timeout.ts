/** maxDuration: how long a request may run, and what the platform answers when it runs longer. */
import type { Scheduler } from '../clock/scheduler'
import type { RouteMatch } from '../routing/match'
import type { ResponseWriter } from '../routing/response-writer'
import type { Instance } from './instance'

/** The platform's maxDuration, or the route's own (`maxDuration` in a route handler, `config.maxDuration` in Pages). */
export function maxDurationFor(inst: Instance, match: RouteMatch | undefined, platformSeconds: number): number {
  try {
    // The reader's module exports; their shapes are only known at runtime.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const mod = match ? (inst.registry.load(match.route.file) as Record<string, any>) : undefined
    const own = match?.route.router === 'app' ? mod?.maxDuration : mod?.config?.maxDuration
    if (typeof own === 'number' && own > 0) return own
  } catch {
    // Reported when the handler runs.
  }
  return platformSeconds
}

/**
 * Resolves when the request runs past `seconds` without ending its response: by then the writer
 * holds Vercel's 504 (unless headers were already sent) and is closed, and `onTimeout` has run.
 */
export function startTimeout(
  s: Scheduler,
  seconds: number,
  writer: ResponseWriter,
  onTimeout: () => void,
): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = s.after(
      seconds * 1000,
      () => {
        if (writer.ended) return
        if (!writer.headersSent) {
          writer.status = 504
          writer.headers = new Headers({
            'content-type': 'text/plain; charset=utf-8',
            'x-vercel-error': 'FUNCTION_INVOCATION_TIMEOUT',
          })
          writer.body = 'An error occurred with your deployment\n\nFUNCTION_INVOCATION_TIMEOUT'
          writer.chunks = []
        }
        writer.closed = true
        onTimeout()
        resolve()
      },
      null,
    )
    void writer.done.then(() => s.cancel(timer))
  })
}
