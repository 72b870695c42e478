import { experimental_upgradeWebSocket } from '@vercel/functions'
import { rooms } from '@/lib/sockets'

// Next.js has no WebSocket API in route handlers: this is Vercel's own upgrade, and it works
// only on Vercel Functions (Fluid compute). Each connection stays pinned to this instance.
export const maxDuration = 60

// Every socket THIS instance holds. Module scope is per instance, so a message reaches
// only the clients that happen to share the sender's instance.
const room = rooms.create()

export async function GET() {
  return experimental_upgradeWebSocket((ws) => {
    room.join(ws)
    ws.on('message', (data) => room.broadcast(data.toString()))
    ws.on('close', () => room.leave(ws))
  })
}
