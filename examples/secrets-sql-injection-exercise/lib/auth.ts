import 'server-only'
import type { NextRequest } from 'next/server'
import { pool } from '@/lib/db'

/** The real check: is this session token one the database knows? Returns the user id or null. */
export async function currentUserId(request: NextRequest): Promise<number | null> {
  const token = request.cookies.get('session')?.value
  if (!token) return null
  const { rows } = await pool.query('SELECT user_id FROM sessions WHERE token = $1', [token])
  return rows.length === 1 ? rows[0].user_id : null
}
