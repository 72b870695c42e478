import type { ExampleMetaInput } from '@/lib/examples/schema'

export default {
  title: 'Exercise: DELETE /api/todos/[id]',
  description: 'The route handler can read a todo but not delete one. Export DELETE.',
  files: {
    visible: ['app/api/todos/[id]/route.ts', 'lib/todos.ts', 'lib/db.ts', 'db/schema.sql', 'db/seed.sql'],
    active: 'app/api/todos/[id]/route.ts',
  },
  platform: { profile: 'fluid' },
  presets: [
    {
      name: 'Delete, read back, delete a missing one',
      description: 'DELETE /api/todos/2, GET it, DELETE /api/todos/999 (no such row), then DELETE /api/todos/abc.',
      scenario: {
        requests: [
          { at: 0, method: 'DELETE', path: '/api/todos/2' },
          { at: 100, method: 'GET', path: '/api/todos/2' },
          { at: 200, method: 'DELETE', path: '/api/todos/abc' },
          { at: 300, method: 'DELETE', path: '/api/todos/999' },
        ],
      },
    },
    {
      name: 'Read one',
      scenario: { requests: [{ method: 'GET', path: '/api/todos/2' }] },
    },
  ],
  // The starter exports no DELETE, so Next.js answers the last request with 405.
  expect: { status: 405 },
  exercise: {
    goal: 'Export DELETE from app/api/todos/[id]/route.ts: 204 when it deletes a todo, 404 when there is no such todo, 400 for an invalid id.',
    checks: [
      { type: 'request-status', method: 'DELETE', path: '/api/todos/2', status: 204, label: 'DELETE /api/todos/2 answers 204' },
      { type: 'request-status', method: 'GET', path: '/api/todos/2', status: 404, label: 'The deleted todo is gone (GET answers 404)' },
      { type: 'request-status', method: 'DELETE', path: '/api/todos/999', status: 404, label: 'DELETE of a missing todo answers 404' },
      { type: 'request-status', method: 'DELETE', path: '/api/todos/abc', status: 400, label: 'DELETE with an invalid id answers 400' },
      { type: 'table-row-count', table: 'todos', count: 2, label: 'Exactly one row was deleted (2 left)' },
      { type: 'no-status-class', class: 5, label: 'No 5xx responses' },
    ],
    hints: [
      "A route handler answers a method by exporting a function with that method's name, next to the existing GET.",
      'Validate the id first (the file already has a schema for it) and answer 400 when it is not a positive integer.',
      "A DELETE query's result has rowCount: 0 means there was no such todo (404); otherwise answer 204 with no body (new Response(null, …)).",
    ],
  },
} satisfies ExampleMetaInput
