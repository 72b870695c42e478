import 'server-only'
import { Pool } from 'pg'

// One pool per instance, created when the module is first evaluated (during the cold start).
// Warm requests on the same instance reuse its connections instead of opening new ones.
// Keep max small: the database sees (instances × max) connections at worst.
export const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 5,
  idleTimeoutMillis: 10_000,
})
// A connection that drops while idle in the pool (a server restart, an idle timeout) is reported as an
// 'error' event on the pool; with no listener, Node treats it as uncaught and the process exits.
pool.on('error', (error) => console.error('idle database client failed:', error.message))
