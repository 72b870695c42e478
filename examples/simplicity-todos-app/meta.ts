import type { ExampleMetaInput } from '@/lib/examples/schema'

export default {
  title: 'Todos API, App Router',
  description: 'app/api/todos: one named export per HTTP method, params as a Promise.',
  files: {
    visible: ['app/api/todos/route.ts', 'app/api/todos/[id]/route.ts', 'lib/todos.ts', 'lib/db.ts', 'db/schema.sql', 'db/seed.sql'],
    active: 'app/api/todos/route.ts',
  },
  platform: { profile: 'fluid' },
  profiles: ['lambda', 'fluid', 'server'],
  presets: [
    {
      name: 'Every status code',
      description: 'List, an invalid create, a missing todo, an unsupported method, then a valid create: 200, 400, 404, 405, 201.',
      scenario: {
        requests: [
          { at: 0, method: 'GET', path: '/api/todos' },
          { at: 100, method: 'POST', path: '/api/todos', body: { title: '' } },
          { at: 200, method: 'GET', path: '/api/todos/999' },
          { at: 300, method: 'PUT', path: '/api/todos', body: { title: 'Replace everything' } },
          { at: 400, method: 'POST', path: '/api/todos', body: { title: 'Write the lesson' } },
        ],
      },
    },
    {
      name: 'Create a todo',
      description: 'POST a valid todo; edit the body to try invalid ones.',
      scenario: { requests: [{ method: 'POST', path: '/api/todos', body: { title: 'Write the lesson' } }] },
    },
    {
      name: 'Read one',
      description: 'GET one todo by id; try 999 or abc in the path.',
      scenario: { requests: [{ method: 'GET', path: '/api/todos/2' }] },
    },
    {
      name: 'An id out of range',
      description: 'GET /api/todos/99999999999: more than the integer id column holds, so the schema answers 400 before Postgres could fail with 22003.',
      scenario: { requests: [{ method: 'GET', path: '/api/todos/99999999999' }] },
    },
  ],
  // The default preset ends with a valid POST.
  expect: { status: 201 },
} satisfies ExampleMetaInput
