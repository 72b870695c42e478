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
    hints: [
      'SQS delivers at least once: the same message (same messageId) can arrive twice. The consumer must remember which messages it has already handled.',
      "The processed_messages table is there for that. Before crediting, insert the message's messageId into it; ON CONFLICT DO NOTHING and rowCount tell you whether this delivery is the first.",
      'Do the claim, the loyalty points and reserveStock in one transaction on one client: if the function dies halfway, the claim must roll back with the points, or the retry would skip a message that was never credited.',
    ],
  },
} satisfies ExampleMetaInput
