import type { ExampleMetaInput } from '@/lib/examples/schema'

export default {
  title: 'Todos API playground',
  description: 'A small todos API written twice: Pages Router under /api/todos, App Router under /api/v2/todos.',
  files: {
    visible: [
      'pages/api/todos/index.ts',
      'pages/api/todos/[id].ts',
      'app/api/v2/todos/route.ts',
      'app/api/v2/todos/[id]/route.ts',
      'lib/db.ts',
      'lib/todos.ts',
      'db/schema.sql',
      'db/seed.sql',
      '.env',
    ],
    active: 'pages/api/todos/index.ts',
  },
  platform: { profile: 'fluid' },
  database: { maxConnections: 20 },
  profiles: ['lambda', 'fluid', 'server'],
  presets: [
    {
      name: 'One request',
      description: 'A single request, as written in the panel.',
      scenario: { requests: [{ method: 'GET', path: '/api/todos' }] },
    },
    {
      name: 'Create a todo',
      description: 'POST a new todo; the Database tab shows the new row.',
      scenario: { requests: [{ method: 'POST', path: '/api/todos', body: { title: 'Learn route handlers' } }] },
    },
    {
      name: 'Burst of 50',
      description: 'Fifty copies of the request at the same moment.',
      scenario: { requests: [{ method: 'GET', path: '/api/todos', count: 50 }] },
    },
    {
      name: 'One a minute for an hour',
      description: 'Sixty copies, one every virtual minute: watch instances freeze and go cold.',
      scenario: { requests: [{ method: 'GET', path: '/api/todos', count: 60, interval: 60_000 }] },
    },
  ],
  expect: { status: 200 },
} satisfies ExampleMetaInput
