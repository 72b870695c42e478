/**
 * The course's verdict for 2026, next to the article's (rules.ts): the same six answers, plus the two
 * things the labs show matter most, where the app runs and what kind of background work it has.
 *
 * - The article's verdict stays as it is: it is what the checklist was built from.
 * - Each point here names the lab that proves it and the facts (lib/facts/) it rests on, whose sources
 *   and check dates the widget shows.
 * - Rules: "no" only where the labs show a route handler cannot do the job on that host (long-lived
 *   connections on functions); "yes-with-care" where a lesson's fix is needed; "yes" otherwise.
 */
import { factById } from '../facts/lookup'
import type { AnswerMap } from './answers'
import type { InternalLink, SourceLink } from './schema'

export type Host = 'functions' | 'fluid' | 'server'
export type JobsKind = 'after-response' | 'durable'
export interface CourseAnswers {
  host?: Host
  jobs?: JobsKind
}

export interface CourseQuestion<Value extends string> {
  param: 'host' | 'jobs'
  text: string
  explanation: string
  options: { value: Value; label: string }[]
  learnMore: InternalLink
}

export const HOST_QUESTION: CourseQuestion<Host> = {
  param: 'host',
  text: 'Where does your app run?',
  explanation:
    'The labs make this the key variable: how many copies of your code hold connections, whether a timed-out request leaves its transaction open, and whether work after the response survives.',
  options: [
    { value: 'functions', label: 'Serverless functions, one request per instance (AWS Lambda, OpenNext on Lambda)' },
    { value: 'fluid', label: 'Vercel Fluid compute (many requests per instance)' },
    { value: 'server', label: 'A long-lived server: next start, Docker or a VM' },
  ],
  learnMore: { label: 'Why API routes work: serverless scaling', href: '/why-api-routes-work/serverless-scaling/' },
}

export const JOBS_QUESTION: CourseQuestion<JobsKind> = {
  param: 'jobs',
  text: 'What kind of background work is it?',
  explanation:
    'Best-effort work may be lost in a crash (a welcome email you could resend, analytics). Durable work must happen exactly once in the end, retried until it does (a payment, an order email).',
  options: [
    { value: 'after-response', label: 'Best-effort work right after the response' },
    { value: 'durable', label: 'Durable work that must be retried until it succeeds' },
  ],
  learnMore: {
    label: 'Where they hurt: background jobs and scheduled tasks',
    href: '/where-they-hurt/background-jobs-and-scheduled-tasks/',
  },
}

const HOSTS: readonly Host[] = HOST_QUESTION.options.map((option) => option.value)
const JOBS: readonly JobsKind[] = JOBS_QUESTION.options.map((option) => option.value)

/** Reads `host` and `jobs` from a query string; anything else (the article's answers) is ignored. */
export function parseCourseAnswers(search: string): CourseAnswers {
  const params = new URLSearchParams(search)
  const host = params.get('host')
  const jobs = params.get('jobs')
  return {
    ...(host && (HOSTS as readonly string[]).includes(host) ? { host: host as Host } : {}),
    ...(jobs && (JOBS as readonly string[]).includes(jobs) ? { jobs: jobs as JobsKind } : {}),
  }
}

export type CourseVerdictId = 'yes' | 'yes-with-care' | 'no'
type Weight = CourseVerdictId

export interface CoursePoint {
  id: string
  weight: Weight
  title: string
  text: string
  /** Where a lab shows it: a lesson section with the lab. */
  labs: InternalLink[]
  /** Fact ids (lib/facts/facts.ts): their sources and check dates are shown with the point. */
  facts: string[]
}

export type CourseDecision =
  | { status: 'incomplete'; missing: ('host' | 'jobs')[] }
  | { status: 'complete'; verdict: CourseVerdictId; title: string; summary: string; points: CoursePoint[] }

