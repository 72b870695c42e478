import type { ExampleMetaInput } from '@/lib/examples/schema'

export default {
  title: 'Closing a month in one long transaction',
  description: 'One transaction calls a slow tax API for each of 240 invoices, runs into maxDuration, and leaves its locks behind.',
  files: {
    visible: ['app/api/invoices/close-month/route.ts', 'app/api/invoices/[id]/route.ts', 'lib/tax.ts', 'lib/db.ts', 'db/schema.sql', 'db/seed.sql'],
    active: 'app/api/invoices/close-month/route.ts',
  },
  platform: { profile: 'fluid' },
  presets: [
    {
      name: 'Close the month, then mark one invoice paid',
      expectServerErrors:
        'The transaction runs past maxDuration: the platform answers 504, and the PATCH waits on its row lock until it times out too.',
      description: 'POST /api/invoices/close-month at 0 s, then PATCH /api/invoices/1 at 310 s, after the first request has timed out.',
      scenario: {
        requests: [
          { method: 'POST', path: '/api/invoices/close-month', body: { month: '2025-12' } },
          { at: 310_000, method: 'PATCH', path: '/api/invoices/1' },
        ],
      },
    },
    {
      name: 'Close the month',
      expectServerErrors:
        'The transaction runs past maxDuration: the platform answers 504.',
      scenario: { requests: [{ method: 'POST', path: '/api/invoices/close-month', body: { month: '2025-12' } }] },
    },
    {
      name: 'An id out of range',
      description: 'PATCH /api/invoices/99999999999: more than the integer id column holds, so the route answers 400, not a 500 from Postgres (22003).',
      scenario: { requests: [{ method: 'PATCH', path: '/api/invoices/99999999999' }] },
    },
  ],
  expect: { status: 504 },
} satisfies ExampleMetaInput
