import type { ExampleMetaInput } from '@/lib/examples/schema'

const hourly = (path: string) => ({ requests: [{ path, count: 60, interval: 60_000 }] })

export default {
  title: 'The same list, cached and uncached',
  description: 'Two GET handlers over the same query; one opts in to caching with `export const revalidate = 600`.',
  files: {
    visible: ['app/api/todos/cached/route.ts', 'app/api/todos/route.ts', 'lib/todos.ts', 'lib/db.ts'],
    active: 'app/api/todos/cached/route.ts',
  },
  platform: { profile: 'fluid' },
  presets: [
    {
      name: 'Cached: one a minute for an hour',
      description: 'GET /api/todos/cached once a minute, 60 times. Look at the x-vercel-cache header and the query count.',
      scenario: hourly('/api/todos/cached'),
    },
    {
      name: 'Uncached: one a minute for an hour',
      description: 'GET /api/todos once a minute, 60 times. Every request runs the query.',
      scenario: hourly('/api/todos'),
    },
  ],
  expect: { status: 200 },
} satisfies ExampleMetaInput
