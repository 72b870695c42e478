import type { NextRequest } from 'next/server'
import { pool } from '@/lib/db'
import { currentUserId } from '@/lib/auth'

// GET /api/todos?q=milk searches the signed-in user's todos.
export async function GET(request: NextRequest) {
  const userId = await currentUserId(request)
  if (userId === null) return Response.json({ error: 'Sign in first' }, { status: 401 })

  const q = request.nextUrl.searchParams.get('q') ?? ''

  // DANGER: the search text is pasted into the SQL text.
  const sql =
    `SELECT id, user_id, title FROM todos ` +
    `WHERE user_id = ${userId} AND title ILIKE '%${q}%' ORDER BY id`
  const { rows } = await pool.query(sql)
  return Response.json({ count: rows.length, todos: rows })
}
