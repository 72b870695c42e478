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
  ],
  // The last request is the second cron run, which finds nothing left to send.
  expect: { status: 200 },
} satisfies ExampleMetaInput
