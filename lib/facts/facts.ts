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
    id: 'next-current-release',
    topic: 'Next.js',
    value: '16.5',
    statement:
      "The current Next.js release line is 16.5 (16.5.0 is npm's `latest`, published 2026-12-02); 16.0 was released in October 2025.",
    source: { title: 'npm: next', url: 'https://www.npmjs.com/package/next' },
    checked: CHECKED,
    handwritten: ['current release line is 16\\.\\d'],
  },
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
    handwritten: ['since Next\\.js 15\\.1'],
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
  {
    id: 'next-async-params',
    topic: 'Next.js',
    value: 'Next.js 15',
    statement:
      'Since Next.js 15, `params` in route handlers, pages and layouts (and `cookies()`, `headers()`, `draftMode()`, `searchParams`) is a Promise you await; Next.js 16 removed the synchronous fallback.',
    changed:
      'Since Next.js 15, `params` is a Promise you await in route handlers, and Next.js 16 removed the synchronous fallback.',
    source: {
      title: 'Next.js docs: upgrading to version 16',
      url: 'https://nextjs.org/docs/app/guides/upgrading/version-16',
    },
    checked: CHECKED,
  },
  {
    id: 'next-uncached-by-default',
    topic: 'Next.js',
    value: 'Next.js 15',
    statement:
      "Since Next.js 15, `GET` route handlers and `fetch` requests are not cached unless you opt in (`dynamic = 'force-static'`, `cache: 'force-cache'`, or `'use cache'` with Cache Components).",
    changed:
      '`GET` route handlers and `fetch` stopped being cached by default in Next.js 15: nothing is cached unless you opt in.',
    handwritten: ['since Next\\.js 15,?\\s+(nothing is cached|(`?GET`?\\s+)?route handlers)'],
    source: {
      title: 'Next.js docs: upgrading to version 15',
      url: 'https://nextjs.org/docs/app/guides/upgrading/version-15',
    },
    checked: CHECKED,
  },
  {
    id: 'next-revalidatetag-profile',
    topic: 'Next.js',
    value: 'Next.js 16',
    statement:
      "In Next.js 16, `revalidateTag(tag, profile)` takes a second argument (`'max'` is recommended; `{ expire: 0 }` expires at once, for webhooks); the one-argument form is deprecated, `cacheLife` and `cacheTag` are stable, and `unstable_cache` is replaced by `'use cache'`.",
    changed:
      "In Next.js 16, `revalidateTag` needs a second argument (`'max'` is recommended), `cacheLife` and `cacheTag` are stable, and `unstable_cache` is replaced by `'use cache'`.",
    source: {
      title: 'Next.js docs: revalidateTag',
      url: 'https://nextjs.org/docs/app/api-reference/functions/revalidateTag',
    },
    checked: CHECKED,
  },
  {
    id: 'next-proxy',
    topic: 'Next.js',
    value: 'Next.js 16',
    statement:
      'In Next.js 16, Middleware is called Proxy: the file is `proxy.ts`, it runs on Node.js and its runtime cannot be configured; `middleware.ts` still works but is deprecated.',
    changed:
      '"Middleware" is now Proxy (since Next.js 16): the file is `proxy.ts`, it runs on Node.js, and `middleware.ts` is deprecated.',
    handwritten: ['`?middleware\\.ts`? before Next\\.js 16'],
    matchInlineCode: true,
    source: {
      title: 'Next.js docs: proxy.js',
      url: 'https://nextjs.org/docs/app/api-reference/file-conventions/proxy',
    },
    checked: CHECKED,
  },
  {
    id: 'next-runtime-config-removed',
    topic: 'Next.js',
    value: 'Next.js 16',
    statement: 'Next.js 16 removed `serverRuntimeConfig` and `publicRuntimeConfig` in favour of environment variables.',
    changed: 'Next.js 16 removed `serverRuntimeConfig` and `publicRuntimeConfig` in favour of environment variables.',
    source: {
      title: 'Next.js docs: upgrading to version 16',
      url: 'https://nextjs.org/docs/app/guides/upgrading/version-16',
    },
    checked: CHECKED,
  },
  {
    id: 'next-typegen',
    topic: 'Next.js',
    value: 'Next.js 15.5',
    statement:
      'Since Next.js 15.5, `next typegen` generates the `PageProps`, `LayoutProps` and `RouteContext` types from your routes.',
    changed:
      "Since Next.js 15.5, `next typegen` generates `PageProps`, `LayoutProps` and `RouteContext` types (e.g. `RouteContext<'/api/todos/[id]'>`), so route parameters are typed end to end.",
    source: { title: 'Next.js docs: next CLI, typegen', url: 'https://nextjs.org/docs/app/api-reference/cli/next' },
    checked: CHECKED,
    handwritten: ['\\b15\\.5\\b[^.]{0,20}\\bnext typegen', 'next typegen\\W{1,3}\\(?15\\.5'],
    matchInlineCode: true,
  },
  {
    id: 'next-cve-2025-29927',
    topic: 'Next.js',
    value: '15.2.3',
    statement:
      "CVE-2025-29927 (CVSS 9.1, March 2025) let an `x-middleware-subrequest` header skip middleware on self-hosted apps (`next start`, `output: 'standalone'`); it was fixed in Next.js 15.2.3, with backports to 14.2.25, 13.5.9 and 12.3.5.",
    source: { title: 'Next.js blog: CVE-2025-29927', url: 'https://nextjs.org/blog/cve-2025-29927' },
    checked: CHECKED,
    handwritten: ['fixed in 15\\.2\\.3', '\\b14\\.2\\.25\\b', 'CVSS 9\\.1'],
  },
  {
    id: 'next-self-hosting-complete',
    topic: 'Next.js',
    value: 'every Next.js feature',
    statement:
      'A single `next start` process (or a Docker image) supports every Next.js feature: Server Components, ISR, Cache Components, Server Actions, Proxy and `after()`; several instances need a shared cache handler.',
    changed: 'Self-hosting is documented as complete: a single `next start` process supports every Next.js feature.',
    source: {
      title: 'Next.js docs: deploying to platforms',
      url: 'https://nextjs.org/docs/app/guides/deploying-to-platforms',
    },
    checked: CHECKED,
  },
  {
    id: 'next-static-export-route-handlers',
    topic: 'Next.js',
    value: '`GET`, rendered once at `next build`',
    statement:
      "With `output: 'export'`, Pages Router API routes are not supported, and an App Router route handler supports only `GET`, which runs once at `next build` and is saved as a static file; a handler that reads the request is not supported, so nothing runs per request.",
    source: {
      title: 'Next.js docs: static exports',
      url: 'https://nextjs.org/docs/app/guides/static-exports',
    },
    checked: CHECKED,
    handwritten: ['no API routes at all'],
  },
  // ── Vercel ─────────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'vercel-default-duration',
    topic: 'Vercel',
    value: '300 s',
    statement: "With Fluid compute, a Vercel Function's default maximum duration is 300 s (5 minutes) on every plan.",
    changed:
      "Vercel's function time limits rose with Fluid compute: the default is 300 s on every plan, where the legacy (pre-Fluid) limits defaulted to 10 s on Hobby and 15 s on Pro, with maxima of 60 s and 300 s.",
    source: {
      title: 'Vercel docs: Configuring maximum duration',
      url: 'https://vercel.com/docs/functions/configuring-functions/duration',
    },
    checked: CHECKED,
    handwritten: ['\\b300 ?(s|seconds)\\b', '\\b(five|5) minutes (sounds|is the default|by default)'],
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
    id: 'vercel-timeout-error',
    topic: 'Vercel',
    value: 'a 504 `FUNCTION_INVOCATION_TIMEOUT`',
    statement:
      'A Vercel Function that runs past its maximum duration is stopped, and the client gets HTTP 504 (Gateway Timeout) with the error code `FUNCTION_INVOCATION_TIMEOUT`.',
    source: {
      title: 'Vercel docs: FUNCTION_INVOCATION_TIMEOUT',
      url: 'https://vercel.com/docs/errors/FUNCTION_INVOCATION_TIMEOUT',
    },
    checked: CHECKED,
  },
  {
    id: 'vercel-legacy-duration',
    topic: 'Vercel',
    value: '10 s on Hobby and 60 s on Pro',
    statement:
      "Before Fluid compute, Vercel Functions were limited to 10 s on Hobby and 60 s on Pro (the limits of the article's era); those figures belong to the legacy, non-Fluid model.",
    source: {
      title: 'Vercel staff answer, vercel/community discussion #1813 (2023; secondary)',
      url: 'https://github.com/vercel/community/discussions/1813',
    },
    checked: CHECKED,
    handwritten: ['\\b10 ?s\\W{1,4}(on )?\\(?Hobby', '\\b60 ?s\\W{1,4}(on )?\\(?Pro\\b'],
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
    id: 'vercel-fluid-cold-starts',
    topic: 'Vercel',
    value: 'bytecode optimization and pre-warming on production deployments',
    statement:
      'Fluid compute reduces the effect of cold starts with automatic bytecode optimization and by pre-warming functions on production deployments.',
    source: { title: 'Vercel docs: Fluid compute', url: 'https://vercel.com/docs/fluid-compute' },
    checked: CHECKED,
    handwritten: ['bytecode (caching|optimi[sz]ation) and pre-?warming'],
  },
  {
    id: 'vercel-routing-middleware',
    topic: 'Vercel',
    value: 'Routing Middleware',
    statement:
      "Vercel's platform feature once called Edge Middleware is now Routing Middleware: it runs before the cache for any framework, on the Edge (default), Node.js or Bun runtime.",
    changed:
      'On Vercel, the platform feature the article calls Edge Middleware is now Routing Middleware, and it can also run on Node.js or Bun.',
    source: { title: 'Vercel docs: Routing Middleware', url: 'https://vercel.com/docs/routing-middleware' },
    checked: CHECKED,
    handwritten: ['is now Routing Middleware'],
  },
  {
    id: 'vercel-concurrency-limit',
    topic: 'Vercel',
    value: '30,000 on Hobby and Pro, 100,000 or more on Enterprise',
    statement:
      "Vercel Functions' concurrency auto-scales up to 30,000 on Hobby and Pro, and 100,000 or more on Enterprise.",
    source: { title: 'Vercel docs: Functions limits', url: 'https://vercel.com/docs/functions/limitations' },
    checked: CHECKED,
    handwritten: ['\\b30,000 on Hobby', '\\b100,000 or more on Enterprise'],
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
    handwritten: ['WebSockets?\\]?[^.]{0,20}\\(?(in )?public beta'],
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
    handwritten: ['\\b100 (cron )?jobs per project', '\\ballows? 100 per project'],
  },
  {
    id: 'vercel-schedules',
    topic: 'Vercel',
    value: 'public beta on all plans',
    statement:
      'Vercel labels Cron Jobs a legacy feature that will be migrated to Vercel Schedules, in public beta on all plans: schedules add time zones, preview and custom environments, running or pausing without a redeploy, and private-function or queue targets, and still send `Authorization: Bearer <CRON_SECRET>` to a path target.',
    changed: 'Vercel Cron Jobs are now labelled legacy, to be migrated to Vercel Schedules (public beta).',
    source: {
      title: 'Vercel docs: migrating from Cron Jobs to Schedules',
      url: 'https://vercel.com/docs/schedules/migrate-from-cron-jobs',
    },
    checked: CHECKED,
    handwritten: ['Schedules\\]?[^.]{0,40}\\bpublic beta', '\\bpublic beta[^.]{0,20}\\bSchedules'],
  },
  {
    id: 'vercel-queues',
    topic: 'Vercel',
    value: 'public beta on all plans',
    statement:
      'Vercel Queues, a durable queue with at-least-once delivery, retries and a visibility timeout, is in public beta for all teams since 2026-02-27; it also runs Vercel Workflows underneath.',
    source: {
      title: 'Vercel changelog: Vercel Queues now in public beta',
      url: 'https://vercel.com/changelog/vercel-queues-now-in-public-beta',
    },
    checked: CHECKED,
    handwritten: ['\\bQueues\\]?\\W{1,4}(is |are )?(in )?\\(?public beta'],
  },
  {
    id: 'vercel-workflows',
    topic: 'Vercel',
    value: 'generally available',
    statement:
      'Vercel Workflows, durable multi-step functions built on the open-source Workflow SDK (`"use workflow"`, `"use step"`), is generally available since 2026-04-16, after a beta that began in October 2025.',
    changed:
      'Vercel Workflows, durable multi-step functions on the same platform, is generally available (since April 2026).',
    source: {
      title: 'Vercel blog: A new programming model for durable execution',
      url: 'https://vercel.com/blog/a-new-programming-model-for-durable-execution',
    },
    checked: CHECKED,
    handwritten: ['\\bWorkflows\\b[^.]{0,40}\\b(in |also in )\\[?public beta'],
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
  {
    id: 'vercel-attach-database-pool',
    topic: 'Vercel',
    value: '`attachDatabasePool`',
    statement:
      '`attachDatabasePool(pool)` from `@vercel/functions` (experimental) keeps a function instance alive long enough for its pool to close idle connections before the instance is suspended; it supports `pg`, `mysql2`, `mariadb`, `mongodb`, `ioredis` and `cassandra-driver`.',
    changed:
      '`attachDatabasePool` from `@vercel/functions` is new: it closes idle pool connections that suspended instances used to leak.',
    source: {
      title: '@vercel/functions docs: attachDatabasePool',
      url: 'https://github.com/vercel/vercel/blob/main/packages/functions/docs/index/functions/attachDatabasePool.md',
    },
    checked: CHECKED,
  },
  {
    id: 'vercel-websocket-unavailable-error',
    topic: 'Vercel',
    value: '`experimental_upgradeWebSocket is not available in the current runtime environment`',
    statement:
      'Outside a Vercel runtime that supports WebSocket upgrades (`next start`, AWS Lambda), `experimental_upgradeWebSocket` throws "experimental_upgradeWebSocket is not available in the current runtime environment. This feature requires a Vercel runtime that supports WebSocket upgrades."',
    source: {
      title: '@vercel/functions source: websocket',
      url: 'https://github.com/vercel/vercel/blob/main/packages/functions/src/websocket/index.ts',
    },
    checked: CHECKED,
    handwritten: ['not available in the current runtime'],
    matchInlineCode: true,
  },
  {
    id: 'vercel-daemons',
    topic: 'Vercel',
    value: 'public beta',
    statement:
      'Vercel Daemons, in public beta, are containerised always-on workers (such as a BullMQ, Celery or Sidekiq worker) that pull work and receive no inbound traffic.',
    changed:
      'A BullMQ worker can now run on Vercel as a Daemon (public beta), as well as on any host that keeps a process running.',
    source: { title: 'Vercel docs: Daemons', url: 'https://vercel.com/docs/daemons' },
    checked: CHECKED,
    handwritten: ['\\bDaemons?\\]?\\W{1,4}(is |are )?(in )?\\(?public beta'],
  },
  // ── AWS ────────────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'lambda-one-request-per-environment',
    topic: 'AWS',
    value: 'one request at a time',
    statement:
      "In AWS Lambda's default model an execution environment processes one request at a time; more concurrent requests need more environments, and each new one initialises from scratch (a cold start).",
    source: {
      title: 'AWS Lambda docs: understanding Lambda function scaling',
      url: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-concurrency.html',
    },
    checked: CHECKED,
    handwritten: ['execution environment (handles|serves|processes) one request at a time'],
  },
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
    id: 'lambda-default-timeout',
    topic: 'AWS',
    value: '3 s',
    statement: "A new AWS Lambda function's timeout is 3 s unless you configure it.",
    source: {
      title: 'AWS Lambda docs: Configure function timeout',
      url: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html',
    },
    checked: CHECKED,
    handwritten: ['AWS Lambda \\| 3 ?s\\b', 'Lambda[^.]{0,20}default(s| timeout)?( is| of)? 3 ?(s|seconds)\\b'],
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
    id: 'lambda-managed-instances',
    topic: 'AWS',
    value: 'several requests per execution environment',
    statement:
      'AWS Lambda Managed Instances run on EC2 capacity in your account and let one execution environment process several requests at once (Node.js 22 and later), where a default Lambda environment handles one at a time; concurrent requests then share global state, so AWS asks for code that is safe under concurrency.',
    changed: 'AWS now also offers Lambda Managed Instances, which run several requests per execution environment.',
    handwritten: ['Managed Instances,? which run (several|multiple|many) requests'],
    source: {
      title: 'AWS Lambda docs: runtimes for Lambda Managed Instances',
      url: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-managed-instances-runtimes.html',
    },
    checked: CHECKED,
  },
  {
    id: 'lambda-managed-instances-max-timeout',
    topic: 'AWS',
    value: '5,400 s',
    statement:
      'On Lambda Managed Instances, asynchronous invocations and event source mapping invocations (except Amazon MQ and Amazon DocumentDB) may run up to 5,400 s (90 minutes); every other Lambda invocation stops at 900 s.',
    source: {
      title: 'AWS Lambda API reference: UpdateFunctionConfiguration, Timeout',
      url: 'https://docs.aws.amazon.com/lambda/latest/api/API_UpdateFunctionConfiguration.html',
    },
    checked: CHECKED,
    handwritten: ['\\b5,?400 ?(s|seconds)\\b'],
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
    handwritten: [
      'max_connections\\W{1,4}(is |of )?(typically |usually )?100\\b',
      '\\b100 connections, Postgres',
      'superuser would get all 100\\b',
    ],
    matchInlineCode: true,
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
    handwritten: [
      '\\b(keeps?|reserves?)\\W{1,3}3\\b[^.]{0,60}\\bfor superusers',
      '\\b3 (of them )?(slots )?(are )?(kept|reserved) for superusers',
    ],
    matchInlineCode: true,
    source: {
      title: 'PostgreSQL docs: connection settings',
      url: 'https://www.postgresql.org/docs/current/runtime-config-connection.html',
    },
    checked: CHECKED,
  },
  {
    id: 'postgres-reserved-slots-error',
    topic: 'PostgreSQL',
    value: '`remaining connection slots are reserved for roles with the SUPERUSER attribute`',
    statement:
      'PostgreSQL 16 and later refuse an ordinary role, once only the reserved slots are left, with SQLSTATE 53300 and `FATAL: remaining connection slots are reserved for roles with the SUPERUSER attribute`.',
    source: {
      title: 'PostgreSQL source: postinit.c',
      url: 'https://github.com/postgres/postgres/blob/master/src/backend/utils/init/postinit.c',
    },
    checked: CHECKED,
    handwritten: ['reserved for roles with the SUPERUSER attribute'],
    matchInlineCode: true,
  },
  {
    id: 'postgres-reserved-slots-error-pg15',
    topic: 'PostgreSQL',
    value: '`remaining connection slots are reserved for non-replication superuser connections`',
    statement:
      'PostgreSQL 15 and older word the same refusal `FATAL: remaining connection slots are reserved for non-replication superuser connections` (SQLSTATE 53300).',
    source: {
      title: 'PostgreSQL 15 source: postinit.c',
      url: 'https://github.com/postgres/postgres/blob/REL_15_STABLE/src/backend/utils/init/postinit.c',
    },
    checked: CHECKED,
    handwritten: ['reserved for non-replication superuser'],
    matchInlineCode: true,
  },
  {
    id: 'postgres-reserved-slots-wording-version',
    topic: 'PostgreSQL',
    value: 'PostgreSQL 16',
    statement:
      'PostgreSQL 16, which added `reserved_connections` and the `pg_use_reserved_connections` role, reworded the reserved-slots refusal to "remaining connection slots are reserved for roles with the SUPERUSER attribute"; PostgreSQL 15 and older say "…reserved for non-replication superuser connections".',
    source: {
      title: 'PostgreSQL 16 release notes',
      url: 'https://www.postgresql.org/docs/16/release-16.html',
    },
    checked: CHECKED,
    handwritten: ['PostgreSQL 1[56] and (later|older)', 'PostgreSQL 1[56]\\+'],
  },
  {
    id: 'postgres-too-many-clients-error',
    topic: 'PostgreSQL',
    value: '`sorry, too many clients already`',
    statement:
      'When all `max_connections` slots are taken, PostgreSQL refuses the next connection with SQLSTATE 53300 (`too_many_connections`) and `FATAL: sorry, too many clients already`: what a superuser sees, or any role on a server with no reserved slots.',
    changed:
      'An application\'s ordinary role is refused before `max_connections` is reached, with the reserved-slots message: "sorry, too many clients already" is what a superuser sees.',
    source: {
      title: 'PostgreSQL source: proc.c (InitProcess)',
      url: 'https://github.com/postgres/postgres/blob/master/src/backend/storage/lmgr/proc.c',
    },
    checked: CHECKED,
    handwritten: ['sorry,? too many clients'],
    matchInlineCode: true,
  },
  // ── node-postgres and Prisma ───────────────────────────────────────────────────────────────────────
  {
    id: 'pg-pool-default-max',
    topic: 'node-postgres',
    value: '10',
    statement: 'A `pg` `Pool` opens at most `max` connections, 10 by default; `idleTimeoutMillis` defaults to 10 s.',
    source: { title: 'node-postgres docs: Pool', url: 'https://node-postgres.com/apis/pool' },
    checked: CHECKED,
    handwritten: [
      'default\\W{1,3}max\\W{1,4}(is |of )?10\\b',
      '\\bpg\\b[^.]{0,20}defaults? to\\W{1,3}max\\W{1,3}10\\b',
      'default 10 as in\\W{1,3}pg\\b',
    ],
    matchInlineCode: true,
  },
  {
    id: 'prisma-driver-adapters',
    topic: 'Prisma',
    value: 'Prisma ORM 7',
    statement:
      "Prisma ORM 7 requires a driver adapter for SQL databases (`@prisma/adapter-pg` for PostgreSQL); the connection pool is the driver's, sized with its own options (`max` on `PrismaPg`), and the v6 URL parameter `connection_limit` no longer applies.",
    changed:
      "Prisma 7 requires driver adapters for SQL databases: the pool is the driver's, so pool settings moved from the connection URL (`connection_limit`) to the adapter (`max`).",
    source: {
      title: 'Prisma docs: connection pool (ORM v7)',
      url: 'https://www.prisma.io/docs/orm/v7/prisma-client/setup-and-configuration/databases-connections/connection-pool',
    },
    checked: CHECKED,
  },
  {
    id: 'prisma-too-many-connections',
    topic: 'Prisma',
    value: '`P2037`',
    statement:
      'Prisma Client reports a database that refuses a connection for lack of slots as error `P2037`, "Too many database connections opened:" followed by the database\'s own message.',
    source: {
      title: 'Prisma docs: error reference',
      url: 'https://www.prisma.io/docs/orm/reference/error-reference',
    },
    checked: CHECKED,
    handwritten: ['\\bP2037\\b', 'Too many database connections opened'],
    matchInlineCode: true,
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
    handwritten: ['allows? \\*{0,2}104', 'max_connections\\W{1,4}(of |is )?104\\b', '0\\.25 ?CU[^.]{0,40}\\b104\\b'],
    matchInlineCode: true,
  },
  {
    id: 'neon-connections-one-cu',
    topic: 'Neon',
    value: '419',
    statement: 'A Neon compute of 1 CU has `max_connections` 419; the setting grows with compute size up to 4,000.',
    source: { title: 'Neon docs: Connection pooling', url: 'https://neon.com/docs/connect/connection-pooling' },
    checked: CHECKED,
    handwritten: ['\\b1 ?CU\\W{1,4}419\\b'],
  },
  {
    id: 'neon-usable-connections-quarter-cu',
    topic: 'Neon',
    value: '97',
    statement: 'Of the 104 connections of a 0.25 CU Neon compute, 97 are usable by the application.',
    handwritten: [
      '\\b97\\b[^.]{0,40}\\b(usable|for (the|your) app)',
      '\\b(usable|for the application)[^.]{0,40}\\b97\\b',
    ],
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
    handwritten: ['\\bport 6543\\b'],
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
    id: 'firestore-free-storage',
    topic: 'Firebase',
    value: '1 GiB stored and 10 GiB of outbound data a month',
    statement: "Cloud Firestore's free quota includes 1 GiB of stored data and 10 GiB of outbound data a month.",
    source: {
      title: 'Firebase docs: Firestore usage and limits',
      url: 'https://firebase.google.com/docs/firestore/quotas',
    },
    checked: CHECKED,
    handwritten: ['\\b1 GiB stored', '\\b10 GiB (of )?outbound'],
  },
  {
    id: 'firestore-quota-reset',
    topic: 'Firebase',
    value: 'around midnight Pacific time',
    statement: "Cloud Firestore's daily free quotas reset around midnight Pacific time.",
    source: {
      title: 'Firebase docs: Firestore usage and limits',
      url: 'https://firebase.google.com/docs/firestore/quotas',
    },
    checked: CHECKED,
    handwritten: ['midnight Pacific'],
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
    handwritten: ['RESOURCE_EXHAUSTED'],
    matchInlineCode: true,
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
