import type { ExampleMetaInput } from '@/lib/examples/schema'

export default {
  title: 'A promise nobody waits for',
  description: 'The audit write is left running after the response. Switch the platform and count the audit rows.',
  files: {
    visible: ['app/api/orders/route.ts', 'lib/audit.ts', 'lib/db.ts', 'db/schema.sql', 'db/seed.sql'],
    active: 'app/api/orders/route.ts',
  },
  platform: { profile: 'lambda' },
  profiles: ['lambda', 'fluid', 'server'],
  presets: [
    {
      name: 'Burst of 10 orders',
      description: 'Ten orders at the same moment. Each should leave one row in audit_log (the seed has one already).',
      scenario: {
        requests: [{ method: 'POST', path: '/api/orders', body: { sku: 'TEE-02', quantity: 3 }, count: 10 }],
        runForMs: 60_000,
      },
    },
    {
      name: 'Ten orders, one a second',
      description: 'Ten POST /api/orders, a second apart. Each should leave one row in audit_log (the seed has one already).',
      scenario: {
        requests: [{ method: 'POST', path: '/api/orders', body: { sku: 'MUG-01', quantity: 1 }, count: 10, interval: 1000 }],
        runForMs: 60_000,
      },
    },
  ],
  expect: { status: 201 },
} satisfies ExampleMetaInput
