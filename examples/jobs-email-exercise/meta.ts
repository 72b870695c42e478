import type { ExampleMetaInput } from '@/lib/examples/schema'

const signups = ['ada@example.com', 'grace@example.com', 'alan@example.com'].map((email, i) => ({
  at: i * 60_000,
  method: 'POST',
  path: '/api/signup',
  body: { email },
}))

export default {
  title: 'Exercise: take the email out of the request path',
  description: 'Sign-up waits 1.5 s for the email provider. Make it answer fast without losing a single email.',
  files: { visible: ['app/api/signup/route.ts', 'lib/email.ts', 'lib/db.ts', 'db/schema.sql'], active: 'app/api/signup/route.ts' },
  platform: { profile: 'fluid' },
  presets: [
    {
      name: 'Three sign-ups, a minute apart',
      description: 'Three POST /api/signup requests, one a minute, then two quiet minutes.',
      scenario: { requests: signups, runForMs: 300_000 },
    },
  ],
  expect: { status: 201 },
  exercise: {
    goal: 'Every sign-up must answer 201 in under 500 ms, and every welcome email must still be sent: emails_sent ends with 4 rows (1 seeded + 3 new).',
    checks: [
      { type: 'request-status', method: 'POST', path: '/api/signup', status: 201, label: 'Every sign-up answers 201' },
      { type: 'metric-at-most', metric: 'p95Ms', value: 500, label: 'Sign-ups answer in under 500 ms (p95)' },
      { type: 'table-row-count', table: 'emails_sent', count: 4, label: 'All three welcome emails are sent (emails_sent has 4 rows)' },
    ],
  },
} satisfies ExampleMetaInput
