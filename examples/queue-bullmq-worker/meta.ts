import type { ExampleMetaInput } from '@/lib/examples/schema'

const signup = (at: number, email: string) => ({ at, method: 'POST', path: '/api/signup', body: { email } })

export default {
  title: 'BullMQ: the route adds a job, a worker process runs it',
  description:
    'next start serves the route; worker.ts runs as its own process (Procfile). BullMQ runs on a stand-in for Redis on the virtual clock.',
  files: {
    visible: ['app/api/signup/route.ts', 'worker.ts', 'lib/queue.ts', 'lib/email.ts', 'Procfile', '.env', 'db/schema.sql'],
    active: 'worker.ts',
  },
  platform: { profile: 'server' },
  presets: [
    {
      name: 'A sign-up during a short outage',
      description: 'One sign-up at the start, while the email provider is down for 3 s: the job retries with backoff.',
      scenario: { requests: [signup(0, 'ada@example.com')] },
    },
    {
      name: 'A sign-up during a long outage',
      description: 'One sign-up 10 s in, when the provider goes down for 30 s: four attempts are not enough.',
      scenario: { requests: [signup(10_000, 'grace@example.com')] },
    },
    {
      name: 'The same sign-up twice',
      description: 'A client retries its request: two POSTs for one address, 50 ms apart, after the outage.',
      scenario: { requests: [signup(5_000, 'alan@example.com'), signup(5_050, 'alan@example.com')] },
    },
  ],
  realCounterpart:
    "examples/verify runs the route on real Next.js 16 and Postgres, but BullMQ needs a Redis server, which this machine does not run: there Queue.add keeps the job in memory (with BullMQ's real types), and worker.ts is compiled but never started. Retries, backoff, job ids and the failed set are proven against the lab's BullMQ stand-in, which follows the BullMQ documentation the lesson cites.",
  expect: { status: 201 },
} satisfies ExampleMetaInput
