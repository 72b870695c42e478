import { Client } from 'pg'
import { pool } from './db'

/** What this module needs of a socket: the `ws` package's send. */
interface Socket {
  send(data: string): void
}

// The dashboards connected to THIS instance (module scope is per instance).
const sockets = new Set<Socket>()

// Each instance that holds dashboards LISTENs on 'orders' over one dedicated connection
// (a direct URL: LISTEN does not work through a transaction-mode pooler).
let listening: Promise<void> | undefined
function listen() {
  listening ??= (async () => {
    const client = new Client({ connectionString: process.env.DATABASE_URL })
    client.on('error', (error) => console.error('listener failed:', error.message))
    client.on('notification', (message) => {
      for (const ws of sockets) ws.send(message.payload ?? '')
    })
    await client.connect()
    await client.query('LISTEN orders')
  })()
  return listening
}

export async function addDashboard(ws: Socket) {
  sockets.add(ws)
  await listen()
  return () => sockets.delete(ws)
}

/** Publish a new order: Postgres hands it to every instance that listens, whichever ran the POST. */
export async function announceOrder(order: { id: number; item: string; quantity: number }) {
  await pool.query('SELECT pg_notify($1, $2)', ['orders', JSON.stringify(order)])
}
