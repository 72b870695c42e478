import type { ExampleMetaInput } from '@/lib/examples/schema'

// Three todos are created by someone else while a reader watches for 20 seconds.
const writes = [
  { at: 4_500, method: 'POST', path: '/api/todos', body: { title: 'Review the pull request' } },
  { at: 9_200, method: 'POST', path: '/api/todos', body: { title: 'Deploy the fix' } },
  { at: 15_700, method: 'POST', path: '/api/todos', body: { title: 'Tell the team' } },
]

export default {
  title: 'Polling versus a server-sent events stream',
  description: 'The same news delivered two ways: a GET every second, or one streaming response.',
  files: {
    visible: ['app/api/todos/stream/route.ts', 'app/api/todos/route.ts', 'lib/todos.ts', 'lib/db.ts'],
    active: 'app/api/todos/stream/route.ts',
  },
  platform: { profile: 'fluid' },
  profiles: ['fluid', 'lambda', 'server'],
  presets: [
    {
      name: 'Stream for 20 s',
      description: 'One GET /api/todos/stream?after=3 at 1 s, while three todos are created. Open the Response tab to see each chunk and its time.',
      scenario: { requests: [...writes, { at: 1_000, path: '/api/todos/stream?after=3' }] },
    },
    {
      name: 'Poll every second for 20 s',
      description: 'GET /api/todos once a second, twenty times, while three todos are created.',
      scenario: { requests: [...writes, { at: 1_000, path: '/api/todos', count: 20, interval: 1_000 }] },
    },
  ],
  expect: { status: 200 },
} satisfies ExampleMetaInput
