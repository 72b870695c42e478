/**
 * The reader's answers, and how they travel in the URL query (`?Y1=yes&N2=no`).
 *
 * Answers are an ordered list rather than a map: the order is the order the reader answered in, which
 * is what the widget's Back button undoes. The query string keeps that order, so a shared link or a
 * browser Back restores it too.
 */
import { QUESTION_IDS } from './ids'
import type { QuestionId } from './schema'

export type AnswerValue = 'yes' | 'no'
export interface GivenAnswer {
  questionId: QuestionId
  value: AnswerValue
}
export type AnswerList = readonly GivenAnswer[]
export type AnswerMap = Partial<Record<QuestionId, AnswerValue>>

function isQuestionId(key: string): key is QuestionId {
  return (QUESTION_IDS as readonly string[]).includes(key)
}

function isAnswerValue(value: string): value is AnswerValue {
  return value === 'yes' || value === 'no'
}

/** Reads answers from a query string (with or without `?`). Unknown keys and values are ignored, so a hand-edited or stale link still opens. */
export function parseAnswers(search: string): AnswerList {
  let answers: AnswerList = []
  for (const [key, rawValue] of new URLSearchParams(search)) {
    const value = rawValue.toLowerCase()
    if (isQuestionId(key) && isAnswerValue(value)) answers = withAnswer(answers, key, value)
  }
  return answers
}

/** The query string for the answers, without `?`; empty when nothing is answered. */
export function serializeAnswers(answers: AnswerList): string {
  return answers.map(({ questionId, value }) => `${questionId}=${value}`).join('&')
}

/** Records an answer as the most recent one, replacing an earlier answer to the same question. */
export function withAnswer(answers: AnswerList, questionId: QuestionId, value: AnswerValue): AnswerList {
  return [...answers.filter((answer) => answer.questionId !== questionId), { questionId, value }]
}

/** Forgets the most recent answer. */
export function withoutLastAnswer(answers: AnswerList): AnswerList {
  return answers.slice(0, -1)
}

export function toAnswerMap(answers: AnswerList): AnswerMap {
  return Object.fromEntries(answers.map(({ questionId, value }) => [questionId, value]))
}
