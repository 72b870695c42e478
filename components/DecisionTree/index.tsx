import { useId } from 'react'
import { toAnswerMap } from '@/lib/decision-tree/answers'
import { decide } from '@/lib/decision-tree/rules'
import type { DecisionTree as DecisionTreeData, QuestionId } from '@/lib/decision-tree/schema'
import { decisionTree } from '@/lib/decision-tree/tree'
import { Controls } from './Controls'
import { CourseVerdict } from './CourseVerdict'
import { PendingVerdict } from './PendingVerdict'
import { Question, radioId } from './Question'
import { ResultAnnouncement } from './ResultAnnouncement'
import { useAnswersInUrl } from './useAnswersInUrl'
import { useCourseAnswersInUrl } from './useCourseAnswersInUrl'
import { Verdict } from './Verdict'
import styles from './DecisionTree.module.css'

/**
 * "Should you query your database from API routes?": six questions, one verdict.
 * The answers live in the URL (see useAnswersInUrl); the verdict comes from lib/decision-tree/rules.
 */
export function DecisionTree({ tree = decisionTree }: { tree?: DecisionTreeData }) {
  const idPrefix = `decide${useId().replace(/[^a-zA-Z0-9]/g, '')}`
  const { ready, answers, answer, undoLastAnswer, startOver } = useAnswersInUrl()
  const answerMap = toAnswerMap(answers)
  const decision = decide(tree, answerMap)
  const { course, choose } = useCourseAnswersInUrl()

  // The Back and Start over buttons disable themselves once nothing is left to undo, which would drop
  // focus to the page; send it to the question that needs an answer again instead.
  function focusQuestion(questionId: QuestionId) {
    document.getElementById(radioId(idPrefix, questionId, 'yes'))?.focus()
  }

  function handleBack() {
    const last = answers.at(-1)
    undoLastAnswer()
    if (last) focusQuestion(last.questionId)
  }

  function handleStartOver() {
    startOver()
    focusQuestion(tree.questions[0].id)
  }

  return (
    <div className={styles.root} data-testid="decision-tree" data-ready={ready ? 'true' : 'false'}>
      <noscript>
        <p className={styles.pending}>
          The questions need JavaScript to give a verdict. The rules are written out on this page, so you can apply them
          by hand.
        </p>
      </noscript>
      <div className={styles.questions}>
        {tree.questions.map((question) => (
          <Question
            key={question.id}
            question={question}
            value={answerMap[question.id]}
            disabled={!ready}
            idPrefix={idPrefix}
            onAnswer={(value) => answer(question.id, value)}
          />
        ))}
      </div>
      <Controls
        answeredCount={answers.length}
        questionCount={tree.questions.length}
        disabled={!ready}
        onBack={handleBack}
        onStartOver={handleStartOver}
      />
      <ResultAnnouncement decision={decision} />
      {decision.status === 'complete' ? (
        <>
          <Verdict
            tree={tree}
            verdict={decision.verdict}
            reasons={decision.reasons}
            answers={answerMap}
            headingId={`${idPrefix}-verdict`}
          />
          <CourseVerdict answers={answerMap} course={course} disabled={!ready} idPrefix={idPrefix} onChoose={choose} />
        </>
      ) : (
        <PendingVerdict {...decision} />
      )}
    </div>
  )
}

export default DecisionTree
