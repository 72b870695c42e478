import type { ExampleMetaInput } from '@/lib/examples/schema'

export default {
  title: 'Exercise: delete a todo',
  description: 'The route can read a todo but not delete one. Add DELETE.',
  files: { active: 'pages/api/todos/[id].ts' },
  platform: { profile: 'fluid' },
  presets: [
    {
      name: 'Delete, read back, delete a missing one',
      description: 'DELETE /api/todos/1, then GET it, then DELETE /api/todos/999 (which does not exist).',
      scenario: {
        requests: [
          { at: 0, method: 'DELETE', path: '/api/todos/1' },
          { at: 200, method: 'GET', path: '/api/todos/1' },
          { at: 400, method: 'DELETE', path: '/api/todos/999' },
        ],
      },
    },
    {
      name: 'Read one',
      scenario: { requests: [{ method: 'GET', path: '/api/todos/2' }] },
    },
  ],
  // The starter does not handle DELETE yet, so the last request of the default preset answers 405.
  expect: { status: 405 },
  exercise: {
    goal: 'Make DELETE /api/todos/[id] answer 204 when it deletes a todo and 404 when there is no such todo.',
    checks: [
      { type: 'request-status', method: 'DELETE', path: '/api/todos/1', status: 204, label: 'DELETE /api/todos/1 answers 204' },
      { type: 'request-status', method: 'GET', path: '/api/todos/1', status: 404, label: 'The deleted todo is gone (GET answers 404)' },
      { type: 'request-status', method: 'DELETE', path: '/api/todos/999', status: 404, label: 'DELETE of a missing todo answers 404' },
      { type: 'no-status-class', class: 5, label: 'No 5xx responses' },
    ],
    hints: [
      'In the Pages Router one handler answers every method: look at req.method.',
      "For DELETE, run a DELETE query: its result's rowCount says whether the row existed (0 means 404).",
      'A 204 has no body: res.status(204).end(). Add DELETE to the Allow header for the methods you answer.',
    ],
  },
} satisfies ExampleMetaInput
