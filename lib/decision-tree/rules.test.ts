import { describe, expect, it } from 'vitest'
import type { AnswerMap, AnswerValue } from './answers'
import { decide } from './rules'
import { QUESTION_IDS, type QuestionId, type VerdictId } from './schema'
import { decisionTree } from './tree'

/** All 2^6 ways to answer the six questions. */
function allCombinations(): Record<QuestionId, AnswerValue>[] {
  return Array.from(
    { length: 2 ** QUESTION_IDS.length },
    (_, bits) =>
      Object.fromEntries(QUESTION_IDS.map((id, index) => [id, bits & (1 << index) ? 'yes' : 'no'])) as Record<
        QuestionId,
        AnswerValue
      >,
  )
}

const BLOCKERS = ['N1', 'N2', 'N3'] as const
const CONDITIONS = ['Y1', 'Y2', 'Y3'] as const

/** The article's rules, written out independently of the tree data and of `decide`. */
function expectedOutcome(answers: Record<QuestionId, AnswerValue>): { verdict: VerdictId; reasons: QuestionId[] } {
  const blockersThatApply = BLOCKERS.filter((id) => answers[id] === 'yes')
  if (blockersThatApply.length > 0) return { verdict: 'no', reasons: blockersThatApply }
  const conditionsThatFail = CONDITIONS.filter((id) => answers[id] === 'no')
  if (conditionsThatFail.length > 0) return { verdict: 'yes-with-care', reasons: conditionsThatFail }
  return { verdict: 'yes', reasons: [...CONDITIONS] }
}

function describeAnswers(answers: AnswerMap): string {
  return QUESTION_IDS.map((id) => `${id}=${answers[id]}`).join('&')
}

describe('decide', () => {
  const combinations = allCombinations()

  it('covers all 64 combinations', () => {
    expect(new Set(combinations.map(describeAnswers)).size).toBe(64)
  })

  it.each(combinations.map((answers) => [describeAnswers(answers), answers] as const))(
    "%s gives the article's verdict and reasons",
    (_label, answers) => {
      const decision = decide(decisionTree, answers)
      const expected = expectedOutcome(answers)
      expect(decision.status).toBe('complete')
      if (decision.status !== 'complete') return
      expect(decision.verdict.id).toBe(expected.verdict)
      expect(decision.reasons.map((applied) => applied.questionId)).toEqual(expected.reasons)
      for (const applied of decision.reasons) {
        expect(applied.answer).toBe(answers[applied.questionId])
        expect(applied.reason.whatToDo.length).toBeGreaterThan(0)
      }
    },
  )

  it('reaches each verdict the expected number of times', () => {
    const counts = { yes: 0, 'yes-with-care': 0, no: 0 }
    for (const answers of combinations) {
      const decision = decide(decisionTree, answers)
      if (decision.status === 'complete') counts[decision.verdict.id] += 1
    }
    // no: 8 Y-combinations x 7 N-combinations with at least one yes; yes: the single all-Y-yes, all-N-no case.
    expect(counts).toEqual({ no: 56, 'yes-with-care': 7, yes: 1 })
  })

  it('waits for all six answers before giving a verdict', () => {
    expect(decide(decisionTree, {})).toEqual({
      status: 'incomplete',
      answeredCount: 0,
      questionCount: 6,
      blockerAnsweredYes: false,
    })
    expect(decide(decisionTree, { Y1: 'yes', Y2: 'yes', Y3: 'yes', N1: 'no', N2: 'no' })).toMatchObject({
      status: 'incomplete',
      answeredCount: 5,
    })
  })

  it('says early when a blocker already decides the outcome', () => {
    expect(decide(decisionTree, { N2: 'yes' })).toMatchObject({ status: 'incomplete', blockerAnsweredYes: true })
    expect(decide(decisionTree, { N2: 'no', Y1: 'no' })).toMatchObject({ blockerAnsweredYes: false })
  })

  it('explains the real-time blocker with what changed since the article, with sources', () => {
    const decision = decide(decisionTree, { Y1: 'yes', Y2: 'yes', Y3: 'yes', N1: 'yes', N2: 'no', N3: 'no' })
    if (decision.status !== 'complete') throw new Error('expected a verdict')
    const [realTime] = decision.reasons
    expect(realTime.reason.sinceTheArticle?.flatMap((update) => update.sources.map((source) => source.href))).toEqual([
      'https://vercel.com/docs/functions/websockets',
      'https://github.com/vercel/next.js/discussions/95514',
    ])
  })
})
