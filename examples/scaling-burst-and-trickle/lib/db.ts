import { Pool } from 'pg'

// Module scope: created once per instance, when the instance starts.
// Every request that instance serves, including concurrent ones on Fluid, shares it.
export const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 5,
  idleTimeoutMillis: 10_000,
})
// A connection that drops while idle in the pool (a server restart, an idle timeout) is reported as an
// 'error' event on the pool; with no listener, Node treats it as uncaught and the process exits.
pool.on('error', (error) => console.error('idle database client failed:', error.message))
