/**
 * The facts, validated once on import: a malformed fact fails the build, the content check and the
 * tests with the schema's message instead of reaching a page.
 */
import { FACTS } from './facts'
import { FACT_FRESHNESS_MONTHS, FACT_TOPICS, factsSchema, type Fact } from './schema'

export { FACT_FRESHNESS_MONTHS, FACT_TOPICS, type Fact }
export { factById, formatCheckedDate } from './lookup'

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

/** The day a fact's check runs out (checked + FACT_FRESHNESS_MONTHS), as YYYY-MM-DD. */
export function recheckBy(fact: Fact): string {
  const date = new Date(`${fact.checked}T00:00:00Z`)
  date.setUTCMonth(date.getUTCMonth() + FACT_FRESHNESS_MONTHS)
  return date.toISOString().slice(0, 10)
}
