import { Client } from 'pg'

/** What a room needs of a socket: the `ws` package's send. */
interface Socket {
  send(data: string): void
}

export const rooms = {
  /** A set of sockets on this instance, and a way to send to all of them. */
  create() {
    const sockets = new Set<Socket>()
    return {
      join: (ws: Socket) => sockets.add(ws),
      leave: (ws: Socket) => sockets.delete(ws),
      broadcast(text: string) {
        for (const ws of sockets) ws.send(text)
      },
      get size() {
        return sockets.size
      },
    }
  },

  /**
   * LISTEN on a channel over a dedicated connection (a direct URL: LISTEN does not work
   * through a transaction-mode pooler) and call `onMessage` with each payload.
   */
  async listen(channel: string, onMessage: (payload: string) => void) {
    const client = new Client({ connectionString: process.env.DATABASE_URL })
    client.on('error', (error) => console.error('listener failed:', error.message))
    client.on('notification', (message) => {
      if (message.channel === channel) onMessage(message.payload ?? '')
    })
    await client.connect()
    await client.query(`LISTEN ${client.escapeIdentifier(channel)}`)
  },
}
