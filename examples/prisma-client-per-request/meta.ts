import type { ExampleMetaInput } from '@/lib/examples/schema'

export default {
  title: 'A new PrismaClient in every request',
  description: 'The handler creates a PrismaClient with its own pg adapter per request. Under a burst, the database runs out of connections.',
  files: {
    visible: ['app/api/todos/route.ts', 'prisma/schema.prisma', 'db/schema.sql', 'db/seed.sql', '.env'],
    active: 'app/api/todos/route.ts',
  },
  platform: { profile: 'fluid' },
  database: { maxConnections: 20 },
  presets: [
    {
      name: 'Burst of 50',
      expectServerErrors:
        'A client (and pool) per request exhausts max_connections 20: 33 of 50 requests throw 53300 and answer 500.',
      description: 'Fifty GET /api/todos at the same moment, against a database with max_connections 20.',
      scenario: { requests: [{ method: 'GET', path: '/api/todos', count: 50 }] },
    },
    {
      name: 'One request',
      description: 'A single request: it works, which is why this mistake survives local testing.',
      scenario: { requests: [{ method: 'GET', path: '/api/todos' }] },
    },
  ],
  expect: { status: 500 },
} satisfies ExampleMetaInput
