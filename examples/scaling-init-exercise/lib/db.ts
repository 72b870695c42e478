import { Pool } from 'pg'

// Module scope: created once per instance, when the instance starts.
// Every request that instance serves, including concurrent ones on Fluid, shares it.
export const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 5,
  idleTimeoutMillis: 10_000,
})
