import type { ExampleMetaInput } from '@/lib/examples/schema'

const signups = ['ada@example.com', 'grace@example.com', 'alan@example.com'].map((email, i) => ({
  at: i * 60_000,
  method: 'POST',
  path: '/api/signup',
  body: { email },
}))

export default {
  title: 'An outbox drained by a protected cron route',
  description: 'Sign-up commits the user and an outbox row together; a cron every five minutes sends what is pending.',
  files: {
    visible: ['app/api/cron/send-emails/route.ts', 'app/api/signup/route.ts', 'vercel.json', '.env', 'lib/email.ts', 'db/schema.sql'],
    active: 'app/api/cron/send-emails/route.ts',
  },
  platform: { profile: 'fluid' },
  presets: [
    {
      name: 'Sign-ups, a stranger, then the cron',
      description:
        'Three sign-ups a minute apart, a request to the cron URL without the secret, then ten minutes in which the cron fires twice.',
      scenario: {
        requests: [...signups, { at: 150_000, method: 'GET', path: '/api/cron/send-emails' }],
        runForMs: 600_000,
      },
    },
    {
      name: 'Two runs at once',
      description:
        'Three sign-ups, then two calls to the cron route at the same moment (a slow run overlapping the next, or a manual call): each email still goes out once.',
      scenario: {
        requests: [
          ...signups,
          {
            at: 150_000,
            method: 'GET',
            path: '/api/cron/send-emails',
            headers: { authorization: 'Bearer 7f3c9a1e5b2d4f6081a3c5e7d9b1f3a5' },
            count: 2,
          },
        ],
      },
    },
  ],
  // The last request is the second cron run, which finds nothing left to send.
  expect: { status: 200 },
} satisfies ExampleMetaInput
