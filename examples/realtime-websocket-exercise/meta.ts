import type { ExampleMetaInput } from '@/lib/examples/schema'

// Real Next.js 16 cannot run the WebSocket half here: experimental_upgradeWebSocket needs Vercel's
// runtime (Next.js itself has no WebSocket API in route handlers), and on `next start` it throws, so
// examples/verify asserts a 500 for each upgrade (expectations.ts). LISTEN/NOTIFY runs on the real
// PostgreSQL there (pg conformance cases listen-notify-*, notify-from-trigger-*).

export default {
  title: 'Exercise: a live orders dashboard on every instance',
  description: 'Four dashboards hold a WebSocket each; two orders are placed over plain HTTP. Make every dashboard hear both.',
  files: {
    visible: ['lib/dashboards.ts', 'app/api/dashboard/route.ts', 'app/api/orders/route.ts', 'lib/db.ts', 'db/schema.sql'],
    active: 'lib/dashboards.ts',
  },
  platform: { profile: 'fluid' },
  presets: [
    {
      name: 'Four dashboards, two orders',
      description:
        'Dashboards 1 to 4 open /api/dashboard 100 ms apart (two per instance here); orders are placed at 2 s and 5 s; the dashboards close at 8 s.',
      scenario: {
        // Two connections per instance, so the four dashboards fill two instances and the POSTs start a third.
        platform: { maxConcurrencyPerInstance: 2 },
        requests: [
          { at: 2_000, method: 'POST', path: '/api/orders', body: { item: 'Coffee beans', quantity: 2 } },
          { at: 5_000, method: 'POST', path: '/api/orders', body: { item: 'Filter papers', quantity: 3 } },
        ],
        webSockets: { clients: [{ path: '/api/dashboard', count: 4, interval: 100, closeAt: 8_000 }] },
      },
    },
  ],
  // The last request is dashboard 4's upgrade: WebSocket clients come after the plan's requests.
  expect: { status: 101 },
  exercise: {
    goal: 'Every dashboard, on whichever instance holds it, receives both orders. Publish each order through Postgres (pg_notify) and LISTEN on every instance that holds dashboards.',
    checks: [
      { type: 'request-status', method: 'POST', path: '/api/orders', status: 201, label: 'POST /api/orders answers 201' },
      { type: 'websocket-received', text: 'Coffee beans', label: 'Every dashboard receives the order placed at 2 s' },
      { type: 'websocket-received', text: 'Filter papers', label: 'Every dashboard receives the order placed at 5 s' },
      { type: 'no-status-class', class: 5, label: 'No 5xx responses' },
    ],
    hints: [
      'Each instance keeps its own list of open sockets, so an order posted on one instance never reaches dashboards held by another. The instances need a channel they all share.',
      "Postgres is that channel: publish each order with `SELECT pg_notify('orders', $1)` from any connection, and have each instance that holds dashboards run `LISTEN orders`.",
      "LISTEN needs a dedicated, long-lived connection (a pg Client, not the pool). Start it once per instance, on the first dashboard, and forward each notification's payload to that instance's sockets. Since addDashboard now waits for it, the route awaits it too.",
    ],
  },
} satisfies ExampleMetaInput
