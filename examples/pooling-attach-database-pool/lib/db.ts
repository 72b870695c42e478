import 'server-only'
import { Pool } from 'pg'
import { attachDatabasePool } from '@vercel/functions'

export const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 5,
  // Close a connection after 5 s without use...
  idleTimeoutMillis: 5_000,
})

// ...and keep a suspended instance alive until those idle connections are closed,
// so none is left open when the platform recycles the instance. (Experimental API.)
attachDatabasePool(pool)
