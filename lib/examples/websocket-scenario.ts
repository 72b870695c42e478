/**
 * The WebSocket part of a preset's scenario, and the exercise check over what the clients received.
 * The `.describe()` texts are the documentation (lib/lab/websocket/types.ts holds the same shapes
 * for the engine; schema.ts checks that they agree).
 */
import { z } from 'zod'

const webSocketClientSchema = z
  .object({
    at: z.number().nonnegative().optional().describe('Virtual ms when the first client of this line connects (default 0).'),
    path: z
      .string()
      .startsWith('/', 'A WebSocket path starts with "/", e.g. "/api/chat".')
      .describe('The route the clients open with a GET and `Upgrade: websocket`, e.g. "/api/chat".'),
    count: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('How many clients this line connects (default 1). Clients are numbered 1, 2, … across all lines, in order.'),
    interval: z.number().nonnegative().optional().describe('Virtual ms between their connects (default 0 = all at once).'),
    closeAt: z
      .number()
      .nonnegative()
      .optional()
      .describe('Virtual ms when these clients close their connection (code 1000). Default: open until the route or the platform closes it.'),
  })
  .strict()

const webSocketSendSchema = z
  .object({
    client: z.number().int().positive().describe('The client that sends: 1 is the first client `clients` connects.'),
    at: z.number().nonnegative().describe('Virtual ms when it sends.'),
    data: z.string().describe('The text message.'),
  })
  .strict()

export const webSocketPlanSchema = z
  .object({
    clients: z.array(webSocketClientSchema).min(1, 'Plan at least one client, e.g. { path: "/api/chat", count: 4 }.').describe('Who connects, where and when.'),
    send: z.array(webSocketSendSchema).optional().describe('Text messages: client k sends `data` at `at`.'),
  })
  .strict()
  .describe(
    "Simulated WebSocket clients. Each connects to a route that calls `experimental_upgradeWebSocket` (on the `fluid` profile), is pinned to the instance that took it, and records every message it receives; the Results' WebSockets tab shows them.",
  )

export const webSocketReceivedCheckSchema = z
  .object({
    type: z.literal('websocket-received'),
    client: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('Only this client (1 is the first connected); default: every client the preset connects.'),
    text: z.string().describe('Each of those clients must have received a message containing this text.'),
    label: z.string().min(1),
  })
  .strict()
