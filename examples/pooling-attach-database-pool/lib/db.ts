import 'server-only'
import { Pool } from 'pg'
import { attachDatabasePool } from '@vercel/functions'

export const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 5,
  // Close a connection after 5 s without use...
  idleTimeoutMillis: 5_000,
})
// A connection that drops while idle in the pool (a server restart, an idle timeout) is reported as an
// 'error' event on the pool; with no listener, Node treats it as uncaught and the process exits.
pool.on('error', (error) => console.error('idle database client failed:', error.message))

// ...and keep a suspended instance alive until those idle connections are closed,
// so none is left open when the platform recycles the instance. (Experimental API.)
attachDatabasePool(pool)
