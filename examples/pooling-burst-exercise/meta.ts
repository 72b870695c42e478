import type { ExampleMetaInput } from '@/lib/examples/schema'

export default {
  title: 'Exercise: survive a burst of 100',
  description: 'The route opens a new pool per request. Make a burst of 100 requests succeed against max_connections 20.',
  files: {
    visible: ['app/api/todos/route.ts', 'lib/db.ts', 'db/schema.sql', 'db/seed.sql', '.env'],
    active: 'app/api/todos/route.ts',
  },
  platform: { profile: 'fluid' },
  database: { maxConnections: 20 },
  presets: [
    {
      name: 'Burst of 100',
      expectServerErrors:
        'The starter asks for more connections than max_connections allows: 80 of 100 requests throw 53300 and answer 500.',
      description: 'A hundred GET /api/todos at the same moment; Fluid starts a new instance for every 30.',
      scenario: { requests: [{ method: 'GET', path: '/api/todos', count: 100 }] },
    },
    {
      name: 'One request',
      scenario: { requests: [{ method: 'GET', path: '/api/todos' }] },
    },
  ],
  // The starter's last request of the burst finds no free connection: 53300, so 500.
  expect: { status: 500 },
  exercise: {
    goal: 'Make all 100 requests of the burst answer 200 against max_connections 20, and keep at least 4 connections free for migrations and your own psql session (peak at most 16).',
    preset: 'Burst of 100',
    checks: [
      { type: 'all-status', status: 200, label: 'All 100 requests answer 200' },
      { type: 'no-database-error', code: '53300', label: 'No "remaining connection slots are reserved" (53300)' },
      { type: 'metric-at-most', metric: 'peakConnections', value: 16, label: 'Peak connections at most 16 of 20' },
    ],
    hints: [
      'Open the Timeline: every request opens a brand-new pool, so every request holds its own connection. Where should the pool live so requests share it?',
      'lib/db.ts already exports a module-scope pool. Import it in the route and drop the pool the handler creates (and its end()).',
      "The burst runs on 4 Fluid instances, each with its own pool. Set the pool's `max` so that 4 × max stays at or under 16.",
    ],
  },
} satisfies ExampleMetaInput
