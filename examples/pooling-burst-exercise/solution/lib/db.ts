import 'server-only'
import { Pool } from 'pg'

// A burst of 100 on Fluid starts 4 instances (up to 30 requests each).
// 4 instances × max 4 = 16 connections: inside max_connections 20, with 4 to spare
// for migrations and your own psql session.
export const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 4,
  idleTimeoutMillis: 10_000,
})
// A connection that drops while idle in the pool (a server restart, an idle timeout) is reported as an
// 'error' event on the pool; with no listener, Node treats it as uncaught and the process exits.
pool.on('error', (error) => console.error('idle database client failed:', error.message))
