import { Pool } from 'pg'

// One small pool per instance, created once at module scope.
export const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 })
// An idle client's connection error goes to the pool; without a listener it would crash the process.
pool.on('error', (error) => console.error('idle database client failed:', error.message))
