import type { NextRequest } from 'next/server'
import { z } from 'zod'
import { pool } from '@/lib/db'
import { currentUserId } from '@/lib/auth'

const Search = z.string().max(100)

// GET /api/todos?q=milk searches the signed-in user's todos.
export async function GET(request: NextRequest) {
  const userId = await currentUserId(request)
  if (userId === null) return Response.json({ error: 'Sign in first' }, { status: 401 })

  const parsed = Search.safeParse(request.nextUrl.searchParams.get('q') ?? '')
  if (!parsed.success) return Response.json({ error: 'q is too long' }, { status: 400 })

  // The SQL text is fixed; the values travel separately as $1 and $2 and are never parsed as SQL.
  const { rows } = await pool.query(
    `SELECT id, user_id, title FROM todos
     WHERE user_id = $1 AND title ILIKE '%' || $2 || '%' ORDER BY id`,
    [userId, parsed.data],
  )
  return Response.json({ count: rows.length, todos: rows })
}
