import type { NextRequest } from 'next/server'
import { z } from 'zod'
import { pool } from '@/lib/db'

const Query = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) })

export async function GET(request: NextRequest) {
  const parsed = Query.safeParse(Object.fromEntries(request.nextUrl.searchParams))
  if (!parsed.success) {
    return Response.json({ error: parsed.error.issues[0].message }, { status: 400 })
  }

  // pool.query borrows a connection, runs the query and gives the connection back to the pool.
  const { rows } = await pool.query('SELECT id, title, done FROM todos ORDER BY id LIMIT $1', [
    parsed.data.limit,
  ])
  return Response.json(rows)
}
