/**
 * The facts for code that ships to the browser (the decision tree): the raw list and two helpers, with no
 * zod. The same list is validated by ./index.ts, which the build (remark-facts), the content checks and
 * the tests import, so a malformed fact still fails before it reaches a reader.
 */
import { FACTS } from './facts'
import type { Fact } from './schema'

const byId = new Map(FACTS.map((fact) => [fact.id, fact]))

export function factById(id: string): Fact | undefined {
  return byId.get(id)
}

/** "7 Dec 2026": how a check date reads on a page (fixed locale and time zone, so every build agrees). */
export function formatCheckedDate(isoDate: string): string {
  return new Date(`${isoDate}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  })
}
