import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { internalLinkProblems } from '@/lib/content/content-checks'
import { readSite, type Site } from '@/lib/content/site-pages'
import { toAnswerMap, parseAnswers } from './answers'
import {
  courseVerdict,
  HOST_QUESTION,
  JOBS_QUESTION,
  parseCourseAnswers,
  pointSources,
  type CourseDecision,
  type Host,
  type JobsKind,
} from './course'
import { decide } from './rules'
import { decisionTree } from './tree'

const ROOT = path.resolve(__dirname, '../..')
let site: Site
beforeAll(async () => {
  site = await readSite(ROOT)
})

const answersOf = (query: string) => toAnswerMap(parseAnswers(query))
const complete = (decision: CourseDecision) => {
  if (decision.status !== 'complete') throw new Error(`incomplete: ${decision.missing.join(', ')}`)
  return decision
}
const ALL_ANSWERS = ['yes', 'no'] as const

describe("the course's 2026 verdict", () => {
  it('an indie SaaS on Neon with the pooler, no realtime, sending welcome emails: a yes, with after() or an outbox', () => {
    const answers = answersOf('Y1=yes&Y2=yes&Y3=yes&N1=no&N2=no&N3=yes')
    // The article's verdict stays what it was: a blocker applies.
    expect(decide(decisionTree, answers)).toMatchObject({ status: 'complete', verdict: { id: 'no' } })

    const bestEffort = complete(courseVerdict(answers, { host: 'fluid', jobs: 'after-response' }))
    expect(bestEffort.verdict).toBe('yes')
    expect(bestEffort.points.map((point) => point.id)).toEqual(['pool-per-instance', 'after-fluid'])
    expect(bestEffort.points[1].labs[0].href).toBe(
      '/where-they-hurt/background-jobs-and-scheduled-tasks/#keep-short-work-alive-with-after',
    )

    const durable = complete(courseVerdict(answers, { host: 'fluid', jobs: 'durable' }))
    expect(durable.verdict).toBe('yes-with-care')
    expect(durable.title).toMatch(/^Yes/)
    expect(durable.points.at(-1)?.labs[0].href).toBe(
      '/where-they-hurt/background-jobs-and-scheduled-tasks/#run-periodic-work-from-a-cron-route',
    )
  })

  it('a self-hosted next start dashboard with connection-heavy code: no serverless pooler, no "move to a long-running server"', () => {
    const answers = answersOf('Y1=yes&Y2=no&Y3=no&N1=no&N2=no&N3=no')
    const decision = complete(courseVerdict(answers, { host: 'server' }))
    expect(decision.verdict).toBe('yes')
    expect(decision.points.map((point) => point.id)).toEqual([
      'persistent-connections-on-a-server',
      'no-pooler-on-a-server',
    ])
    const text = decision.points.map((point) => `${point.title} ${point.text}`).join(' ')
    expect(text).not.toMatch(/long-running server|long-lived process \(a container/i)
    expect(text).not.toMatch(/Put a transaction-mode pooler|pooled URL/i)
    // The same answers on functions get the opposite advice.
    expect(complete(courseVerdict(answers, { host: 'functions' })).verdict).toBe('no')
  })

  it('asks where the app runs, and what kind of background work only when there is some', () => {
    const noJobs = answersOf('Y1=yes&Y2=yes&Y3=yes&N1=no&N2=no&N3=no')
    expect(courseVerdict(noJobs, {})).toEqual({ status: 'incomplete', missing: ['host'] })
    expect(courseVerdict(noJobs, { host: 'server' }).status).toBe('complete')
    const jobs = answersOf('Y1=yes&Y2=yes&Y3=yes&N1=no&N2=no&N3=yes')
    expect(courseVerdict(jobs, { host: 'server' })).toEqual({ status: 'incomplete', missing: ['jobs'] })
  })

  it('says per platform what a timed-out transaction leaves behind, as the lab shows', () => {
    const answers = answersOf('Y1=yes&Y2=yes&Y3=yes&N1=no&N2=yes&N3=no')
    const text = (host: Host) =>
      complete(courseVerdict(answers, { host })).points.find((point) => point.id === 'long-transactions')!.text
    expect(text('functions')).toContain('Postgres rolls back')
    expect(text('fluid')).toContain('leaves its transaction open')
  })

  it('reads host and jobs from the link, ignoring anything unknown', () => {
    expect(parseCourseAnswers('Y1=yes&host=server&jobs=durable')).toEqual({ host: 'server', jobs: 'durable' })
    expect(parseCourseAnswers('host=mainframe&jobs=')).toEqual({})
  })

  it('links labs that exist and sources every point it can from the facts, for every answer set', () => {
    const hosts = HOST_QUESTION.options.map((option) => option.value)
    const kinds: (JobsKind | undefined)[] = [undefined, ...JOBS_QUESTION.options.map((option) => option.value)]
    const seen = new Set<string>()
    for (let bits = 0; bits < 64; bits++) {
      const query = ['Y1', 'Y2', 'Y3', 'N1', 'N2', 'N3']
        .map((id, index) => `${id}=${ALL_ANSWERS[(bits >> index) & 1]}`)
        .join('&')
      for (const host of hosts) {
        for (const jobs of kinds) {
          const decision = courseVerdict(answersOf(query), { host, jobs })
          if (decision.status !== 'complete') continue
          for (const point of decision.points) {
            if (seen.has(point.id)) continue
            seen.add(point.id)
            expect(point.labs.length, point.id).toBeGreaterThan(0)
            for (const link of point.labs)
              expect(internalLinkProblems(site, link.href), `${point.id}: ${link.href}`).toEqual([])
            expect(() => pointSources(point)).not.toThrow()
          }
        }
      }
    }
    expect(seen.size).toBeGreaterThan(12)
  })
})
