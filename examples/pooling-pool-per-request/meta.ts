import type { ExampleMetaInput } from '@/lib/examples/schema'

export default {
  title: 'A new pool in every request',
  description: 'The handler creates its own pg Pool per request. Under a burst, the database runs out of connections.',
  files: { active: 'app/api/todos/route.ts' },
  platform: { profile: 'fluid' },
  database: { maxConnections: 20 },
  profiles: ['lambda', 'fluid', 'server'],
  presets: [
    {
      name: 'Burst of 50',
      expectServerErrors:
        'A pool per request exhausts max_connections 20: 30 of 50 requests throw 53300 and answer 500.',
      description: 'Fifty GET /api/todos at the same moment, against a database with max_connections 20.',
      scenario: { requests: [{ method: 'GET', path: '/api/todos', count: 50 }] },
    },
    {
      name: 'One request',
      description: 'A single request: it works, which is why this mistake survives local testing.',
      scenario: { requests: [{ method: 'GET', path: '/api/todos' }] },
    },
  ],
  // The last of the fifty finds the 17 slots an ordinary role gets taken (3 of 20 are reserved for
  // superusers): 53300, so the handler throws and the route answers 500.
  expect: { status: 500 },
} satisfies ExampleMetaInput
