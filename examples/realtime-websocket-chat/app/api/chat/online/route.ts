import { room } from '@/lib/sockets'

// "Who is online?" from memory: the answer is only this instance's sockets.
export async function GET() {
  return Response.json({ online: room.size })
}
