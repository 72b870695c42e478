import type { AnswerMap } from '@/lib/decision-tree/answers'
import type { AppliedReason } from '@/lib/decision-tree/rules'
import type { DecisionTree, Verdict as VerdictData } from '@/lib/decision-tree/schema'
import { AnswerSummary } from './AnswerSummary'
import { PageLinks } from './PageLinks'
import { ReasonItem } from './ReasonItem'
import { ResultActions } from './ResultActions'
import styles from './DecisionTree.module.css'

interface VerdictProps {
  tree: DecisionTree
  verdict: VerdictData
  reasons: AppliedReason[]
  answers: AnswerMap
  headingId: string
}

const REASONS_HEADING: Record<VerdictData['id'], string> = {
  yes: 'Why: every condition holds',
  'yes-with-care': 'Why: the conditions that do not hold',
  no: 'Why: the blockers that apply',
}

export function Verdict({ tree, verdict, reasons, answers, headingId }: VerdictProps) {
  return (
    <section className={styles.verdict} data-testid="verdict" data-verdict={verdict.id} aria-labelledby={headingId}>
      <p className={styles.verdictLabel}>Your verdict</p>
      <h2 id={headingId} className={styles.verdictTitle}>
        {verdict.title}
      </h2>
      <p>{verdict.summary}</p>

      <h3 className={styles.sectionHeading}>{REASONS_HEADING[verdict.id]}</h3>
      <ul className={styles.reasons}>
        {reasons.map((applied) => (
          <ReasonItem
            key={applied.questionId}
            applied={applied}
            question={tree.questions.find((question) => question.id === applied.questionId)!}
          />
        ))}
      </ul>

      <h3 className={styles.sectionHeading}>Next steps</h3>
      <ol className={styles.nextSteps}>
        {verdict.nextSteps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <PageLinks links={verdict.links} label="Read next:" />

      <AnswerSummary tree={tree} answers={answers} />
      <ResultActions />
    </section>
  )
}
