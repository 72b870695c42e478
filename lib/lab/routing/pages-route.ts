/** A Pages Router API route: its default export, run by `runPagesApi` as Next's apiResolver runs it. */
// In the worker this is the npm `buffer` package; in Node (tests), Node's own module, same API.
import { Buffer } from 'buffer'
import type { RouteMatch } from './match'
import { runPagesApi } from './pages-api'
import type { ResponseWriter } from './response-writer'

export interface PagesRouteCall {
  /** The route module's exports; their shapes are only known at runtime. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  mod: Record<string, any>
  match: RouteMatch
  url: URL
  method: string
  headers: Headers
  body: string | undefined
  writer: ResponseWriter
  /** `res.revalidate(path)`: drop the path from the response cache. */
  revalidate: (path: string) => Promise<void>
  warn: (text: string) => void
}

export async function runPagesRoute(c: PagesRouteCall): Promise<void> {
  const handler = c.mod.default
  if (typeof handler !== 'function')
    throw new Error(
      `${c.match.route.file} has no default export; an API route must export a default function (req, res).`,
    )
  await runPagesApi({
    handler,
    config: c.mod.config,
    method: c.method,
    url: c.url,
    headers: c.headers,
    body: c.body,
    params: c.match.params,
    writer: c.writer,
    revalidate: c.revalidate,
    warn: c.warn,
    toBuffer: (bytes) => Buffer.from(bytes),
  })
}
