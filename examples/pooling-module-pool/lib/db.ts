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
