import type { ExampleMetaInput } from '@/lib/examples/schema'

export default {
  title: 'A slow report, with and without statement_timeout',
  description: 'A seven-minute query outlives the function. With statement_timeout the database stops it first.',
  files: { visible: ['app/api/reports/revenue/route.ts', 'lib/db.ts', 'db/schema.sql'], active: 'app/api/reports/revenue/route.ts' },
  platform: { profile: 'fluid' },
  presets: [
    {
      name: 'No statement_timeout',
      expectServerErrors:
        'Without statement_timeout the query outlives maxDuration: the platform answers 504.',
      description: 'GET /api/reports/revenue against a database with statement_timeout off (the Postgres default).',
      scenario: { requests: [{ path: '/api/reports/revenue' }], database: { statementTimeoutMs: 0 } },
    },
    {
      name: 'statement_timeout = 10 s',
      expectServerErrors:
        'statement_timeout cancels the query with 57014, and the route answers 503.',
      description: 'The same request; the database cancels any statement that runs longer than 10 s.',
      scenario: { requests: [{ path: '/api/reports/revenue' }], database: { statementTimeoutMs: 10_000 } },
    },
  ],
  expect: { status: 504 },
} satisfies ExampleMetaInput
