import { experimental_upgradeWebSocket } from '@vercel/functions'
import { addDashboard } from '@/lib/dashboards'

// A live dashboard: a WebSocket that receives each new order as JSON.
export async function GET() {
  return experimental_upgradeWebSocket((ws) => {
    const remove = addDashboard(ws)
    ws.on('close', remove)
  })
}
