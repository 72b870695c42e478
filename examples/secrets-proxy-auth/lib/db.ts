import 'server-only' // importing this file from a Client Component is now a build error
import { Pool } from 'pg'

// DATABASE_URL has no NEXT_PUBLIC_ prefix, so it exists only on the server.
export const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 5 })
