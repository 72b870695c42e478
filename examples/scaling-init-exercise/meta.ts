import type { ExampleMetaInput } from '@/lib/examples/schema'

export default {
  title: 'Exercise: initialise once per instance',
  description: 'Every request rebuilds the tax rules, warm or not. Make warm requests skip it.',
  files: {
    visible: ['app/api/quote/route.ts', 'lib/tax-rules.ts', 'lib/db.ts', 'db/schema.sql', 'db/seed.sql'],
    active: 'app/api/quote/route.ts',
  },
  platform: { profile: 'fluid' },
  database: { maxConnections: 100 },
  profiles: ['lambda', 'fluid', 'server'],
  presets: [
    {
      name: 'Steady: 60 requests, one every 500 ms',
      description: 'Thirty seconds of steady traffic to GET /api/quote?sku=MUG-01&region=GB.',
      scenario: { requests: [{ method: 'GET', path: '/api/quote?sku=MUG-01&region=GB', count: 60, interval: 500 }] },
    },
    {
      name: 'Burst of 50',
      description: 'Fifty quotes at the same moment.',
      scenario: { requests: [{ method: 'GET', path: '/api/quote?sku=MUG-01&region=GB', count: 50 }] },
    },
  ],
  expect: { status: 200 },
  exercise: {
    goal: 'Move the expensive initialisation out of the handler, so it runs once per instance and warm requests answer in well under 50 ms.',
    checks: [
      { type: 'all-status', status: 200, label: 'Every quote answers 200' },
      { type: 'metric-at-most', metric: 'p50Ms', value: 50, label: 'Median latency (p50) is at most 50 ms' },
      { type: 'metric-at-most', metric: 'p95Ms', value: 50, label: 'p95 latency is at most 50 ms' },
      { type: 'metric-at-most', metric: 'databaseQueries', value: 65, label: 'At most 65 queries: one price per quote, the rates once per instance' },
    ],
    hints: [
      'loadTaxRules() runs on every request, warm or cold. Which code runs once per instance rather than once per request?',
      'Module scope runs once per instance. Keep the result there and reuse it on every request.',
      'Store the promise, not the value, so concurrent requests on one Fluid instance share the same load; if it fails, clear it so the next request tries again.',
    ],
  },
} satisfies ExampleMetaInput
