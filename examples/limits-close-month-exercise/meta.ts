import type { ExampleMetaInput } from '@/lib/examples/schema'

export default {
  title: 'Exercise: make closing the month fit in the time limit',
  description: 'The route holds one transaction open across 240 slow API calls and times out. Restructure it so it answers 200.',
  files: {
    visible: ['app/api/invoices/close-month/route.ts', 'lib/tax.ts', 'lib/db.ts', 'db/schema.sql', 'db/seed.sql'],
    active: 'app/api/invoices/close-month/route.ts',
  },
  platform: { profile: 'fluid' },
  presets: [
    {
      name: 'Close the month',
      expectServerErrors:
        'The starter closes the month in one long transaction that runs past maxDuration: the platform answers 504.',
      description: 'POST /api/invoices/close-month for December 2025: 240 open invoices.',
      scenario: { requests: [{ method: 'POST', path: '/api/invoices/close-month', body: { month: '2025-12' } }] },
    },
  ],
  expect: { status: 504 },
  exercise: {
    goal: 'Close all 240 invoices within the 300 s limit. Keep the slow tax calls out of the transaction, and make the write short.',
    checks: [
      { type: 'request-status', method: 'POST', path: '/api/invoices/close-month', status: 200, label: 'POST /api/invoices/close-month answers 200' },
      { type: 'body-includes', method: 'POST', path: '/api/invoices/close-month', text: '"closed":240', label: 'All 240 invoices are closed' },
      { type: 'metric-at-most', metric: 'p95Ms', value: 60_000, label: 'The request takes under 60 s' },
    ],
    hints: [
      'Look at what happens inside the transaction: 240 slow tax calls while every invoice row is locked. The write itself needs milliseconds; the waiting is what is slow.',
      'Split the work in three: read the open invoices (no transaction), compute the taxes, then write. Only the write needs to be atomic.',
      "The tax calls do not depend on each other: run them a batch at a time with Promise.all. Then close all invoices in one UPDATE (unnest() turns two arrays of ids and taxes into rows), keeping `status = 'open'` in its WHERE.",
    ],
  },
} satisfies ExampleMetaInput
