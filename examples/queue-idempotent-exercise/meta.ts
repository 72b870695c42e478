import type { ExampleMetaInput } from '@/lib/examples/schema'

const orders = (at: number) =>
  Array.from({ length: 5 }, (_, i) => ({
    at: at + i * 100,
    method: 'POST',
    path: '/api/orders',
    body: { email: `customer${i + 1}@example.com`, total: 2500 + i * 1000 },
  }))

export default {
  title: 'Exercise: credit each order once',
  description:
    'The consumer credits loyalty points, then reserves stock with a warehouse that is slow for the first 20 s. The queue is a simulated SQS on the virtual clock, not AWS.',
  files: {
    visible: ['consumer/handler.ts', 'db/schema.sql', 'lib/warehouse.ts', 'infra/queues.json', 'app/api/orders/route.ts'],
    active: 'consumer/handler.ts',
  },
  platform: { profile: 'fluid' },
  presets: [
    {
      name: 'Five orders during the incident',
      description:
        'Five orders in the first second: the first batch runs into the slow warehouse and times out, and SQS delivers the whole batch again a minute later.',
      scenario: { requests: orders(0) },
    },
    {
      name: 'Five orders after the incident',
      description: 'The same five orders 30 s in, when the warehouse answers in 200 ms: one batch, no timeout.',
      scenario: { requests: orders(30_000) },
    },
  ],
  realCounterpart:
    'examples/verify runs the route on real Next.js 16 and Postgres, but SQS and Lambda need AWS, which this machine cannot reach: there SQSClient.send answers from a stand-in with the real SDK types, and the consumer is never invoked. Its behaviour (batches, visibility timeout, receive counts, the dead-letter queue, partial batch failures) is proven against the simulated SQS in the lab engine\'s tests, which follow the AWS documentation the lesson cites.',
  expect: { status: 202 },
  exercise: {
    goal: 'Five orders, five credits: loyalty_points must end with exactly one row per order, even though SQS delivers the first batch twice.',
    checks: [
      { type: 'request-status', method: 'POST', path: '/api/orders', status: 202, label: 'Every order answers 202' },
      {
        type: 'table-row-count',
        table: 'loyalty_points',
        count: 5,
        label: 'Each order is credited once (loyalty_points has 5 rows)',
      },
    ],
  },
} satisfies ExampleMetaInput
