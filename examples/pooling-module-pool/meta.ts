import type { ExampleMetaInput } from '@/lib/examples/schema'

export default {
  title: 'One small pool per instance',
  description: 'The pool lives in lib/db.ts at module scope with max: 5, so each instance holds at most five connections.',
  files: { visible: ['lib/db.ts', 'app/api/todos/route.ts', 'db/schema.sql', 'db/seed.sql', '.env'], active: 'lib/db.ts' },
  platform: { profile: 'fluid' },
  database: { maxConnections: 20 },
  // No `profiles` switcher on purpose: two presets run on Lambda, and the panel's profile menu
  // would override the profile a preset sets.
  presets: [
    {
      name: 'Burst of 50',
      description: 'Fifty GET /api/todos at the same moment, against a database with max_connections 20.',
      scenario: { requests: [{ method: 'GET', path: '/api/todos', count: 50 }] },
    },
    {
      name: 'Cold, then warm',
      description: 'One request to a cold instance, then the same request two seconds later on the warm instance.',
      scenario: { requests: [{ method: 'GET', path: '/api/todos', count: 2, interval: 2000 }] },
    },
    {
      name: 'Burst of 50 on Lambda',
      expectServerErrors:
        'Fifty Lambda instances each open a connection against max_connections 20: 30 throw 53300 and answer 500.',
      description: 'The same burst with one request per instance: fifty instances, fifty pools.',
      scenario: {
        platform: { profile: 'lambda' },
        requests: [{ method: 'GET', path: '/api/todos', count: 50 }],
      },
    },
    {
      name: 'Burst of 50 on Lambda, behind a pooler',
      description: 'Fifty instances again, now connecting to a transaction-mode pooler that keeps 17 server connections (the 20 less the 3 reserved for superusers).',
      scenario: {
        platform: { profile: 'lambda' },
        database: { pooler: { maxClientConnections: 10_000, poolSize: 17 } },
        requests: [{ method: 'GET', path: '/api/todos', count: 50 }],
      },
    },
    {
      name: 'Burst, then quiet for 15 minutes',
      description: 'The burst, then no traffic: the frozen instances are recycled after 10 minutes with their connections still open.',
      scenario: { requests: [{ method: 'GET', path: '/api/todos', count: 50 }], runForMs: 900_000 },
    },
  ],
  expect: { status: 200 },
} satisfies ExampleMetaInput
