import type { ExampleMetaInput } from '@/lib/examples/schema'

export default {
  title: 'Exercise: size the adapter pool',
  description: 'One PrismaClient per instance, with the adapter pool left at pg’s default size. Make a burst of 100 succeed against max_connections 20.',
  files: {
    visible: ['lib/prisma.ts', 'app/api/todos/route.ts', 'prisma/schema.prisma', 'db/schema.sql', 'db/seed.sql', '.env'],
    active: 'lib/prisma.ts',
  },
  platform: { profile: 'fluid' },
  database: { maxConnections: 20 },
  presets: [
    {
      name: 'Burst of 100',
      expectServerErrors:
        'Four instances with a default pool of 10 each ask for more connections than max_connections allows: some requests throw P2037 (53300) and answer 500.',
      description: 'A hundred GET /api/todos at the same moment; Fluid starts a new instance for every 30.',
      scenario: { requests: [{ method: 'GET', path: '/api/todos', count: 100 }] },
    },
  ],
  expect: { status: 500 },
  exercise: {
    goal: 'Make all 100 requests answer 200 against max_connections 20, and keep at least 4 connections free (peak at most 16).',
    preset: 'Burst of 100',
    checks: [
      { type: 'all-status', status: 200, label: 'All 100 requests answer 200' },
      { type: 'no-database-error', code: '53300', label: 'No "remaining connection slots are reserved" (53300)' },
      { type: 'metric-at-most', metric: 'peakConnections', value: 16, label: 'Peak connections at most 16 of 20' },
    ],
    hints: [
      "Each instance has one PrismaClient, and behind it a pg pool. With no limit, pg's default of 10 connections applies per instance.",
      'The burst starts 4 instances. How many connections may each one open so that 4 of them together stay at or under 16?',
      "The adapter takes pg's pool options next to connectionString: set `max` there.",
    ],
  },
} satisfies ExampleMetaInput
