import type { NextRequest } from 'next/server'
import { messagesAfter } from '@/lib/messages'

// TODO: turn this into a server-sent events stream (content-type text/event-stream) that stays
// open for about 10 seconds, checks for new messages every second, and writes one event per
// message:  id: <id>\nevent: message\ndata: <JSON of the message>\n\n
export async function GET(request: NextRequest) {
  const lastId = Number(request.headers.get('last-event-id') ?? 0) || 0
  return Response.json(await messagesAfter(lastId))
}
