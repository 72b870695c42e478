import { experimental_upgradeWebSocket } from '@vercel/functions'
import { pool } from '@/lib/db'
import { listen, room } from '@/lib/sockets'

export const maxDuration = 60

// One LISTEN connection per instance, opened with its first socket. Postgres sends every
// NOTIFY on 'chat' to each listening instance, which passes it on to its own sockets.
let listening: Promise<void> | undefined

export async function GET() {
  return experimental_upgradeWebSocket(async (ws) => {
    room.join(ws)
    ws.on('message', async (data) => {
      // Publish instead of broadcasting: every instance hears it, this one included.
      await pool.query('SELECT pg_notify($1, $2)', ['chat', data.toString()])
    })
    ws.on('close', () => room.leave(ws))
    listening ??= listen('chat', (payload) => room.broadcast(payload))
    await listening
  })
}
