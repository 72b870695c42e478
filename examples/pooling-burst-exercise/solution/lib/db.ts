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
