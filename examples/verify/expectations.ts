/**
 * The allow-list: requests whose REAL result legitimately differs from the lab engine's, because the
 * lesson is about something only the simulated platform has (a `maxDuration` timeout, a frozen
 * lambda, a `max_connections` of 20, …). Every entry names the variant, the request, WHY it differs,
 * and what the real `next start` + Postgres run must give instead; that is asserted, so an entry is
 * still a test. An entry whose request now matches the engine, or that names a request the run no
 * longer sends, fails the run too, so the list cannot go stale silently.
 *
 * Everything not listed here is compared with the engine. New examples are always verified.
 *
 * `key` is the example id, or `<id>--solution` for an exercise's solution. `index` is the request's
 * index in the engine's result (plan order; crons from vercel.json come after the plan).
 */

export type RealExpectation =
  /** The real app must answer with this status (and, if given, a body that contains this text / equals this JSON). */
  | { kind: 'response'; status: number; bodyIncludes?: string; json?: unknown }
  /**
   * The real request must still be running after `seconds`. The verifier then stops waiting,
   * restarts `next start` (which closes the app's database connections, so Postgres rolls back
   * whatever transaction they held) and carries on with the next request.
   */
  | { kind: 'still-running'; seconds: number }
  /**
   * The request is not sent to the real app at all, because it cannot run there without breaking
   * the run (say, a statement that would block the embedded database for minutes). `why` must say
   * so; prefer the kinds above whenever the real result can be asserted.
   */
  | { kind: 'not-sent' }

export interface Expectation {
  key: string
  request: { index: number; method: string; path: string }
  why: string
  real: RealExpectation
}

/**
 * The WebSocket clients' upgrade requests (listed after a plan's own requests). The lab runs them as
 * Vercel does on Fluid: `experimental_upgradeWebSocket` upgrades, the request reports 101 and stays
 * open. Vercel's upgrade needs Vercel's runtime, which cannot run here: on `next start` the real
 * `@vercel/functions` finds no Vercel request context and throws "experimental_upgradeWebSocket is not
 * available in the current runtime environment", so the route answers 500 with no body, which is what
 * the lab answers on its `lambda` and `server` profiles. Asserting that 500 proves the off-Vercel half;
 * the LISTEN/NOTIFY half runs on the real PostgreSQL in pg-conformance.ts (cases listen-notify-*,
 * notify-from-trigger-*) and in the exercise's POSTs (pg_notify), which are compared as usual.
 */
function webSocketUpgrades(key: string, path: string, first: number, count: number): Expectation[] {
  return Array.from({ length: count }, (_, i) => ({
    key,
    request: { index: first + i, method: 'GET', path },
    why:
      "A WebSocket client's upgrade: Vercel's experimental_upgradeWebSocket needs Vercel's runtime (the lab's fluid profile answers 101 and keeps the connection). " +
      'On `next start`, @vercel/functions throws "experimental_upgradeWebSocket is not available in the current runtime environment", so the route answers 500.',
    real: { kind: 'response', status: 500 } as const,
  }))
}

export const expectations: Expectation[] = [
  ...webSocketUpgrades('realtime-websocket-chat', '/api/chat', 1, 6),
  ...webSocketUpgrades('realtime-websocket-exercise', '/api/dashboard', 2, 4),
  ...webSocketUpgrades('realtime-websocket-exercise--solution', '/api/dashboard', 2, 4),
  {
    key: 'limits-long-transaction',
    request: { index: 0, method: 'POST', path: '/api/invoices/close-month' },
    why:
      'The simulated fluid platform stops the function at maxDuration (300 s) and answers 504 FUNCTION_INVOCATION_TIMEOUT. ' +
      '`next start` has no maxDuration: the handler really calls the 750 ms tax stub for 500 invoices (about 375 s), ' +
      'so after 5 s the request is simply still running.',
    real: { kind: 'still-running', seconds: 5 },
  },
  {
    key: 'limits-long-transaction',
    request: { index: 1, method: 'PATCH', path: '/api/invoices/1' },
    why:
      'In the simulator the timed-out function never closes its connection, so its open transaction keeps the row locked and the ' +
      'PATCH waits into its own 504. In the real run the verifier ends the close-month request by restarting `next start`; the ' +
      'connection closes, Postgres rolls the transaction back and releases the lock, so the PATCH succeeds on the still-open invoice.',
    real: { kind: 'response', status: 200, json: { id: 1, status: 'open', paid: true } },
  },
  {
    key: 'limits-close-month-exercise',
    request: { index: 0, method: 'POST', path: '/api/invoices/close-month' },
    why:
      'The starter holds one transaction across 240 calls to the 1.5 s tax stub: the simulator stops it at maxDuration (300 s) with a 504. ' +
      '`next start` has no maxDuration and would really take about 360 s, so after 5 s it is still running. ' +
      '(The solution, ten calls at a time outside the transaction, is NOT allow-listed: it really answers 200 {"closed":240} after about 36 s.)',
    real: { kind: 'still-running', seconds: 5 },
  },
  {
    key: 'limits-statement-timeout',
    request: { index: 0, method: 'GET', path: '/api/reports/revenue' },
    why:
      'The query calls pg_sleep(420) to stand in for a seven-minute scan; the simulator charges those 420 s to the virtual clock and the ' +
      'function hits maxDuration (504). For real, pg_sleep(420) would block the embedded PGlite (and with it every other example) for seven ' +
      'minutes, and PGlite ignores cancel requests, so the request is not sent. The statement_timeout preset (57014 → 503) is covered by the unit tests of lib/lab.',
    real: { kind: 'not-sent' },
  },
]
