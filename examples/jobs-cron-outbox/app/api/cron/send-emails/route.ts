import { pool } from '@/lib/db'
import { sendEmail } from '@/lib/email'

export async function GET(request: Request) {
  // Anyone can call this URL; only Vercel's cron knows the secret.
  const secret = process.env.CRON_SECRET
  if (!secret || request.headers.get('authorization') !== `Bearer ${secret}`) {
    return Response.json({ error: 'Unauthorized' }, { status: 401 })
  }

  // Claim a small batch in one statement before sending anything. Two runs can overlap (a slow run, a
  // manual call, a retry): SKIP LOCKED and the claim make each row go to one run only, so nobody gets
  // the same email twice. A small batch keeps every run far inside maxDuration.
  const { rows } = await pool.query(
    `UPDATE email_outbox SET claimed_at = now()
     WHERE id IN (
       SELECT id FROM email_outbox
       WHERE sent_at IS NULL AND (claimed_at IS NULL OR claimed_at < now() - interval '10 minutes')
       ORDER BY id LIMIT 20
       FOR UPDATE SKIP LOCKED
     )
     RETURNING id, recipient, template`,
  )
  for (const row of rows) {
    await sendEmail(row.recipient, row.template)
    await pool.query('UPDATE email_outbox SET sent_at = now() WHERE id = $1', [row.id])
  }
  return Response.json({ sent: rows.length })
}
