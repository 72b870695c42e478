/**
 * "Should you query your database from Next.js API routes?" as data.
 *
 * Edit this file to change a question, a reason, a next step or a link; the widget on /decide/ renders
 * whatever is here. `schema.ts` documents every field, and `tree.test.ts` checks that the tree is still
 * well formed (every path ends in the verdict, no orphan or looping questions, every link resolves).
 *
 * The checklist is the source article's. Where the ecosystem has moved since it was written, add a
 * `sinceTheArticle` note with an official source instead of quietly changing the article's advice.
 */
import { factById } from '../facts/lookup'
import type { DecisionTree, SourceLink } from './schema'

/** A fact from lib/facts/facts.ts, so the tree never retypes a figure or a release status. */
const factNamed = (id: string) => {
  const found = factById(id)
  if (!found) throw new Error(`lib/decision-tree/tree.ts names no fact "${id}" (lib/facts/facts.ts)`)
  return found
}
/** The fact's value, to print inside a sentence. */
const fact = (id: string): string => factNamed(id).value
/** The fact as one whole sentence. */
const factStatement = (id: string): string => factNamed(id).statement

const sources = {
  vercelWebSockets: { label: 'Vercel docs: WebSockets', href: 'https://vercel.com/docs/functions/websockets' },
  nextWebSocketRfc: {
    label: 'Next.js RFC: WebSockets in Route Handlers',
    href: 'https://github.com/vercel/next.js/discussions/95514',
  },
  nextRouteHandlers: {
    label: 'Next.js docs: route.js (Route Handlers)',
    href: 'https://nextjs.org/docs/app/api-reference/file-conventions/route',
  },
  nextAfter: { label: 'Next.js docs: after', href: 'https://nextjs.org/docs/app/api-reference/functions/after' },
  vercelCronPricing: {
    label: 'Vercel docs: Cron Jobs usage and pricing',
    href: 'https://vercel.com/docs/cron-jobs/usage-and-pricing',
  },
  vercelSchedules: { label: 'Vercel docs: Schedules', href: 'https://vercel.com/docs/schedules' },
  vercelBackgroundWorkers: {
    label: 'Vercel docs: background workers',
    href: 'https://vercel.com/docs/background-workers',
  },
  vercelQueues: {
    label: 'Vercel changelog: Vercel Queues now in public beta',
    href: 'https://vercel.com/changelog/vercel-queues-now-in-public-beta',
  },
  vercelWorkflows: {
    label: 'Vercel blog: Vercel Workflows is generally available',
    href: 'https://vercel.com/blog/a-new-programming-model-for-durable-execution',
  },
  vercelFunctionLimits: {
    label: 'Vercel docs: Functions limitations',
    href: 'https://vercel.com/docs/functions/limitations',
  },
  awsLambdaQuotas: {
    label: 'AWS docs: Lambda quotas',
    href: 'https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html',
  },
  supabaseConnecting: {
    label: 'Supabase docs: connecting to Postgres',
    href: 'https://supabase.com/docs/guides/database/connecting-to-postgres',
  },
  neonPooling: { label: 'Neon docs: connection pooling', href: 'https://neon.com/docs/connect/connection-pooling' },
  neonServerlessDriver: {
    label: 'Neon docs: serverless driver',
    href: 'https://neon.com/docs/serverless/serverless-driver',
  },
} satisfies Record<string, SourceLink>

