import { Pool } from 'pg'
import { registerPool } from '@/lib/platform'

export const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 10,
  idleTimeoutMillis: 5_000,
})
registerPool(pool)
