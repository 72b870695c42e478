/** A client's session with the simulated server, and the server connection behind it. */
import type { Scheduler } from '../clock/scheduler'
import type { PgNotification } from './notifications'

export interface ServerConnection {
  id: number
  open: boolean
  inTx: boolean
  /** The transaction failed: every statement but ROLLBACK is refused (ReadyForQuery status 'E'). */
  txFailed: boolean
  /** Virtual ms of the BEGIN of the transaction it is in. */
  txSince?: number
  /** The direct session using it (pooler connections have none). */
  session?: Session
  idleTimer?: ReturnType<Scheduler['schedule']>
}

/** A client's connection: straight to the server, or to the pooler. */
export interface Session {
  kind: 'direct' | 'pooler'
  open: boolean
  instance?: string
  /** Direct: the server connection. Pooler: the server connection lent for the current transaction. */
  server?: ServerConnection
  /** Called when the server side closes the connection (idle timeout). */
  onServerClose?: (error: Error) => void
  /** Called with each notification on a channel this session LISTENs to (notifications.ts). */
  onNotification?: (message: PgNotification) => void
  /** Settings the client sent in its startup message (pg's connection options). */
  options: SessionOptions
  /** ReadyForQuery's transaction status after the last statement: idle, in a transaction, failed. */
  txStatus: 'I' | 'T' | 'E'
}

/** What pg sends in the startup message from `statement_timeout`, `idle_in_transaction_session_timeout`, `application_name`. */
export interface SessionOptions {
  /** ms; overrides the database's `statementTimeoutMs` for this session (0 = off). */
  statementTimeoutMs?: number
  /** ms; the server closes a session idle inside a transaction this long, with 25P03 (0 = off). */
  idleInTransactionTimeoutMs?: number
  applicationName?: string
}