const pages = {
  simplicity: { label: 'Why API routes work: simplicity', href: '/why-api-routes-work/simplicity/' },
  serverlessScaling: {
    label: 'Why API routes work: serverless scaling',
    href: '/why-api-routes-work/serverless-scaling/',
  },
  oneCodebase: { label: 'Why API routes work: one codebase', href: '/why-api-routes-work/one-codebase/' },
  whyTheyWork: { label: 'Why API routes work', href: '/why-api-routes-work/' },
  connectionPooling: {
    label: 'Where they hurt: cold starts and connection pooling',
    href: '/where-they-hurt/cold-starts-and-connection-pooling/',
  },
  databaseLimits: {
    label: 'Where they hurt: serverless database limits',
    href: '/where-they-hurt/serverless-database-limits/',
  },
  realTime: { label: 'Where they hurt: real-time updates', href: '/where-they-hurt/real-time-updates/' },
  backgroundJobs: {
    label: 'Where they hurt: background jobs and scheduled tasks',
    href: '/where-they-hurt/background-jobs-and-scheduled-tasks/',
  },
  vendorLockIn: { label: 'Where they hurt: vendor lock-in', href: '/where-they-hurt/vendor-lock-in/' },
  whereTheyHurt: { label: 'Where API routes hurt', href: '/where-they-hurt/' },
  wrapUp: { label: 'Wrap-up: the eleven lessons', href: '/wrap-up/' },
} as const

