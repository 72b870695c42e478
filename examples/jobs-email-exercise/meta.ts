import type { ExampleMetaInput } from '@/lib/examples/schema'

const signups = ['ada@example.com', 'grace@example.com', 'alan@example.com'].map((email, i) => ({
  at: i * 60_000,
  method: 'POST',
  path: '/api/signup',
  body: { email },
}))

export default {
  title: 'Exercise: the provider is down, and no email may be lost',
  description:
    'Sign-up sends the welcome email with after(): fast, but the provider is having an outage and after() never tries again. Make every email arrive.',
  files: {
    visible: [
      'app/api/signup/route.ts',
      'app/api/cron/send-emails/route.ts',
      'vercel.json',
      'lib/email.ts',
      '.env',
      'db/schema.sql',
      'lib/db.ts',
    ],
    active: 'app/api/signup/route.ts',
  },
  platform: { profile: 'fluid' },
  presets: [
    {
      name: 'Three sign-ups during an outage',
      description:
        'Three POST /api/signup a minute apart; the email provider refuses the next two messages it gets; the cron in vercel.json fires every minute for five minutes.',
      scenario: { requests: signups, runForMs: 300_000 },
    },
  ],
  // The last request is the last cron run.
  expect: { status: 200 },
  exercise: {
    goal: 'Every sign-up answers 201 in under 500 ms, and every welcome email arrives in the end, once: emails_sent ends with 4 rows (1 seeded + 3 new), although the provider refuses the first two it is sent.',
    checks: [
      { type: 'request-status', method: 'POST', path: '/api/signup', status: 201, label: 'Every sign-up answers 201' },
      {
        type: 'request-duration-at-most',
        method: 'POST',
        path: '/api/signup',
        ms: 500,
        label: 'Every sign-up answers in under 500 ms',
      },
      {
        type: 'table-row-count',
        table: 'emails_sent',
        count: 4,
        label: 'Every welcome email is sent exactly once (emails_sent has 4 rows)',
      },
    ],
    hints: [
      'after() runs once and never retries: when the provider refuses, the email is gone. The email has to be written down somewhere durable before the sign-up answers.',
      'The email_outbox table is that place. Insert the user and the outbox row in the same transaction, and answer 201 without sending anything.',
      'vercel.json already calls /api/cron/send-emails every minute. There, pick unsent rows (FOR UPDATE SKIP LOCKED keeps overlapping runs apart), send each one, and set sent_at only after the send succeeds, so a refused email is tried again next minute.',
    ],
  },
} satisfies ExampleMetaInput
