import type { NextRequest } from 'next/server'
import { pool } from '@/lib/db'
import { currentUserId } from '@/lib/auth'

export async function GET(request: NextRequest) {
  // Defence in depth: check the session again, next to the data, whatever the proxy did.
  const userId = await currentUserId(request)
  if (userId === null) {
    return Response.json({ error: 'Invalid or expired session' }, { status: 401 })
  }

  const { rows } = await pool.query(
    'SELECT id, title, done FROM todos WHERE user_id = $1 ORDER BY id',
    [userId],
  )
  return Response.json({ count: rows.length, todos: rows })
}
