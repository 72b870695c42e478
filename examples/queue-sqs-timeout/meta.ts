import type { ExampleMetaInput } from '@/lib/examples/schema'

const orders = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    at: i * 100,
    method: 'POST',
    path: '/api/orders',
    body: { email: `customer${i + 1}@example.com`, total: 1000 + i },
  }))

export default {
  title: 'A consumer that times out mid-batch',
  description:
    'Each invoice takes 3 s and the consumer has 10 s. The queue is a simulated SQS on the virtual clock, not AWS.',
  files: {
    visible: ['consumer/handler.ts', 'infra/queues.json', 'lib/invoice.ts', 'app/api/orders/route.ts', 'db/schema.sql'],
    active: 'consumer/handler.ts',
  },
  platform: { profile: 'fluid' },
  presets: [
    {
      name: 'Three orders',
      description: 'Three orders in one batch: 9 s of invoices, within the 10 s timeout.',
      scenario: { requests: orders(3) },
    },
    {
      name: 'Six orders in one batch',
      description: 'Six orders arrive within a second and the consumer gets them as one batch of six: 18 s of work for a 10 s timeout.',
      scenario: { requests: orders(6) },
    },
  ],
  defaultPreset: 'Six orders in one batch',
  realCounterpart:
    'examples/verify runs the route on real Next.js 16 and Postgres, but SQS and Lambda need AWS, which this machine cannot reach: there SQSClient.send answers from a stand-in with the real SDK types, and the consumer is never invoked. Its behaviour (batches, visibility timeout, receive counts, the dead-letter queue, partial batch failures) is proven against the simulated SQS in the lab engine\'s tests, which follow the AWS documentation the lesson cites.',
  expect: { status: 202 },
} satisfies ExampleMetaInput
