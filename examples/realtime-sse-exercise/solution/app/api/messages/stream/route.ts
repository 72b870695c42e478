import type { NextRequest } from 'next/server'
import { messagesAfter } from '@/lib/messages'

export const maxDuration = 60 // the open stream counts toward it
const STREAM_FOR_MS = 10_000
const CHECK_EVERY_MS = 1_000

export async function GET(request: NextRequest) {
  let lastId = Number(request.headers.get('last-event-id') ?? 0) || 0
  const encoder = new TextEncoder()
  let timer: ReturnType<typeof setInterval> | undefined

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const startedAt = Date.now()
      const send = async () => {
        for (const message of await messagesAfter(lastId)) {
          lastId = message.id
          controller.enqueue(encoder.encode(`id: ${message.id}\nevent: message\ndata: ${JSON.stringify(message)}\n\n`))
        }
        if (Date.now() - startedAt >= STREAM_FOR_MS) {
          clearInterval(timer)
          controller.close()
        }
      }
      void send() // history first, then every second
      timer = setInterval(send, CHECK_EVERY_MS)
    },
    cancel() {
      clearInterval(timer)
    },
  })

  return new Response(stream, {
    headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache, no-transform' },
  })
}