const lab = {
  modulePool: {
    label: 'Lab: one small pool per instance',
    href: '/where-they-hurt/cold-starts-and-connection-pooling/#one-small-pool-per-instance',
  },
  pooler: {
    label: 'Lab: put a pooler in between',
    href: '/where-they-hurt/cold-starts-and-connection-pooling/#put-a-pooler-in-between',
  },
  httpDriver: {
    label: 'Or hold no connection at all',
    href: '/where-they-hurt/cold-starts-and-connection-pooling/#or-hold-no-connection-at-all',
  },
  burst: { label: 'Lab: a burst of 100 on each platform', href: '/why-api-routes-work/serverless-scaling/' },
  sse: {
    label: 'Lab: polling vs a server-sent events stream',
    href: '/where-they-hurt/real-time-updates/#server-sent-events-one-response-that-keeps-going',
  },
  streamCost: {
    label: 'Lab: what a stream costs on a serverless host',
    href: '/where-they-hurt/real-time-updates/#what-a-stream-costs-on-a-serverless-host',
  },
  webSockets: {
    label: 'Lab: a WebSocket chat across instances, and LISTEN/NOTIFY',
    href: '/where-they-hurt/real-time-updates/#websockets-on-a-serverless-function',
  },
  longTransaction: {
    label: 'Lab: a long transaction meets maxDuration (per platform)',
    href: '/where-they-hurt/serverless-database-limits/#a-long-transaction-meets-maxduration',
  },
  closeMonth: {
    label: 'Exercise: close the month inside the limit',
    href: '/where-they-hurt/serverless-database-limits/#exercise',
  },
  after: {
    label: 'Lab: keep short work alive with after()',
    href: '/where-they-hurt/background-jobs-and-scheduled-tasks/#keep-short-work-alive-with-after',
  },
  outbox: {
    label: 'Lab: an outbox drained by a cron route',
    href: '/where-they-hurt/background-jobs-and-scheduled-tasks/#run-periodic-work-from-a-cron-route',
  },
  queue: {
    label: 'Labs: durable queues with SQS and BullMQ',
    href: '/where-they-hurt/background-jobs-and-scheduled-tasks/durable-queues/',
  },
  selfHosting: {
    label: 'What self-hosting needs today',
    href: '/where-they-hurt/vendor-lock-in/#what-self-hosting-needs-today',
  },
  platformModule: {
    label: 'Lab: one module for the platform',
    href: '/where-they-hurt/vendor-lock-in/#one-module-for-the-platform',
  },
} satisfies Record<string, InternalLink>

const HOST_NAMES: Record<Host, string> = {
  functions: 'one-request-per-instance functions',
  fluid: 'Fluid compute',
  server: 'a long-lived server',
}

