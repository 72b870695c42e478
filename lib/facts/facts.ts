/**
 * Every platform fact the course states, each once, with its source and the day it was last checked.
 * Pages print them with `<Fact id="…" />`; the Sources page (pages/sources.mdx) lists them all.
 *
 * Checked 2026-12-07 against the sources linked here and the course's fact sheet of that day (the
 * December 2026 fact-check of issue 15). To re-check one: open its source, correct `value`, `statement`
 * and `changed` if it moved, and set `checked` to the day you looked. The schema is lib/facts/schema.ts.
 */
import type { Fact } from './schema'

const CHECKED = '2026-12-07'

export const FACTS: Fact[] = [
  // ── Next.js ────────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'next-adapter-api-stable',
    topic: 'Next.js',
    value: 'Next.js 16.2',
    statement:
      'The Deployment Adapter API is stable since Next.js 16.2 (March 2026): a platform adapter is configured with the top-level `adapterPath` key in `next.config.ts` or the `NEXT_ADAPTER_PATH` environment variable.',
    changed:
      "Next.js now has a stable Deployment Adapter API (since 16.2, top-level `adapterPath`; it was `experimental.adapterPath` in 16.0 and 16.1), and Vercel's own adapter uses the same public API as every other.",
    source: {
      title: 'Next.js docs: adapterPath',
      url: 'https://nextjs.org/docs/app/api-reference/config/next-config-js/adapterPath',
    },
    checked: CHECKED,
    handwritten: ['experimental\\.adapterPath', 'Adapter API,? \\(?(still )?experimental'],
  },
  {
    id: 'next-after-stable',
    topic: 'Next.js',
    value: 'Next.js 15.1',
    statement:
      "`after()` from `next/server` is stable since Next.js 15.1; its callback runs after the response for up to the platform's maximum duration, best effort, with no retries.",
    changed:
      '`after()` exists and is stable (since Next.js 15.1): short work after the response no longer needs a platform API.',
    source: { title: 'Next.js docs: after', url: 'https://nextjs.org/docs/app/api-reference/functions/after' },
    checked: CHECKED,
  },
  {
    id: 'next-edge-runtime-deprecated',
    topic: 'Next.js',
    value: 'Next.js 16.3',
    statement:
      "The Edge runtime is deprecated since Next.js 16.3: `runtime = 'edge'` in a route produces a build warning, and the Node.js runtime is the default.",
    changed:
      'The Edge runtime the article recommends for middleware is deprecated (Next.js 16.3), and Middleware is now Proxy, which runs on Node.js.',
    source: {
      title: 'Next.js docs: route segment config, runtime',
      url: 'https://nextjs.org/docs/app/api-reference/file-conventions/route-segment-config/runtime',
    },
    checked: CHECKED,
  },
  {
    id: 'next-res-revalidate',
    topic: 'Next.js',
    value: '`res.revalidate(path)`',
    statement:
      'In the Pages Router, `res.revalidate(path)` in an API route regenerates a page built by `getStaticProps`; the page does not need a `revalidate` interval for on-demand revalidation.',
    source: {
      title: 'Next.js docs: Incremental Static Regeneration (Pages Router)',
      url: 'https://nextjs.org/docs/pages/guides/incremental-static-regeneration',
    },
    checked: CHECKED,
  },
  // ── Vercel ─────────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'vercel-default-duration',
    topic: 'Vercel',
    value: '300 s',
    statement: "With Fluid compute, a Vercel Function's default maximum duration is 300 s (5 minutes) on every plan.",
    changed:
      "Vercel's function time limits rose with Fluid compute: the default is 300 s on every plan, where the article's era had 10 s on Hobby and 60 s on Pro.",
    source: {
      title: 'Vercel docs: Configuring maximum duration',
      url: 'https://vercel.com/docs/functions/configuring-functions/duration',
    },
    checked: CHECKED,
    handwritten: ['\\b300 ?(s|seconds)\\b'],
  },
  {
    id: 'vercel-hobby-max-duration',
    topic: 'Vercel',
    value: '300 s',
    statement:
      'On the Hobby plan the maximum duration of a Vercel Function with Fluid compute is 300 s, the same as the default.',
    source: { title: 'Vercel docs: Functions limits', url: 'https://vercel.com/docs/functions/limitations' },
    checked: CHECKED,
  },
  {
    id: 'vercel-pro-max-duration',
    topic: 'Vercel',
    value: '800 s',
    statement: 'On the Pro and Enterprise plans a Vercel Function with Fluid compute can be configured up to 800 s.',
    source: { title: 'Vercel docs: Functions limits', url: 'https://vercel.com/docs/functions/limitations' },
    checked: CHECKED,
    handwritten: ['\\b800 ?(s|seconds)\\b'],
  },
  {
    id: 'vercel-extended-max-duration',
    topic: 'Vercel',
    value: '1,800 s (beta)',
    statement:
      'Since 2026-06-15 (Vercel changelog "Vercel Functions can now run up to 30 minutes"), Node.js and Python functions on Pro and Enterprise can be configured up to 1,800 s; durations above 800 s are in beta and require Fluid compute.',
    changed: 'Since June 2026, Pro and Enterprise functions can run up to 1,800 s (beta).',
    source: {
      title: 'Vercel docs: Configuring maximum duration',
      url: 'https://vercel.com/docs/functions/configuring-functions/duration',
    },
    checked: CHECKED,
    handwritten: ['\\b1,?800 ?(s|seconds)\\b'],
  },
  {
    id: 'vercel-fluid-concurrency',
    topic: 'Vercel',
    value: 'many requests at once per instance',
    statement:
      'Vercel Fluid compute, the default for new projects, lets one function instance handle many invocations at the same time (Node.js and Python).',
    changed:
      '"Serverless" on Vercel no longer means one request per instance: Fluid compute, now the default, serves many at once from one instance.',
    source: { title: 'Vercel docs: Fluid compute', url: 'https://vercel.com/docs/fluid-compute' },
    checked: CHECKED,
  },
  {
    id: 'vercel-websockets',
    topic: 'Vercel',
    value: 'public beta on all plans',
    statement:
      "Vercel Functions on Fluid compute can serve WebSockets, in public beta on all plans; each connection is pinned to one instance and counts against the function's maximum duration.",
    changed:
      'The article says Vercel Functions cannot hold WebSocket connections; since 2026 they can, in public beta on all plans.',
    source: { title: 'Vercel docs: WebSockets', url: 'https://vercel.com/docs/functions/websockets' },
    checked: CHECKED,
  },
  {
    id: 'vercel-cron-limits',
    topic: 'Vercel',
    value: '100 cron jobs per project on every plan',
    statement:
      'Vercel allows 100 cron jobs per project on every plan; Hobby runs each at most once a day (±59 min), Pro and Enterprise as often as once a minute.',
    changed:
      "Cron limits rose to 100 jobs per project on every plan (the article's era: 2 on Hobby), and Cron Jobs are moving to Vercel Schedules (public beta).",
    source: {
      title: 'Vercel docs: Cron Jobs usage and pricing',
      url: 'https://vercel.com/docs/cron-jobs/usage-and-pricing',
    },
    checked: CHECKED,
  },
  {
    id: 'vercel-wait-until-off-vercel',
    topic: 'Vercel',
    value: 'does nothing outside Vercel',
    statement:
      "`waitUntil` from `@vercel/functions` only extends a function on Vercel's runtime; elsewhere there is no request context and it does nothing, while Next.js `after()` works on every platform that implements it.",
    source: {
      title: '@vercel/functions source: wait-until.ts',
      url: 'https://github.com/vercel/vercel/blob/main/packages/functions/src/wait-until.ts',
    },
    checked: CHECKED,
  },
  // ── AWS ────────────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'lambda-max-timeout',
    topic: 'AWS',
    value: '900 s',
    statement: "An AWS Lambda function's timeout defaults to 3 s and can be set up to 900 s (15 minutes).",
    source: {
      title: 'AWS Lambda docs: Configure function timeout',
      url: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html',
    },
    checked: CHECKED,
    handwritten: ['\\b900 ?(s|seconds)\\b'],
  },
  {
    id: 'lambda-timeout-resets-environment',
    topic: 'AWS',
    value: 'shuts the runtime down',
    statement:
      'When an AWS Lambda invocation times out, Lambda resets the execution environment: the runtime is shut down and its sockets close, so Postgres rolls back an open transaction once it notices the closed connection.',
    source: {
      title: 'AWS Lambda docs: execution environment lifecycle',
      url: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html',
    },
    checked: CHECKED,
  },
  {
    id: 'sqs-delivery',
    topic: 'AWS',
    value: 'at least once',
    statement:
      'An SQS standard queue delivers each message at least once, so consumers must be idempotent; a message that is received but not deleted becomes visible again when its visibility timeout ends, and a redrive policy moves it to a dead-letter queue after `maxReceiveCount` receives.',
    source: {
      title: 'Amazon SQS docs: standard queues, visibility timeout, dead-letter queues',
      url: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html',
    },
    checked: CHECKED,
  },
  {
    id: 'lambda-sqs-partial-batch',
    topic: 'AWS',
    value: '`ReportBatchItemFailures`',
    statement:
      "Lambda's SQS event source deletes a batch only when the function succeeds; with `ReportBatchItemFailures` turned on, the function returns `batchItemFailures` and only those messages go back to the queue.",
    source: {
      title: 'AWS Lambda docs: handling errors for an SQS event source (partial batch responses)',
      url: 'https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html',
    },
    checked: CHECKED,
  },
  {
    id: 'lambda-sqs-visibility-timeout',
    topic: 'AWS',
    value: 'at least six times',
    statement:
      "For a queue that triggers a Lambda function, set the queue's visibility timeout to at least six times the function's timeout; Lambda refuses an event source mapping whose function timeout exceeds the queue's visibility timeout.",
    source: {
      title: 'AWS Lambda docs: creating and configuring an Amazon SQS event source mapping',
      url: 'https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html',
    },
    checked: CHECKED,
  },
  {
    id: 'bullmq-backoff',
    topic: 'BullMQ',
    value: '`delay * 2^(attemptsMade - 1)`',
    statement:
      'BullMQ retries a failed job only when it was added with `attempts` above 1; the built-in `exponential` backoff waits `delay * 2^(attemptsMade - 1)` ms before the next attempt, `fixed` waits `delay`, and a job that fails its last attempt stays in the failed set.',
    source: {
      title: 'BullMQ docs: retrying failing jobs',
      url: 'https://docs.bullmq.io/guide/retrying-failing-jobs',
    },
    checked: CHECKED,
  },
  // ── PostgreSQL ─────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'postgres-max-connections',
    topic: 'PostgreSQL',
    value: '100',
    statement:
      "PostgreSQL's `max_connections` is typically 100 by default (less if the kernel settings cannot support it).",
    source: {
      title: 'PostgreSQL docs: connection settings',
      url: 'https://www.postgresql.org/docs/current/runtime-config-connection.html',
    },
    checked: CHECKED,
  },
  {
    id: 'postgres-superuser-reserved',
    topic: 'PostgreSQL',
    value: '3',
    statement:
      'PostgreSQL keeps `superuser_reserved_connections` (default 3) slots for superusers; an ordinary role is refused with SQLSTATE 53300 "remaining connection slots are reserved for roles with the SUPERUSER attribute" once only those remain.',
    changed:
      'Postgres refuses an application\'s ordinary role before `max_connections` is reached: 3 slots are kept for superusers, and the error says "remaining connection slots are reserved…", not "sorry, too many clients already".',
    source: {
      title: 'PostgreSQL docs: connection settings',
      url: 'https://www.postgresql.org/docs/current/runtime-config-connection.html',
    },
    checked: CHECKED,
  },
  // ── Neon ───────────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'neon-connections-quarter-cu',
    topic: 'Neon',
    value: '104',
    statement:
      'A Neon compute of 0.25 CU has `max_connections` 104, of which Neon reserves 7 for its own superuser: 97 are usable by the application.',
    source: { title: 'Neon docs: Connection pooling', url: 'https://neon.com/docs/connect/connection-pooling' },
    checked: CHECKED,
    handwritten: ['allows? \\*{0,2}104'],
  },
  {
    id: 'neon-usable-connections-quarter-cu',
    topic: 'Neon',
    value: '97',
    statement: 'Of the 104 connections of a 0.25 CU Neon compute, 97 are usable by the application.',
    source: { title: 'Neon docs: Connection pooling', url: 'https://neon.com/docs/connect/connection-pooling' },
    checked: CHECKED,
  },
  {
    id: 'neon-pooler-clients',
    topic: 'Neon',
    value: '10,000',
    statement:
      "Neon's `-pooler` hostname runs PgBouncer in transaction mode, accepts up to 10,000 client connections and keeps a pool of 90% of `max_connections` per user and database.",
    source: { title: 'Neon docs: Connection pooling', url: 'https://neon.com/docs/connect/connection-pooling' },
    checked: CHECKED,
    handwritten: ['\\b10,000 ?client'],
  },
  {
    id: 'neon-serverless-driver',
    topic: 'Neon',
    value: '`@neondatabase/serverless`',
    statement:
      "Neon's serverless driver `@neondatabase/serverless` sends single queries over HTTP with `neon()` (no connection to keep) and offers `Pool`/`Client` over WebSockets for sessions and interactive transactions.",
    source: { title: 'Neon docs: Neon serverless driver', url: 'https://neon.com/docs/serverless/serverless-driver' },
    checked: CHECKED,
  },
  // ── Supabase ───────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'supabase-connection-strings',
    topic: 'Supabase',
    value: 'port 6543',
    statement:
      "Supabase's shared pooler Supavisor in transaction mode listens on port 6543 (`aws-<region>.pooler.supabase.com`), recommended for serverless functions; session mode is port 5432 on the same host; the direct connection `db.<ref>.supabase.co:5432` is IPv6 unless the IPv4 add-on is bought. Transaction mode does not support prepared statements.",
    source: {
      title: 'Supabase docs: Connecting to Postgres',
      url: 'https://supabase.com/docs/guides/database/connecting-to-postgres',
    },
    checked: CHECKED,
  },
  // ── PgBouncer ──────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'pgbouncer-startup-parameters',
    topic: 'PgBouncer',
    value: 'unsupported startup parameter',
    statement:
      'PgBouncer rejects a startup parameter it does not know (such as `statement_timeout` sent by `pg` as a connection option) with "unsupported startup parameter" (SQLSTATE 08P01), unless it is listed in `ignore_startup_parameters`, in which case it is dropped silently.',
    source: {
      title: 'PgBouncer issue #1074: startup parameters',
      url: 'https://github.com/pgbouncer/pgbouncer/issues/1074',
    },
    checked: CHECKED,
  },
  // ── Firebase ───────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'firestore-free-quota',
    topic: 'Firebase',
    value: '50,000 document reads, 20,000 writes and 20,000 deletes a day',
    statement:
      "Cloud Firestore's free quota is 1 GiB stored, 50,000 document reads, 20,000 writes and 20,000 deletes a day and 10 GiB of outbound data a month; the daily counts reset around midnight Pacific time.",
    source: {
      title: 'Firebase docs: Firestore usage and limits',
      url: 'https://firebase.google.com/docs/firestore/quotas',
    },
    checked: CHECKED,
    handwritten: ['\\b50,000 (document )?reads'],
  },
  {
    id: 'firestore-free-database',
    topic: 'Firebase',
    value: 'one database per project, the first one created',
    statement:
      'The Firestore free quota applies to one database per project: the first one created (if it is deleted, the next one created gets it). It is no longer tied to the database named `(default)`.',
    changed:
      "Firestore's free quota now goes to the first database created in a project, not to the one named `(default)`.",
    source: {
      title: 'Firebase docs: Firestore usage and limits',
      url: 'https://firebase.google.com/docs/firestore/quotas',
    },
    checked: CHECKED,
    handwritten: ['\\(default\\)`? database (only|qualifies)'],
  },
  {
    id: 'firestore-quota-error',
    topic: 'Firebase',
    value: '`RESOURCE_EXHAUSTED` (HTTP 429)',
    statement:
      'When a Firestore free-tier daily quota is used up, further operations of that kind fail with `RESOURCE_EXHAUSTED` (gRPC code 8, HTTP 429) until the quota resets.',
    source: {
      title: 'Firebase docs: Firestore usage and limits',
      url: 'https://firebase.google.com/docs/firestore/quotas',
    },
    checked: CHECKED,
  },
  // ── PlanetScale ────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'planetscale-hobby-retired',
    topic: 'PlanetScale',
    value: 'April 8, 2024',
    statement:
      'PlanetScale retired its free Hobby plan on April 8, 2024 (announced March 6, 2024); no current PlanetScale plan is free.',
    changed: 'PlanetScale has no free plan since April 8, 2024.',
    source: { title: 'PlanetScale blog: PlanetScale forever', url: 'https://planetscale.com/blog/planetscale-forever' },
    checked: CHECKED,
    handwritten: ['April 8,? 2024', '8 April 2024'],
  },
  {
    id: 'planetscale-serverless-driver',
    topic: 'PlanetScale',
    value: '`@planetscale/database`',
    statement:
      "PlanetScale's serverless driver for JavaScript, `@planetscale/database`, runs MySQL queries over HTTP with `connect({ url })`, so a function holds no database connection between requests.",
    source: {
      title: 'PlanetScale docs: PlanetScale serverless driver for JavaScript',
      url: 'https://planetscale.com/docs/tutorials/planetscale-serverless-driver',
    },
    checked: CHECKED,
  },
]
