import type { SourceLink } from '@/lib/decision-tree/schema'
import styles from './DecisionTree.module.css'

/** "(Source: A, B)" after a claim, so every fact in the verdict can be checked. */
export function SourceLinks({ sources }: { sources: readonly SourceLink[] | undefined }) {
  if (!sources?.length) return null
  return (
    <span className={styles.sources}>
      {' '}
      ({sources.length === 1 ? 'Source' : 'Sources'}:{' '}
      {sources.map((source, index) => (
        <span key={source.href}>
          {index > 0 && ', '}
          <a href={source.href} className={styles.link}>
            {source.label}
          </a>
        </span>
      ))}
      )
    </span>
  )
}
