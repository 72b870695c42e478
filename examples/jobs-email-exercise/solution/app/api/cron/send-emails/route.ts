import { pool } from '@/lib/db'
import { sendWelcomeEmail } from '@/lib/email'

export async function GET(request: Request) {
  const secret = process.env.CRON_SECRET
  if (!secret || request.headers.get('authorization') !== `Bearer ${secret}`) {
    return Response.json({ error: 'Unauthorized' }, { status: 401 })
  }

  // Claim a small batch (overlapping runs skip each other's rows); a claim older than 10 minutes
  // belongs to a run that died, and is taken again.
  const { rows } = await pool.query(
    `UPDATE email_outbox SET claimed_at = now()
     WHERE id IN (
       SELECT id FROM email_outbox
       WHERE sent_at IS NULL AND (claimed_at IS NULL OR claimed_at < now() - interval '10 minutes')
       ORDER BY id LIMIT 20
       FOR UPDATE SKIP LOCKED
     )
     RETURNING id, recipient`,
  )
  let sent = 0
  for (const row of rows) {
    try {
      await sendWelcomeEmail(row.recipient)
      await pool.query('UPDATE email_outbox SET sent_at = now() WHERE id = $1', [row.id])
      sent++
    } catch (error) {
      // Release the claim: the next run (a minute later) tries this row again.
      await pool.query('UPDATE email_outbox SET claimed_at = NULL WHERE id = $1', [row.id])
      console.error(`will retry: ${(error as Error).message}`)
    }
  }
  return Response.json({ claimed: rows.length, sent })
}
