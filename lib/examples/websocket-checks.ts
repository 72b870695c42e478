/** The exercise check over what simulated WebSocket clients received (see websocket-scenario.ts). */
import type { RunResult } from '@/lib/lab/types'
import type { CheckVerdict } from './exercise-checks'

export function evaluateWebSocketReceived(
  check: { client?: number; text: string; label: string },
  result: RunResult,
): CheckVerdict {
  const { label } = check
  const clients = (result.webSockets?.clients ?? []).filter((c) => check.client === undefined || c.client === check.client)
  if (clients.length === 0)
    return {
      label,
      pass: false,
      detail: check.client === undefined ? 'The run had no WebSocket clients.' : `The run had no WebSocket client ${check.client}.`,
    }
  const missing = clients.filter((c) => !c.received.some((m) => m.data.includes(check.text)))
  if (missing.length === 0)
    return { label, pass: true, detail: `${clients.length === 1 ? 'The client' : `All ${clients.length} clients`} received “${check.text}”.` }
  const names = missing.map((c) => `${c.client}${c.instance ? ` (on ${c.instance})` : ''}`).join(', ')
  return {
    label,
    pass: false,
    detail: `${missing.length} of ${clients.length} client(s) never received “${check.text}”: client ${names}.`,
  }
}
