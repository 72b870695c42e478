import type { ExampleMetaInput } from '@/lib/examples/schema'

// A free tier scaled down to fit the lab: 150 queries a day instead of tens of thousands.
const quota = { maxQueries: 150, windowMs: 86_400_000 }

export default {
  title: 'A traffic spike against a free-tier quota',
  description: 'Every request runs one query. The plan allows 150 a day, and a spike uses them up.',
  files: { visible: ['app/api/products/route.ts', 'lib/db.ts', 'db/schema.sql'], active: 'app/api/products/route.ts' },
  platform: { profile: 'fluid' },
  database: { quota },
  presets: [
    {
      name: 'A quiet hour, then a spike',
      expectServerErrors:
        "The spike exceeds the free tier's query quota: 110 of 260 requests answer 503.",
      description: 'One request a minute for an hour, then 200 requests in a minute (someone shared the link).',
      scenario: {
        requests: [
          { path: '/api/products', count: 60, interval: 60_000 },
          { at: 3_600_000, path: '/api/products', count: 200, interval: 300 },
        ],
      },
    },
    {
      name: 'A quiet hour',
      scenario: { requests: [{ path: '/api/products', count: 60, interval: 60_000 }] },
    },
  ],
  expect: { status: 503 },
} satisfies ExampleMetaInput
