import type { ExampleMetaInput } from '@/lib/examples/schema'

const order = (at: number, email: string, total: number) => ({
  at,
  method: 'POST',
  path: '/api/orders',
  body: { email, total },
})

export default {
  title: 'A route that enqueues, a Lambda that consumes',
  description:
    'POST /api/orders stores the order and sends an SQS message; a Lambda consumer sends the receipt. The queue is a simulated SQS on the virtual clock, not AWS.',
  files: {
    visible: ['app/api/orders/route.ts', 'consumer/handler.ts', 'infra/queues.json', 'lib/email.ts', '.env', 'db/schema.sql'],
    active: 'consumer/handler.ts',
  },
  platform: { profile: 'fluid' },
  presets: [
    {
      name: 'Three orders',
      description: 'Three orders 100 ms apart; the consumer gets them in one batch and sends three receipts.',
      scenario: {
        requests: [
          order(0, 'ada@example.com', 4200),
          order(100, 'grace@example.com', 1999),
          order(200, 'alan@example.com', 350),
        ],
      },
    },
    {
      name: 'An address the provider refuses',
      description:
        'The same three orders, but the second is for an address the email provider refuses every time: watch its receive count and where it ends.',
      scenario: {
        requests: [
          order(0, 'ada@example.com', 4200),
          order(100, 'nobody@invalid.example', 1999),
          order(200, 'alan@example.com', 350),
        ],
      },
    },
  ],
  realCounterpart:
    'examples/verify runs the route on real Next.js 16 and Postgres, but SQS and Lambda need AWS, which this machine cannot reach: there SQSClient.send answers from a stand-in with the real SDK types, and the consumer is never invoked. Its behaviour (batches, visibility timeout, receive counts, the dead-letter queue, partial batch failures) is proven against the simulated SQS in the lab engine\'s tests, which follow the AWS documentation the lesson cites.',
  expect: { status: 202 },
} satisfies ExampleMetaInput
