import type { ExampleMetaInput } from '@/lib/examples/schema'

// A free tier scaled down to fit the lab: 150 queries a day instead of tens of thousands.
const quota = { maxQueries: 150, windowMs: 86_400_000 }

export default {
  title: 'The same spike, with the list cached for a minute',
  description: 'export const revalidate = 60 puts the list in the cache, so the database sees about one query a minute.',
  files: { visible: ['app/api/products/route.ts', 'lib/db.ts', 'db/schema.sql'], active: 'app/api/products/route.ts' },
  platform: { profile: 'fluid' },
  database: { quota },
  presets: [
    {
      name: 'A quiet hour, then a spike',
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
  expect: { status: 200 },
} satisfies ExampleMetaInput