function points(answers: AnswerMap, host: Host, jobs: JobsKind | undefined): CoursePoint[] {
  const serverless = host !== 'server'
  const list: CoursePoint[] = []

  if (answers.Y1 === 'no') {
    list.push({
      id: 'separate-backend',
      weight: 'yes-with-care',
      title: 'You prefer a separate backend',
      text: 'Then let it own the database and keep API routes as a thin layer (auth, caching) in front of it. If you keep queries in routes, one data-access module makes a later move a refactor.',
      labs: [lab.platformModule],
      facts: [],
    })
  }

  if (answers.Y2 === 'no') {
    list.push(
      serverless
        ? {
            id: 'persistent-connections-on-functions',
            weight: 'no',
            title: 'Long-lived connections do not fit functions',
            text: `Every instance holds its own connections and instances come and go, so LISTEN/NOTIFY, session state and big pools belong in a long-lived process (a container, a VM, or a Vercel Daemon, ${factById('vercel-daemons')?.value}). Your routes call it.`,
            labs: [lab.burst, lab.modulePool],
            facts: ['postgres-superuser-reserved', 'vercel-daemons'],
          }
        : {
            id: 'persistent-connections-on-a-server',
            weight: 'yes',
            title: 'Your server already is the long-lived process',
            text: 'One `next start` process keeps one module-scope pool for its whole life, so session features work on a direct connection. Size it: processes × pool `max` must stay below `max_connections` minus the reserved slots.',
            labs: [lab.modulePool],
            facts: ['postgres-superuser-reserved'],
          },
    )
  }

  if (answers.Y3 === 'no') {
    list.push(
      serverless
        ? {
            id: 'pooler-for-functions',
            weight: 'yes-with-care',
            title: 'Put a transaction-mode pooler or an HTTP driver in front of the database',
            text: `Instances × pool size is what the database sees. Point the routes at a pooled URL (Neon's -pooler host, Supabase's Supavisor on ${factById('supabase-connection-strings')?.value}) with a small \`max\`, or use an HTTP driver; set timeouts with ALTER ROLE, not as connection options.`,
            labs: [lab.pooler, lab.httpDriver],
            facts: ['neon-pooler-clients', 'supabase-connection-strings', 'pgbouncer-startup-parameters'],
          }
        : {
            id: 'no-pooler-on-a-server',
            weight: 'yes',
            title: 'One process needs no serverless pooler',
            text: 'A single long-lived server opens a fixed, small number of connections: its module-scope pool is the pool. Add PgBouncer only when you run several instances whose pools together approach `max_connections`.',
            labs: [lab.modulePool],
            facts: ['postgres-max-connections'],
          },
    )
  } else if (serverless) {
    list.push({
      id: 'pool-per-instance',
      weight: 'yes',
      title: 'One small pool per instance, through the pooler',
      text: 'Create the pool at module scope with a small `max` and an `error` listener, on the pooled URL or an HTTP driver. On Vercel add attachDatabasePool, so suspended instances do not leak connections.',
      labs: [lab.modulePool, lab.pooler],
      facts: ['neon-usable-connections-quarter-cu'],
    })
  }

  if (answers.N1 === 'yes') {
    list.push({
      id: `realtime-${host}`,
      weight: 'yes-with-care',
      title: 'Real-time updates: stream them, or use a managed service',
      text:
        host === 'server'
          ? 'Server-sent events from a route handler work with no function time limit on your own server; stop the loop when the client goes away. WebSockets need a custom server: Next.js has no upgrade API in route handlers.'
          : host === 'fluid'
            ? `Server-sent events from a route handler, ended before maxDuration so EventSource reconnects, or Vercel WebSockets (${factById('vercel-websockets')?.value}). Either way a connection is pinned to one instance, so fan-out across instances needs pub/sub (Postgres LISTEN/NOTIFY on a direct connection, Redis) or a managed service.`
            : 'A stream holds a whole instance for its life, so every open tab is an instance. For more than a few readers, use a managed realtime service (Supabase Realtime, Pusher, Ably) and keep routes for reads and writes.',
      labs:
        host === 'functions'
          ? [lab.streamCost]
          : host === 'fluid'
            ? [lab.sse, lab.streamCost, lab.webSockets]
            : [lab.sse, lab.streamCost],
      facts: host === 'fluid' ? ['vercel-websockets', 'vercel-default-duration'] : [],
    })
  }

  if (answers.N2 === 'yes') {
    list.push({
      id: 'long-transactions',
      weight: 'yes-with-care',
      title: 'Keep each transaction short, whatever the limit',
      text:
        (host === 'functions'
          ? 'On AWS Lambda a timed-out function loses its connection and Postgres rolls back; '
          : host === 'fluid'
            ? 'On Fluid compute a timed-out function leaves its transaction open while its instance lives on, holding locks; '
            : 'On a server no platform stops the handler, so a slow transaction simply holds its locks; ') +
        'either way, do slow calls outside the transaction, write in sets, and set statement_timeout. Work that still cannot fit goes to a queue or worker.',
      labs: [lab.longTransaction, lab.closeMonth],
      facts:
        host === 'functions'
          ? ['lambda-timeout-resets-environment', 'lambda-max-timeout']
          : ['vercel-default-duration'],
    })
  }

  if (answers.N3 === 'yes' && jobs) {
    list.push(
      jobs === 'after-response'
        ? {
            id: `after-${host}`,
            weight: 'yes',
            title: 'Best-effort work: after() in the route handler',
            text:
              host === 'server'
                ? 'after() runs on `next start` too; give the process a graceful shutdown so a deploy does not cut the work off.'
                : 'after() keeps the function alive until the work is done, up to maxDuration, on every platform that implements it; a bare unawaited promise is frozen with the instance, and waitUntil from @vercel/functions does nothing off Vercel.',
            labs: [lab.after],
            facts: ['next-after-stable', 'vercel-wait-until-off-vercel'],
          }
        : {
            id: `durable-${host}`,
            weight: 'yes-with-care',
            title: 'Durable work: an outbox, or a queue',
            text:
              'Write the job in the same transaction as the change (an outbox row), and drain it from a protected cron route that claims its batch, so overlapping runs never send twice. Past that, retries with backoff and volume need a queue or workflow: ' +
              (host === 'server'
                ? 'on your own server, a BullMQ worker as a second process next to `next start`.'
                : host === 'functions'
                  ? 'SQS with a Lambda consumer, idempotent, with partial batch responses and a dead-letter queue.'
                  : 'Vercel Queues or Workflows, Inngest or QStash, or a BullMQ worker on a Daemon.'),
            labs: [lab.outbox, lab.queue],
            facts: host === 'functions' ? ['sqs-delivery', 'lambda-sqs-partial-batch'] : ['vercel-cron-limits'],
          },
    )
  }

  return list
}

