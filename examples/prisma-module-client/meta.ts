import type { ExampleMetaInput } from '@/lib/examples/schema'

export default {
  title: 'One PrismaClient per instance',
  description: 'lib/prisma.ts creates the client at module scope with the adapter pool at max: 5, so each instance holds at most five connections.',
  files: {
    visible: ['lib/prisma.ts', 'app/api/todos/route.ts', 'prisma/schema.prisma', 'db/schema.sql', 'db/seed.sql', '.env'],
    active: 'lib/prisma.ts',
  },
  platform: { profile: 'fluid' },
  database: { maxConnections: 20 },
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
        'Fifty Lambda instances each open a connection from their own client against max_connections 20: 33 throw 53300 and answer 500.',
      description: 'The same burst with one request per instance: fifty instances, fifty clients, fifty pools.',
      scenario: { platform: { profile: 'lambda' }, requests: [{ method: 'GET', path: '/api/todos', count: 50 }] },
    },
    {
      name: 'Burst of 50 on Lambda, pooled URL',
      description: 'Fifty instances again, with DATABASE_URL pointing at a transaction-mode pooler that keeps 17 server connections.',
      scenario: {
        platform: { profile: 'lambda' },
        database: { pooler: { maxClientConnections: 10_000, poolSize: 17 } },
        requests: [{ method: 'GET', path: '/api/todos', count: 50 }],
      },
    },
  ],
  expect: { status: 200 },
} satisfies ExampleMetaInput
