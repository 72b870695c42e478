import type { ExampleMetaInput } from '@/lib/examples/schema'

export default {
  title: 'Exercise: add a priority, end to end',
  description: 'The database already has a priority column. Add it to the contract and the route, with validation.',
  files: {
    visible: ['lib/todo-contract.ts', 'app/api/todos/route.ts', 'lib/client.ts', 'db/schema.sql'],
    active: 'lib/todo-contract.ts',
  },
  platform: { profile: 'fluid' },
  presets: [
    {
      name: 'Valid, invalid, then list',
      description: 'POST a todo with priority 3, POST one with priority 7, then GET the list.',
      scenario: {
        requests: [
          { at: 0, method: 'POST', path: '/api/todos', body: { title: 'Ship it', priority: 3 } },
          { at: 200, method: 'POST', path: '/api/todos', body: { title: 'Panic', priority: 7 } },
          { at: 400, method: 'GET', path: '/api/todos' },
        ],
      },
    },
  ],
  expect: { status: 200 },
  exercise: {
    goal: 'Accept an optional priority from 1 to 3 (default 2): store it, return it, and answer 400 with a zod issue for anything else.',
    checks: [
      { type: 'body-includes', method: 'GET', path: '/api/todos', text: '"title":"Ship it","done":false,"priority":3', label: '“Ship it” is stored and listed with priority 3' },
      { type: 'body-includes', method: 'POST', path: '/api/todos', text: '"path":["priority"]', label: 'Priority 7 is rejected with a zod issue on priority (the last POST)' },
      { type: 'table-row-count', table: 'todos', count: 4, label: 'Only the valid todo was stored (3 seeded + 1)' },
      { type: 'no-status-class', class: 5, label: 'No 5xx responses' },
    ],
    hints: [
      'The database already has a priority column (db/schema.sql). What is missing is the contract in lib/todo-contract.ts, and the SQL in the route.',
      'Define the priority rule once (a whole number from 1 to 3) and use it in both the Todo schema and NewTodoSchema; in NewTodoSchema give it a default of 2.',
      "The route must name priority in both the SELECT and the INSERT … RETURNING columns, and pass it as a second parameter ($2). With a default in the schema, the type of a new todo is the schema's input, not its output.",
    ],
  },
} satisfies ExampleMetaInput
