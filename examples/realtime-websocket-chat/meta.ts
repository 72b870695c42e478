import type { ExampleMetaInput } from '@/lib/examples/schema'

// Real Next.js 16 cannot run the WebSocket half here: experimental_upgradeWebSocket needs Vercel's
// runtime (Next.js itself has no WebSocket API in route handlers), and on `next start` it throws, so
// examples/verify asserts a 500 for each upgrade (expectations.ts). LISTEN/NOTIFY runs on the real
// PostgreSQL there (pg conformance cases listen-notify-*, notify-from-trigger-*).

// Six people open the chat 100 ms apart; two of them write; everyone leaves at 10 s.
const clients = (path: string) => [{ path, count: 6, interval: 100, closeAt: 10_000 }]
const send = [
  { client: 1, at: 2_000, data: 'Hello from client 1' },
  { client: 5, at: 3_000, data: 'Client 5 here' },
]
// At 5 s someone asks who is online, over plain HTTP.
const online = [{ at: 5_000, path: '/api/chat/online' }]
// Each instance takes two connections here, so six clients need three instances. A real Fluid
// instance takes many more; a busy app, or clients arriving over time, spreads them the same way.
const spread = { maxConcurrencyPerInstance: 2 }

export default {
  title: 'A WebSocket chat on serverless functions',
  description:
    'Six clients open a chat route that calls experimental_upgradeWebSocket; the platform pins each connection to an instance.',
  files: {
    visible: [
      'app/api/chat/route.ts',
      'app/api/chat-notify/route.ts',
      'lib/sockets.ts',
      'app/api/chat/online/route.ts',
      'lib/db.ts',
    ],
    active: 'app/api/chat/route.ts',
  },
  platform: { profile: 'fluid' },
  profiles: ['fluid', 'lambda', 'server'],
  presets: [
    {
      name: 'In-memory broadcast, 6 clients',
      description:
        'Clients 1 to 6 open /api/chat; client 1 writes at 2 s, client 5 at 3 s; GET /api/chat/online at 5 s. Predict first: how many clients receive each message? Then open the WebSockets tab.',
      scenario: { requests: online, platform: spread, webSockets: { clients: clients('/api/chat'), send } },
    },
    {
      name: 'LISTEN/NOTIFY, 6 clients',
      description:
        'The same six clients on /api/chat-notify, which publishes each message with pg_notify and listens on every instance.',
      scenario: { requests: online, platform: spread, webSockets: { clients: clients('/api/chat-notify'), send } },
    },
    {
      name: 'Stay connected for 2 minutes',
      description:
        'Three clients connect at 0, 20 and 40 s and never hang up; GET /api/chat/online at 90 s. maxDuration is 60 s: watch when each connection closes.',
      scenario: {
        requests: [{ at: 90_000, path: '/api/chat/online' }],
        webSockets: {
          clients: [{ path: '/api/chat', count: 3, interval: 20_000 }],
          send: [{ client: 1, at: 50_000, data: 'Still there?' }],
        },
        runForMs: 120_000,
      },
    },
  ],
  // The last request is client 6's upgrade: WebSocket clients come after the plan's requests.
  expect: { status: 101 },
} satisfies ExampleMetaInput
