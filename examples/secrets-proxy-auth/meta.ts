import type { ExampleMetaInput } from '@/lib/examples/schema'

export default {
  title: 'A proxy check in front, a real check next to the data',
  description: 'proxy.ts turns away requests without a session cookie; the route handler verifies the session against the database.',
  files: {
    visible: ['proxy.ts', 'app/api/todos/route.ts', 'lib/auth.ts', 'lib/db.ts', '.env', 'db/schema.sql', 'db/seed.sql'],
    active: 'proxy.ts',
  },
  platform: { profile: 'fluid' },
  presets: [
    {
      name: 'Ten without a cookie, then one signed in',
      description: 'Ten GET /api/todos with no session cookie, then one with Alice’s session a second later.',
      scenario: {
        requests: [
          { path: '/api/todos', count: 10 },
          { at: 1000, path: '/api/todos', headers: { cookie: 'session=alice-session-token' } },
        ],
      },
    },
    {
      name: 'A forged cookie',
      description: 'A session cookie that looks right to the proxy but that the database has never issued.',
      scenario: {
        requests: [{ path: '/api/todos', headers: { cookie: 'session=made-up-token' } }],
      },
    },
  ],
  expect: { status: 200 },
} satisfies ExampleMetaInput
