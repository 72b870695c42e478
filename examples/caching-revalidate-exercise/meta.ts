import type { ExampleMetaInput } from '@/lib/examples/schema'

export default {
  title: 'Exercise: show the new todo straight after a write',
  description: 'The list is cached for an hour, so a todo you just created does not appear. Revalidate after the write.',
  files: { active: 'app/api/todos/route.ts', visible: ['app/api/todos/route.ts', 'app/api/todos/cached/route.ts', 'lib/db.ts', 'db/schema.sql', 'db/seed.sql'] },
  platform: { profile: 'fluid' },
  presets: [
    {
      name: 'Read, write, read again',
      description: 'GET /api/todos/cached, POST a new todo a second later, then GET the list again.',
      scenario: {
        requests: [
          { at: 0, path: '/api/todos/cached' },
          { at: 1000, method: 'POST', path: '/api/todos', body: { title: 'Water the plants' } },
          { at: 2000, path: '/api/todos/cached' },
        ],
      },
    },
  ],
  // The starter serves the last GET from the cache (200, but without the new todo).
  expect: { status: 200 },
  exercise: {
    goal: 'After the POST, the very next GET /api/todos/cached must include “Water the plants”. Revalidate the cached list in the POST handler.',
    checks: [
      { type: 'request-status', method: 'POST', path: '/api/todos', status: 201, label: 'POST /api/todos answers 201' },
      { type: 'body-includes', method: 'GET', path: '/api/todos/cached', text: 'Water the plants', label: 'The GET after the POST includes the new todo' },
      { type: 'metric-at-most', metric: 'databaseQueries', value: 3, label: 'Still cached: at most 3 queries in the run' },
      { type: 'no-status-class', class: 5, label: 'No 5xx responses' },
    ],
    hints: [
      'The GET serves a cached copy of the list; the POST changes the rows but not that copy. Something has to tell Next.js the copy is out of date.',
      'Next.js can purge a cached path on demand from the handler that changed the data: look at what `next/cache` exports.',
      'Call it in the POST handler after the INSERT, with the path of the cached GET (/api/todos/cached), not /api/todos.',
    ],
  },
} satisfies ExampleMetaInput
