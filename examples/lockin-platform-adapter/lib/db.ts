import { Pool } from 'pg'
import { registerPool } from '@/lib/platform'

export const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 10,
  idleTimeoutMillis: 5_000,
})
// A connection that drops while idle in the pool (a server restart, an idle timeout) is reported as an
// 'error' event on the pool; with no listener, Node treats it as uncaught and the process exits.
pool.on('error', (error) => console.error('idle database client failed:', error.message))
registerPool(pool)
