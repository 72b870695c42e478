/** Every route conformance case, validated against the schema; ids are unique. */
import { moduleCases } from './modules'
import { pagesRouterCases } from './pages-router'
import { pagesResponseCases } from './pages-router-responses'
import { platformCases } from './platform'
import { proxyCases } from './proxy'
import { routeHandlerResponseCases } from './route-handler-responses'
import { routeHandlerCases } from './route-handlers'
import { routeCaseSchema, type RouteCase } from './schema'

export const routeCases: RouteCase[] = [
  ...pagesRouterCases,
  ...pagesResponseCases,
  ...routeHandlerCases,
  ...routeHandlerResponseCases,
  ...moduleCases,
  ...platformCases,
  ...proxyCases,
].map((c) => routeCaseSchema.parse(c))

const seen = new Set<string>()
for (const c of routeCases) {
  if (seen.has(c.id)) throw new Error(`lib/lab/conformance/routes: two cases have the id "${c.id}"`)
  seen.add(c.id)
}
