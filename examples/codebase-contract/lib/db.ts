import { Pool } from 'pg'

// One pool per instance: module scope survives between requests on a warm instance,
// so connections are reused instead of opened for every request.
export const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 5,
  idleTimeoutMillis: 10_000,
})
