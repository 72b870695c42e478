import type { ExampleMetaInput } from '@/lib/examples/schema'

export default {
  title: 'Exercise: stream new messages',
  description: 'GET /api/messages/stream returns the messages once. Make it a server-sent events stream.',
  files: {
    visible: ['app/api/messages/stream/route.ts', 'app/api/messages/route.ts', 'lib/messages.ts', 'db/schema.sql'],
    active: 'app/api/messages/stream/route.ts',
  },
  platform: { profile: 'fluid' },
  presets: [
    {
      name: 'Listen while two messages arrive',
      description: 'Two messages are posted at 2 s and 6 s while one client listens to GET /api/messages/stream from 0 s.',
      scenario: {
        requests: [
          { at: 2_000, method: 'POST', path: '/api/messages', body: { body: 'Standup moved to 10:00' } },
          { at: 6_000, method: 'POST', path: '/api/messages', body: { body: 'Deploy went fine' } },
          { at: 0, path: '/api/messages/stream' },
        ],
      },
    },
  ],
  // The starter answers at once with JSON: 200, but no stream.
  expect: { status: 200 },
  exercise: {
    goal: 'Stream every message, including the two posted while the client listens, as `event: message` lines with content-type text/event-stream.',
    checks: [
      { type: 'request-status', method: 'GET', path: '/api/messages/stream', status: 200, label: 'GET /api/messages/stream answers 200' },
      { type: 'body-includes', method: 'GET', path: '/api/messages/stream', text: 'event: message\ndata: ', label: 'The response is made of `event: message` events' },
      { type: 'body-includes', method: 'GET', path: '/api/messages/stream', text: 'Standup moved to 10:00', label: 'The message posted at 2 s reaches the listener' },
      { type: 'body-includes', method: 'GET', path: '/api/messages/stream', text: 'Deploy went fine', label: 'The message posted at 6 s reaches the listener' },
      { type: 'no-status-class', class: 5, label: 'No 5xx responses' },
    ],
    hints: [
      'A server-sent events response is a ReadableStream with the content-type text/event-stream, returned right away and written to over time.',
      "In the stream's start(), check for messages after the last id every second (setInterval), and write each as `id: …`, `event: message` and `data: <JSON>` lines followed by a blank line.",
      "Close the stream (clearInterval, then controller.close()) after about 10 seconds, and let the route's maxDuration allow for the time the stream is open.",
    ],
  },
} satisfies ExampleMetaInput
