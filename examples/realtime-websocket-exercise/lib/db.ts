import { Pool } from 'pg'

export const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 })
pool.on('error', (error) => console.error('idle database client failed:', error.message))
