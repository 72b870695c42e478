import 'server-only'
import { Pool } from 'pg'

// Not used yet. The route creates its own pool per request.
export const pool = new Pool({ connectionString: process.env.DATABASE_URL })
