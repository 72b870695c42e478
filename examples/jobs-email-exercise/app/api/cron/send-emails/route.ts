import { pool } from '@/lib/db'

// vercel.json calls this route every minute, with "Authorization: Bearer <CRON_SECRET>".
export async function GET(request: Request) {
  const secret = process.env.CRON_SECRET
  if (!secret || request.headers.get('authorization') !== `Bearer ${secret}`) {
    return Response.json({ error: 'Unauthorized' }, { status: 401 })
  }

  // Nothing is queued yet: sign-up sends its email itself, with after().
  const { rows } = await pool.query('SELECT count(*)::int AS pending FROM email_outbox WHERE sent_at IS NULL')
  return Response.json({ pending: rows[0].pending, sent: 0 })
}