export const decisionTree: DecisionTree = {
  start: 'Y1',
  questions: [
    {
      id: 'Y1',
      kind: 'condition',
      text: 'Do you want a quick full-stack solution with minimal setup?',
      explanation:
        'API routes live in the same project and the same deployment as the pages that call them: no second service to build, deploy and secure.',
      learnMore: pages.simplicity,
      answers: {
        yes: {
          next: 'Y2',
          reason: {
            title: 'You want a quick full-stack setup',
            articleSays:
              'This is what API routes are best at: the API ships with the frontend, shares its types and its environment variables, and needs no extra infrastructure.',
            whatToDo:
              'Keep every database query in one server-only data-access module that your routes import. The setup stays quick, and moving the queries behind a separate backend later becomes a refactor rather than a rewrite.',
            links: [pages.simplicity, pages.oneCodebase],
          },
        },
        no: {
          next: 'Y2',
          reason: {
            title: 'Minimal setup is not a goal for you',
            articleSays:
              'The main draw of API routes is how little setup they need. If you already run a separate backend, or want one, that draw is gone.',
            whatToDo:
              'A separate backend is fine. Let the Next.js app call it, and use API routes only where a thin layer next to the frontend helps, such as for authentication or caching.',
            links: [pages.simplicity, pages.vendorLockIn],
          },
        },
      },
    },
    {
      id: 'Y2',
      kind: 'condition',
      text: 'Can your app do without heavy, persistent database connections?',
      explanation:
        'Answer "No" if something must hold a database connection open for a long time: LISTEN/NOTIFY, session-level locks or settings, or a large connection pool per process.',
      learnMore: pages.connectionPooling,
      answers: {
        yes: {
          next: 'Y3',
          reason: {
            title: 'Your app does without heavy, persistent connections',
            articleSays:
              'Serverless functions start, scale out and stop on their own. Short queries over short-lived or pooled connections fit that model well.',
            whatToDo:
              'Create one database client per function instance, at module scope, through a pooler or an HTTP driver. Never open a new connection for every query.',
            links: [pages.connectionPooling, pages.serverlessScaling],
          },
        },
        no: {
          next: 'Y3',
          reason: {
            title: 'Your app needs heavy, persistent connections',
            articleSays:
              'Every function instance opens its own connections, and instances come and go. Long-lived sessions do not survive that, and many instances with big pools exhaust the database.',
            whatToDo:
              'Run the code that needs those connections on a long-running server (a container, a VM, or `next start` on a machine you keep up), and let your API routes call it.',
            links: [pages.connectionPooling, pages.databaseLimits],
            sinceTheArticle: [
              {
                text: `Vercel now offers Daemons, always-on workers (for example one running BullMQ), in ${fact('vercel-daemons')}, next to Queues (${fact('vercel-queues')}) and Workflows (${fact('vercel-workflows')}), so a long-running process can sit on the same platform as the app.`,
                sources: [sources.vercelBackgroundWorkers, sources.vercelQueues, sources.vercelWorkflows],
              },
            ],
          },
        },
      },
    },
    {
      id: 'Y3',
      kind: 'condition',
      text: 'Do you use a serverless-friendly database?',
      explanation:
        'Serverless-friendly means built for many short-lived clients: Postgres behind a transaction-mode pooler, a database with an HTTP driver, Supabase, Firebase and the like.',
      learnMore: pages.databaseLimits,
      answers: {
        yes: {
          next: 'N1',
          reason: {
            title: 'Your database is serverless-friendly',
            articleSays:
              'Pooled Postgres, HTTP drivers and hosted services such as Supabase and Firebase are made for many short-lived clients, which is what serverless functions are.',
            whatToDo:
              'Use the pooled connection string or the HTTP driver from your API routes, so each function instance costs the database little.',
            links: [pages.databaseLimits, pages.connectionPooling],
          },
        },
        no: {
          next: 'N1',
          reason: {
            title: 'Your database is not serverless-friendly',
            articleSays:
              'A database that expects a few long-lived clients runs out of connections once every function instance opens its own.',
            whatToDo: `Put a transaction-mode pooler in front of it, or switch to a driver that queries over HTTP. On Supabase, the Supavisor pooler runs in transaction mode on ${fact('supabase-connection-strings')}. On Neon, a hostname ending in -pooler goes through PgBouncer in transaction mode, which accepts up to ${fact('neon-pooler-clients')} client connections, and the neon() function of @neondatabase/serverless sends queries over HTTP.`,
            whatToDoSources: [sources.supabaseConnecting, sources.neonPooling, sources.neonServerlessDriver],
            links: [pages.databaseLimits, pages.connectionPooling],
          },
        },
      },
    },
    {
      id: 'N1',
      kind: 'blocker',
      text: 'Do you need real-time updates?',
      explanation:
        'Think chat, live dashboards, collaborative editing or notifications pushed the moment something changes, rather than data fetched when a page loads.',
      learnMore: pages.realTime,
      answers: {
        yes: {
          next: 'N2',
          reason: {
            title: 'You need real-time updates',
            articleSays:
              'A serverless function answers a request and stops. It cannot hold the long-lived connections, such as WebSockets, that push updates to clients.',
            whatToDo:
              'Use a managed realtime service (Supabase Realtime, Pusher, Ably and the like), or stream server-sent events from a route handler. Keep API routes for the ordinary reads and writes.',
            whatToDoSources: [sources.nextRouteHandlers],
            links: [pages.realTime],
            sinceTheArticle: [
              {
                text: `Vercel Functions support WebSockets on Fluid compute (${fact('vercel-websockets')}). Each connection is pinned to one instance, so state shared between users needs an external store or pub/sub.`,
                sources: [sources.vercelWebSockets],
              },
              {
                text: 'Next.js itself still has no WebSocket upgrade in Route Handlers; that is an open RFC. Server-sent events from a streaming route handler and managed realtime services remain the portable options.',
                sources: [sources.nextWebSocketRfc],
              },
            ],
          },
        },
        no: { next: 'N2' },
      },
    },
    {
      id: 'N2',
      kind: 'blocker',
      text: 'Do you run heavy, long transactions?',
      explanation:
        'For example: imports of large files, reports that lock many rows, or multi-step work that keeps one transaction open for seconds or minutes.',
      learnMore: pages.databaseLimits,
      answers: {
        yes: {
          next: 'N3',
          reason: {
            title: 'You run heavy, long transactions',
            articleSays:
              'Functions have a maximum duration, and a long transaction holds a connection and its locks the whole time, which a serverless connection budget cannot afford.',
            whatToDo:
              'Move the heavy work to a dedicated backend or worker. Keep the transactions that stay in API routes short: do slow work before or after the transaction, not inside it.',
            links: [pages.databaseLimits, pages.connectionPooling],
            sinceTheArticle: [
              {
                text: `Time limits have grown. On Vercel Fluid compute the default is ${fact('vercel-default-duration')} on every plan; the maximum is ${fact('vercel-hobby-max-duration')} on Hobby and ${fact('vercel-pro-max-duration')} on Pro and Enterprise, and up to ${fact('vercel-extended-max-duration')} on Pro and Enterprise for Node.js and Python functions. AWS Lambda allows up to ${fact('lambda-max-timeout')} (on Managed Instances, ${fact('lambda-managed-instances-max-timeout')} for asynchronous and event-source invocations). A longer limit does not make a long transaction cheaper: it still holds its connection and locks.`,
                sources: [sources.vercelFunctionLimits, sources.awsLambdaQuotas],
              },
            ],
          },
        },
        no: { next: 'N3' },
      },
    },
    {
      id: 'N3',
      kind: 'blocker',
      text: 'Do you need background jobs or scheduled tasks?',
      explanation:
        'Work that runs after the response, on a timer, or must be retried until it succeeds: sending emails in bulk, nightly clean-ups, syncing with another system.',
      learnMore: pages.backgroundJobs,
      answers: {
        yes: {
          next: 'verdict',
          reason: {
            title: 'You need background jobs or scheduled tasks',
            articleSays:
              'An API route lives for one request. Work that must outlive the request, retry on failure or run on a schedule needs something else to run it.',
            whatToDo:
              'Use after() in a route handler for small, best-effort work once the response is sent. Use a cron job or Vercel Schedules for timed work, and a durable queue for anything that must not be lost.',
            whatToDoSources: [sources.nextAfter],
            links: [pages.backgroundJobs],
            sinceTheArticle: [
              {
                text: `after() from next/server has been stable since ${fact('next-after-stable')}. It is best-effort, with no retries, and it runs within the function's maximum duration.`,
                sources: [sources.nextAfter],
              },
              {
                text: `${factStatement('vercel-cron-limits')} Vercel labels Cron Jobs legacy, to be migrated to Vercel Schedules (${fact('vercel-schedules')}).`,
                sources: [sources.vercelCronPricing, sources.vercelSchedules],
              },
              {
                text: `Vercel also offers Queues (${fact('vercel-queues')}), Workflows (${fact('vercel-workflows')}) and Daemons (always-on workers, for example running BullMQ; ${fact('vercel-daemons')}).`,
                sources: [sources.vercelBackgroundWorkers, sources.vercelQueues, sources.vercelWorkflows],
              },
            ],
          },
        },
        no: { next: 'verdict' },
      },
    },
  ],
  verdicts: [
    {
      id: 'yes',
      title: 'Yes: query your database from API routes',
      summary:
        "Your app meets all three of the article's conditions and none of its blockers applies. API routes are a fine, fast way to put your database behind your Next.js app.",
      nextSteps: [
        'Respect the connection math: every function instance can open connections, so go through a pooler or an HTTP driver and reuse one client per instance.',
        'Keep transactions short and set a statement timeout, so one slow request cannot hold a connection for long.',
        'Ask these questions again when you add real-time features, heavy transactions or background work.',
      ],
      links: [pages.whyTheyWork, pages.connectionPooling, pages.wrapUp],
    },
    {
      id: 'yes-with-care',
      title: 'Yes, with care',
      summary:
        'None of the blockers applies, so API routes can work for you, but at least one of the conditions that make them an easy fit does not hold. Each reason below says what to add or change.',
      nextSteps: [
        'Deal with each reason listed above before launch rather than after the first "too many connections" error.',
        'Load-test with realistic concurrency and watch the number of open connections on the database, not only response times.',
      ],
      links: [pages.whereTheyHurt, pages.connectionPooling, pages.wrapUp],
    },
    {
      id: 'no',
      title: 'No: give this work a better home',
      summary:
        "At least one of the article's blockers applies. Plain request-and-response reads and writes can stay in API routes if you like; the work named below needs a tool built for it.",
      nextSteps: [
        'Split the work: keep simple queries in API routes and move each blocker to the tool suggested for it.',
        'Read the notes on what has changed since the article: some gaps have narrowed, but each new option has limits to check against your needs.',
      ],
      links: [pages.whereTheyHurt, pages.realTime, pages.backgroundJobs, pages.wrapUp],
    },
  ],
}
