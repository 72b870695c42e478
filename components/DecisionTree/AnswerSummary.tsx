import type { AnswerMap } from '@/lib/decision-tree/answers'
import type { DecisionTree } from '@/lib/decision-tree/schema'
import styles from './DecisionTree.module.css'

/** The six answers in plain text. Printed instead of the radio groups, which print poorly. */
export function AnswerSummary({ tree, answers }: { tree: DecisionTree; answers: AnswerMap }) {
  return (
    <div className={styles.printOnly}>
      <h3 className={styles.sectionHeading}>Your answers</h3>
      <ul>
        {tree.questions.map((question) => (
          <li key={question.id}>
            {question.text} <strong>{answers[question.id] === 'yes' ? 'Yes' : 'No'}</strong>
          </li>
        ))}
      </ul>
      {/* The verdict only renders in the browser, after the answers are read from the URL, so window exists here. */}
      <p>Reopen this result: {window.location.href}</p>
    </div>
  )
}
