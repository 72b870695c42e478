/** What this module needs of a socket: the `ws` package's send. */
interface Socket {
  send(data: string): void
}

// The dashboards connected to THIS instance (module scope is per instance).
const sockets = new Set<Socket>()

export function addDashboard(ws: Socket) {
  sockets.add(ws)
  return () => sockets.delete(ws)
}

/** Tell every open dashboard about a new order. */
export async function announceOrder(order: { id: number; item: string; quantity: number }) {
  const text = JSON.stringify(order)
  for (const ws of sockets) ws.send(text)
}