const VERDICTS: Record<CourseVerdictId, { title: string; summary: (host: Host) => string }> = {
  yes: {
    title: 'Yes: query your database from route handlers',
    summary: (host) =>
      `On ${HOST_NAMES[host]}, everything you described fits in route handlers, with the patterns below.`,
  },
  'yes-with-care': {
    title: 'Yes, with the fixes the labs prove',
    summary: (host) =>
      `On ${HOST_NAMES[host]}, route handlers can do this work once each point below is dealt with; each links the lab that shows the problem and the fix.`,
  },
  no: {
    title: 'Not all of it: one part needs a long-lived process',
    summary: (host) =>
      `On ${HOST_NAMES[host]}, the part marked below does not fit a function; everything else can stay in route handlers.`,
  },
}

/** The course's verdict: needs the article's six answers and the host (and the kind of jobs when N3 is "yes"). */
export function courseVerdict(answers: AnswerMap, course: CourseAnswers): CourseDecision {
  const missing: ('host' | 'jobs')[] = []
  if (!course.host) missing.push('host')
  if (answers.N3 === 'yes' && !course.jobs) missing.push('jobs')
  if (!course.host || missing.length > 0) return { status: 'incomplete', missing }
  const list = points(answers, course.host, course.jobs)
  const verdict: CourseVerdictId = list.some((point) => point.weight === 'no')
    ? 'no'
    : list.some((point) => point.weight === 'yes-with-care')
      ? 'yes-with-care'
      : 'yes'
  return {
    status: 'complete',
    verdict,
    title: VERDICTS[verdict].title,
    summary: VERDICTS[verdict].summary(course.host),
    points: list,
  }
}

/** A point's sources: each fact's primary source, with the date it was last checked. */
export function pointSources(point: CoursePoint): (SourceLink & { checked: string })[] {
  const sources = point.facts.map((id) => {
    const fact = factById(id)
    if (!fact) {
      throw new Error(`lib/decision-tree/course.ts: point "${point.id}" names no fact "${id}" (lib/facts/facts.ts).`)
    }
    return { label: fact.source.title, href: fact.source.url, checked: fact.checked }
  })
  // Several facts can share a page (Neon's pooling page): list it once.
  return sources.filter((source, index) => sources.findIndex((other) => other.href === source.href) === index)
}
