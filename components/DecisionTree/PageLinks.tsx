import Link from 'next/link'
import type { InternalLink } from '@/lib/decision-tree/schema'
import styles from './DecisionTree.module.css'

export function PageLinks({ links, label }: { links: readonly InternalLink[]; label: string }) {
  return (
    <p className={styles.pageLinks}>
      <span className={styles.muted}>{label}</span>{' '}
      {links.map((link, index) => (
        <span key={link.href}>
          {index > 0 && ' · '}
          <Link href={link.href} className={styles.link}>
            {link.label}
          </Link>
        </span>
      ))}
    </p>
  )
}
