import type { ExampleMetaInput } from '@/lib/examples/schema'

export default {
  title: 'Exercise: put the platform behind one module',
  description: 'The route leaves a promise running after the response, a habit from a `next start` server. Fix it through lib/platform.ts.',
  files: {
    visible: ['app/api/messages/route.ts', 'lib/platform.ts', 'lib/db.ts', 'lib/notify.ts', 'db/schema.sql'],
    active: 'app/api/messages/route.ts',
  },
  platform: { profile: 'lambda' },
  profiles: ['lambda', 'fluid', 'server'],
  presets: [
    {
      name: 'Burst of 8 messages',
      description: 'Eight contact-form messages at the same moment. Each should leave one row in notifications.',
      scenario: {
        requests: [
          {
            method: 'POST',
            path: '/api/messages',
            body: { email: 'reader@example.com', body: 'Is there a student discount?' },
            count: 8,
          },
        ],
        runForMs: 60_000,
      },
    },
    {
      name: 'One invalid message',
      description: 'A message with no e-mail address: 400, and nothing stored.',
      scenario: { requests: [{ method: 'POST', path: '/api/messages', body: { body: 'Hello' } }] },
    },
  ],
  expect: { status: 201 },
  exercise: {
    goal: 'Implement runAfterResponse (and registerPool, for Vercel) in lib/platform.ts and use them from the route and lib/db.ts, so every message is followed by its notification on the lambda profile, and still on fluid and server.',
    checks: [
      { type: 'all-status', status: 201, label: 'All 8 messages answer 201' },
      { type: 'table-row-count', table: 'messages', count: 8, label: '8 messages stored' },
      { type: 'table-row-count', table: 'notifications', count: 8, label: '8 notifications sent, none lost' },
      { type: 'no-status-class', class: 5, label: 'No 5xx responses' },
    ],
    hints: [
      'On the lambda profile the instance is frozen as soon as the response is sent, so `void notifySupport(…)` never finishes. The platform must be told there is work left.',
      'Next.js has a function for exactly that in `next/server`. Wrap it in runAfterResponse(task) in lib/platform.ts, and call runAfterResponse from the route instead of `void`.',
      "registerPool(pool) calls attachDatabasePool from `@vercel/functions`, but only when process.env.VERCEL is '1'; lib/db.ts calls registerPool(pool) once the pool exists.",
    ],
  },
} satisfies ExampleMetaInput
