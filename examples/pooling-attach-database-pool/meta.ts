import type { ExampleMetaInput } from '@/lib/examples/schema'

export default {
  title: 'attachDatabasePool closes idle connections',
  description: 'The same module-scope pool, registered with attachDatabasePool so a suspended instance closes its idle connections.',
  files: { visible: ['lib/db.ts', 'app/api/todos/route.ts', 'db/schema.sql', 'db/seed.sql', '.env'], active: 'lib/db.ts' },
  platform: { profile: 'fluid' },
  database: { maxConnections: 20 },
  profiles: ['lambda', 'fluid'],
  presets: [
    {
      name: 'Burst, then quiet for 15 minutes',
      description: 'Fifty requests at once, then no traffic for 15 minutes: long enough for the idle instances to be recycled.',
      scenario: { requests: [{ method: 'GET', path: '/api/todos', count: 50 }], runForMs: 900_000 },
    },
  ],
  expect: { status: 200 },
} satisfies ExampleMetaInput
