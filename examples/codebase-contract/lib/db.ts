import { Pool } from 'pg'

// One pool per instance: module scope survives between requests on a warm instance,
// so connections are reused instead of opened for every request.
export const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 5,
  idleTimeoutMillis: 10_000,
})
// A connection that drops while idle in the pool (a server restart, an idle timeout) is reported as an
// 'error' event on the pool; with no listener, Node treats it as uncaught and the process exits.
pool.on('error', (error) => console.error('idle database client failed:', error.message))
