import type { ExampleMetaInput } from '@/lib/examples/schema'

export default {
  title: 'One route, three ways to scale',
  description: 'The same GET /api/todos under a burst and under trickle traffic. Switch the platform and compare.',
  files: {
    visible: ['app/api/todos/route.ts', 'lib/db.ts', 'db/schema.sql', 'db/seed.sql'],
    active: 'app/api/todos/route.ts',
  },
  platform: { profile: 'lambda' },
  // Postgres's usual default; 3 of them are reserved for superusers, so the app's role gets 97.
  database: { maxConnections: 100 },
  profiles: ['lambda', 'fluid', 'server'],
  presets: [
    {
      name: 'Burst of 100',
      description: 'A hundred requests at the same moment, like a link shared in a busy chat.',
      expectServerErrors:
        'A hundred requests at once ask for 100 connections; the app role gets 97 (3 are reserved for superusers), so 3 answer 500 with 53300.',
      scenario: { requests: [{ method: 'GET', path: '/api/todos', count: 100 }] },
    },
    {
      name: 'Trickle: one every 5 minutes',
      description: 'Twelve requests over an hour. The instance freezes between them but is not recycled.',
      scenario: { requests: [{ method: 'GET', path: '/api/todos', count: 12, interval: 300_000 }] },
    },
    {
      name: 'Sparse: one every 15 minutes',
      description: 'Five requests over an hour. Each gap is longer than the 10-minute recycle time.',
      scenario: { requests: [{ method: 'GET', path: '/api/todos', count: 5, interval: 900_000 }] },
    },
  ],
  // On lambda the burst wants 100 connections; the last 3 are refused (53300), so the last request answers 500.
  expect: { status: 500 },
} satisfies ExampleMetaInput
