import type { NextRequest } from 'next/server'
import { todosAfter } from '@/lib/todos'

// The stream counts toward the function's duration: end it well before maxDuration.
export const maxDuration = 60
const STREAM_FOR_MS = 20_000
const CHECK_EVERY_MS = 1_000

// Server-sent events: one long response; the server writes an event whenever there is news.
export async function GET(request: NextRequest) {
  // ?after= is the last id the page already shows. EventSource sends Last-Event-ID when it
  // reconnects, so the client misses nothing across a reconnect.
  const from = request.headers.get('last-event-id') ?? request.nextUrl.searchParams.get('after')
  let lastId = Number(from) || 0
  const encoder = new TextEncoder()
  let timer: ReturnType<typeof setInterval> | undefined

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const startedAt = Date.now()
      controller.enqueue(encoder.encode('retry: 1000\n\n'))
      timer = setInterval(async () => {
        for (const todo of await todosAfter(lastId)) {
          lastId = todo.id
          controller.enqueue(encoder.encode(`id: ${todo.id}\nevent: todo\ndata: ${JSON.stringify(todo)}\n\n`))
        }
        if (Date.now() - startedAt >= STREAM_FOR_MS) {
          clearInterval(timer)
          controller.close() // the browser's EventSource reconnects on its own
        }
      }, CHECK_EVERY_MS)
    },
    cancel() {
      clearInterval(timer) // the client went away
    },
  })

  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache, no-transform',
    },
  })
}
