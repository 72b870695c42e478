import type { ExampleMetaInput } from '@/lib/examples/schema'

const alice = { cookie: 'session=alice-session-token' }
// ' OR '1'='1' --   (the -- comments out the rest of the query)
const injected = '/api/todos?q=%27%20OR%20%271%27%3D%271%27%20--'

export default {
  title: 'Exercise: fix the injectable search',
  description: 'The search pastes ?q= into the SQL text. Make it a parameterised query.',
  files: {
    visible: ['app/api/todos/route.ts', 'lib/auth.ts', 'lib/db.ts', 'db/schema.sql', 'db/seed.sql'],
    active: 'app/api/todos/route.ts',
  },
  platform: { profile: 'fluid' },
  presets: [
    {
      name: 'Search, apostrophe, injection',
      expectServerErrors:
        'The starter pastes the search text into the SQL: the apostrophe breaks the query (42601) and the route answers 500.',
      description: "Alice searches for “milk”, then for “bob's”, then sends ' OR '1'='1' -- as the search text.",
      scenario: {
        requests: [
          { at: 0, path: '/api/todos?q=milk', headers: alice },
          { at: 200, path: '/api/todos?q=bob%27s', headers: alice },
          { at: 400, path: injected, headers: alice },
        ],
      },
    },
    {
      name: 'Normal search',
      scenario: { requests: [{ path: '/api/todos?q=milk', headers: alice }] },
    },
  ],
  // The starter answers the injected request with 200 and every user's rows.
  expect: { status: 200 },
  exercise: {
    goal: "Alice's search must only ever return Alice's todos, whatever she types. Pass the search text as a query parameter ($2) instead of pasting it into the SQL.",
    checks: [
      { type: 'body-includes', path: '/api/todos?q=milk', text: '"count":1', label: 'A normal search still finds “Buy milk”' },
      { type: 'request-status', path: '/api/todos?q=bob%27s', status: 200, label: 'A search containing an apostrophe answers 200, not 500' },
      { type: 'body-includes', path: injected, text: '"count":0', label: "The injected search returns no rows (none of Bob's)" },
      { type: 'no-database-error', label: 'The database reports no SQL errors' },
    ],
    hints: [
      'Try the search with an apostrophe: the search text becomes part of the SQL itself. Whatever the reader types must travel as data, never as SQL text.',
      'pool.query takes the SQL and an array of values: $1, $2 in the SQL refer to them. userId is already one candidate; the search text is the other.',
      "The % wildcards belong to the value, not the SQL around it: build the pattern with '%' || $2 || '%' (or in JavaScript), so the SQL text never changes.",
    ],
  },
} satisfies ExampleMetaInput
