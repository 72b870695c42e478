import { useRouter } from 'next/router'
import { useCallback, useMemo, useState } from 'react'
import {
  parseAnswers,
  serializeAnswers,
  withAnswer,
  withoutLastAnswer,
  type AnswerList,
  type AnswerValue,
} from '@/lib/decision-tree/answers'
import type { QuestionId } from '@/lib/decision-tree/schema'
import { useHydrated } from './useHydrated'

export interface AnswersInUrl {
  /** False until the router knows the query: in a static export that is only after hydration. */
  ready: boolean
  answers: AnswerList
  answer(questionId: QuestionId, value: AnswerValue): void
  undoLastAnswer(): void
  startOver(): void
}

/**
 * The URL is the single source of truth for the answers, so a copied link reopens the same result
 * and every change is a history entry the browser's Back button can return to.
 */
export function useAnswersInUrl(): AnswersInUrl {
  const router = useRouter()
  const hydrated = useHydrated()
  const { asPath } = router
  // In a static export the query is only known once the router is ready, after hydration; until then
  // the answers are "not known yet", and the widget shows the same unanswered state as the HTML.
  const ready = hydrated && router.isReady

  const answersInUrl = useMemo(() => (ready ? parseAnswers(queryOf(asPath)) : []), [asPath, ready])

  // router.push settles a tick later, and until then a controlled radio would snap back to the old answer,
  // so new answers show at once while the URL is still the one they were given on. Once the URL moves on
  // it is the truth again; dropping them then means a browser Back to that URL shows what the URL says.
  const [pending, setPending] = useState<{ answers: AnswerList; givenOn: string } | null>(null)
  if (pending && pending.givenOn !== asPath) setPending(null)
  const answers = pending && pending.givenOn === asPath ? pending.answers : answersInUrl

  const show = useCallback(
    (next: AnswerList) => {
      setPending({ answers: next, givenOn: router.asPath })
      // The course's own questions (host, jobs: lib/decision-tree/course.ts) share the link; keep them.
      const kept = keepCourseParams(queryOf(router.asPath))
      const query = [serializeAnswers(next), next.length ? kept : ''].filter(Boolean).join('&')
      const path = pathOf(router.asPath)
      // Shallow: only the query changes, so Next.js re-renders this page without reloading it or scrolling.
      void router.push(query ? `${path}?${query}` : path, undefined, { shallow: true, scroll: false })
    },
    [router],
  )

  return {
    ready,
    answers,
    answer: (questionId, value) => show(withAnswer(answers, questionId, value)),
    undoLastAnswer: () => show(withoutLastAnswer(answers)),
    startOver: () => show([]),
  }
}

/** `host=…&jobs=…` from a query string, in that order, or ''. */
export function keepCourseParams(query: string): string {
  const params = new URLSearchParams(query)
  return ['host', 'jobs']
    .flatMap((name) => (params.get(name) ? [`${name}=${encodeURIComponent(params.get(name)!)}`] : []))
    .join('&')
}

export function pathOf(asPath: string): string {
  return asPath.split(/[?#]/)[0]
}

export function queryOf(asPath: string): string {
  const withoutHash = asPath.split('#')[0]
  const queryStart = withoutHash.indexOf('?')
  return queryStart === -1 ? '' : withoutHash.slice(queryStart + 1)
}
