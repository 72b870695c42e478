import type { ExampleMetaInput } from '@/lib/examples/schema'

export default {
  title: 'One contract for the route and the client',
  description: 'lib/todo-contract.ts defines the todo once; the route validates with it and lib/client.ts is typed by it.',
  files: {
    visible: ['lib/todo-contract.ts', 'app/api/todos/route.ts', 'lib/client.ts', 'db/schema.sql'],
    active: 'lib/todo-contract.ts',
  },
  platform: { profile: 'fluid' },
  presets: [
    {
      name: 'A body that breaks the contract',
      description: 'POST /api/todos with { "title": 42, "done": "yes" }: the wrong type for title.',
      scenario: { requests: [{ method: 'POST', path: '/api/todos', body: { title: 42, done: 'yes' } }] },
    },
    {
      name: 'Create a todo',
      description: 'POST /api/todos with a valid body.',
      scenario: { requests: [{ method: 'POST', path: '/api/todos', body: { title: 'Share the schema' } }] },
    },
  ],
  expect: { status: 400 },
} satisfies ExampleMetaInput
