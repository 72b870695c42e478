import { useRouter } from 'next/router'
import { useCallback, useMemo, useState } from 'react'
import { parseCourseAnswers, type CourseAnswers } from '@/lib/decision-tree/course'
import { pathOf, queryOf } from './useAnswersInUrl'
import { useHydrated } from './useHydrated'

/**
 * The course's two questions (`host`, `jobs`) live in the same URL as the article's answers, so one link
 * reopens both verdicts. Same approach as useAnswersInUrl: the URL is the truth, with the newest choice
 * shown at once while the push settles.
 */
export function useCourseAnswersInUrl(): {
  ready: boolean
  course: CourseAnswers
  choose(param: 'host' | 'jobs', value: string): void
} {
  const router = useRouter()
  const hydrated = useHydrated()
  const ready = hydrated && router.isReady
  const { asPath } = router
  const inUrl = useMemo(() => (ready ? parseCourseAnswers(queryOf(asPath)) : {}), [asPath, ready])
  const [pending, setPending] = useState<{ course: CourseAnswers; givenOn: string } | null>(null)
  if (pending && pending.givenOn !== asPath) setPending(null)
  const course = pending && pending.givenOn === asPath ? pending.course : inUrl

  const choose = useCallback(
    (param: 'host' | 'jobs', value: string) => {
      const params = new URLSearchParams(queryOf(router.asPath))
      params.set(param, value)
      setPending({ course: parseCourseAnswers(params.toString()), givenOn: router.asPath })
      void router.push(`${pathOf(router.asPath)}?${params.toString()}`, undefined, { shallow: true, scroll: false })
    },
    [router],
  )
  return { ready, course, choose }
}
