import { experimental_upgradeWebSocket } from '@vercel/functions'
import { room } from '@/lib/sockets'

// Next.js has no WebSocket API in route handlers: this is Vercel's own upgrade, and it works
// only on Vercel Functions (Fluid compute). Each connection stays pinned to this instance.
export const maxDuration = 60

export async function GET() {
  return experimental_upgradeWebSocket((ws) => {
    room.join(ws)
    // Send to every socket in the room: the room of THIS instance.
    ws.on('message', (data) => room.broadcast(data.toString()))
    ws.on('close', () => room.leave(ws))
  })
}
