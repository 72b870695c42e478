/**
 * The article's rules, applied to the tree's data:
 * - `no` as soon as any blocker (N1-N3) is answered "Yes";
 * - `yes` when no blocker applies and every condition (Y1-Y3) holds;
 * - `yes-with-care` otherwise (no blocker, at least one condition answered "No").
 *
 * The verdict is only given once every question is answered. A partial verdict would have to change
 * its reasons as more answers come in, which reads as the widget contradicting itself.
 */
import type { AnswerMap, AnswerValue } from './answers'
import type { DecisionTree, QuestionId, Reason, Verdict } from './schema'

export interface AppliedReason {
  questionId: QuestionId
  answer: AnswerValue
  reason: Reason
}

export type Decision =
  | { status: 'incomplete'; answeredCount: number; questionCount: number; blockerAnsweredYes: boolean }
  | { status: 'complete'; verdict: Verdict; reasons: AppliedReason[] }

export function decide(tree: DecisionTree, answers: AnswerMap): Decision {
  const { questions } = tree
  const answered = questions.filter((question) => answers[question.id] !== undefined)
  const blockers = answered.filter((question) => question.kind === 'blocker' && answers[question.id] === 'yes')

  if (answered.length < questions.length) {
    return {
      status: 'incomplete',
      answeredCount: answered.length,
      questionCount: questions.length,
      blockerAnsweredYes: blockers.length > 0,
    }
  }

  const failedConditions = questions.filter(
    (question) => question.kind === 'condition' && answers[question.id] === 'no',
  )
  const heldConditions = questions.filter((question) => question.kind === 'condition' && answers[question.id] === 'yes')

  const [verdictId, questionsThatMattered] =
    blockers.length > 0
      ? (['no', blockers] as const)
      : failedConditions.length > 0
        ? (['yes-with-care', failedConditions] as const)
        : (['yes', heldConditions] as const)

  const verdict = tree.verdicts.find((candidate) => candidate.id === verdictId)
  if (!verdict) throw new Error(`The decision tree has no "${verdictId}" verdict`)

  const reasons = questionsThatMattered.map((question): AppliedReason => {
    const answer = answers[question.id] as AnswerValue
    const reason = question.answers[answer].reason
    // The schema requires these reasons; reaching this means the tree was edited without running its tests.
    if (!reason) throw new Error(`The decision tree has no reason for "${answer}" to ${question.id}`)
    return { questionId: question.id, answer, reason }
  })

  return { status: 'complete', verdict, reasons }
}
