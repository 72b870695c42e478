import type { ExampleMetaInput } from '@/lib/examples/schema'

const signups = ['ada@example.com', 'grace@example.com', 'alan@example.com'].map((email, i) => ({
  at: i * 60_000,
  method: 'POST',
  path: '/api/signup',
  body: { email },
}))

export default {
  title: 'A welcome email sent after the response, unawaited',
  description: 'The route answers at once and leaves the email send running. Compare the emails_sent table on Fluid and on Server.',
  files: { visible: ['app/api/signup/route.ts', 'lib/email.ts', 'lib/db.ts', 'db/schema.sql'], active: 'app/api/signup/route.ts' },
  platform: { profile: 'fluid' },
  profiles: ['fluid', 'lambda', 'server'],
  presets: [
    {
      name: 'Three sign-ups, a minute apart',
      description: 'Three POST /api/signup requests, one a minute, then two quiet minutes.',
      scenario: { requests: signups, runForMs: 300_000 },
    },
    {
      name: 'One sign-up',
      scenario: { requests: [{ method: 'POST', path: '/api/signup', body: { email: 'ada@example.com' } }], runForMs: 60_000 },
    },
  ],
  expect: { status: 201 },
} satisfies ExampleMetaInput
