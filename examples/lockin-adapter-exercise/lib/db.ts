import { Pool } from 'pg'

export const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 10,
  idleTimeoutMillis: 5_000,
})
// On Vercel you would also want attachDatabasePool(pool) here; put it behind lib/platform.ts.
