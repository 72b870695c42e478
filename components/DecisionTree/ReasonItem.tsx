import type { AppliedReason } from '@/lib/decision-tree/rules'
import type { Question } from '@/lib/decision-tree/schema'
import { PageLinks } from './PageLinks'
import { SourceLinks } from './SourceLinks'
import styles from './DecisionTree.module.css'

/** One answer that mattered: what it means, the article's view, what to do, and what has changed since. */
export function ReasonItem({ applied, question }: { applied: AppliedReason; question: Question }) {
  const { reason } = applied
  return (
    <li className={styles.reason} data-reason={applied.questionId}>
      <h4 className={styles.reasonTitle}>{reason.title}</h4>
      <p className={styles.muted}>
        You answered “{applied.answer === 'yes' ? 'Yes' : 'No'}” to “{question.text}”
      </p>
      <p>
        <strong>Why it matters:</strong> {reason.articleSays}
      </p>
      <p>
        <strong>What to do:</strong> {reason.whatToDo}
        <SourceLinks sources={reason.whatToDoSources} />
      </p>
      {reason.sinceTheArticle?.length ? (
        <div className={styles.update}>
          <p className={styles.updateLabel}>Since the article</p>
          <ul>
            {reason.sinceTheArticle.map((update) => (
              <li key={update.text}>
                {update.text}
                <SourceLinks sources={update.sources} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <PageLinks links={reason.links} label="Read more:" />
    </li>
  )
}
