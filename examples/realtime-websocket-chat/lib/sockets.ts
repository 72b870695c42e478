import { Client } from 'pg'

/** What the room needs of a socket: the `ws` package's send. */
interface Socket {
  send(data: string): void
}

// The sockets THIS instance holds. Module scope is per instance, so every instance has a room
// of its own, and a broadcast reaches only the clients pinned to the sender's instance.
const sockets = new Set<Socket>()

export const room = {
  join: (ws: Socket) => sockets.add(ws),
  leave: (ws: Socket) => sockets.delete(ws),
  broadcast(text: string) {
    for (const ws of sockets) ws.send(text)
  },
  get size() {
    return sockets.size
  },
}

/**
 * LISTEN on a channel over a dedicated connection (a direct URL: LISTEN does not work through
 * a transaction-mode pooler) and call `onMessage` with each payload.
 */
export async function listen(channel: string, onMessage: (payload: string) => void) {
  const client = new Client({ connectionString: process.env.DATABASE_URL })
  client.on('error', (error) => console.error('listener failed:', error.message))
  client.on('notification', (message) => {
    if (message.channel === channel) onMessage(message.payload ?? '')
  })
  await client.connect()
  await client.query(`LISTEN ${client.escapeIdentifier(channel)}`)
}
