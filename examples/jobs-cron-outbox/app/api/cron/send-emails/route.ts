import { pool } from '@/lib/db'
import { sendEmail } from '@/lib/email'

export async function GET(request: Request) {
  // Anyone can call this URL; only Vercel's cron knows the secret.
  const secret = process.env.CRON_SECRET
  if (!secret || request.headers.get('authorization') !== `Bearer ${secret}`) {
    return Response.json({ error: 'Unauthorized' }, { status: 401 })
  }

  // A small batch per run keeps every run far inside maxDuration.
  const { rows } = await pool.query(
    'SELECT id, recipient, template FROM email_outbox WHERE sent_at IS NULL ORDER BY id LIMIT 20',
  )
  for (const row of rows) {
    await sendEmail(row.recipient, row.template)
    await pool.query('UPDATE email_outbox SET sent_at = now() WHERE id = $1', [row.id])
  }
  return Response.json({ sent: rows.length })
}
