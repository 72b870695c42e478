import { Pool } from 'pg'

// One pool per instance, created once at module scope.
export const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 5 })
