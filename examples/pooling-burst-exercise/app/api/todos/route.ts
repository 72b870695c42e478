import type { NextRequest } from 'next/server'
import { Pool } from 'pg'
import { z } from 'zod'

const Query = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) })

export async function GET(request: NextRequest) {
  const parsed = Query.safeParse(Object.fromEntries(request.nextUrl.searchParams))
  if (!parsed.success) {
    return Response.json({ error: parsed.error.issues[0].message }, { status: 400 })
  }

  // TODO: one pool per request means one connection per request. Use a module-scope pool
  // from lib/db.ts instead, and size its max so that instances × max stays within the limit.
  const pool = new Pool({ connectionString: process.env.DATABASE_URL })
  // A connection that drops while idle in the pool (a server restart, an idle timeout) is reported as an
  // 'error' event on the pool; with no listener, Node treats it as uncaught and the process exits.
  pool.on('error', (error) => console.error('idle database client failed:', error.message))
  try {
    const { rows } = await pool.query('SELECT id, title, done FROM todos ORDER BY id LIMIT $1', [
      parsed.data.limit,
    ])
    return Response.json(rows)
  } finally {
    await pool.end()
  }
}
