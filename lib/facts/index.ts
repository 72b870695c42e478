/**
 * The facts, validated once on import: a malformed fact fails the build, the content check and the
 * tests with the schema's message instead of reaching a page.
 */
import { FACTS } from './facts'
import { FACT_FRESHNESS_MONTHS, FACT_TOPICS, factsSchema, type Fact } from './schema'

export { FACT_FRESHNESS_MONTHS, FACT_TOPICS, type Fact }

const parsed = factsSchema.safeParse(FACTS)
if (!parsed.success) {
  const issues = parsed.error.issues.map((issue) => {
    const index = issue.path[0]
    const id = typeof index === 'number' ? FACTS[index]?.id : undefined
    return `  lib/facts/facts.ts, fact ${id ? `"${id}"` : `#${String(index)}`} → ${issue.path.slice(1).join('.') || '(fact)'}: ${issue.message}`
  })
  throw new Error(`lib/facts/facts.ts is not valid:\n${issues.join('\n')}`)
}

export const facts: readonly Fact[] = parsed.data

const byId = new Map(facts.map((fact) => [fact.id, fact]))

export function factById(id: string): Fact | undefined {
  return byId.get(id)
}

/** The day a fact's check runs out (checked + FACT_FRESHNESS_MONTHS), as YYYY-MM-DD. */
export function recheckBy(fact: Fact): string {
  const date = new Date(`${fact.checked}T00:00:00Z`)
  date.setUTCMonth(date.getUTCMonth() + FACT_FRESHNESS_MONTHS)
  return date.toISOString().slice(0, 10)
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
