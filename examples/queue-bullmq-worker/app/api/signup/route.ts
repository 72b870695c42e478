import { z } from 'zod'
import { pool } from '@/lib/db'
import { emails } from '@/lib/queue'

const Signup = z.object({ email: z.string().email() })

// The producer: store the user, add a job for the welcome email, answer at once. The worker
// (worker.ts, its own long-running process) sends it, retrying with exponential backoff.
export async function POST(request: Request) {
  const parsed = Signup.safeParse(await request.json().catch(() => null))
  if (!parsed.success) return Response.json({ error: 'Send { "email": string }' }, { status: 400 })
  const { rows } = await pool.query<{ id: number }>(
    'INSERT INTO users (email) VALUES ($1) ON CONFLICT (email) DO UPDATE SET email = EXCLUDED.email RETURNING id',
    [parsed.data.email],
  )
  const userId = rows[0].id
  // The job id makes a retried request harmless: a second add() with the same id adds nothing.
  await emails.add(
    'welcome',
    { userId, email: parsed.data.email },
    { jobId: `welcome-${userId}`, attempts: 4, backoff: { type: 'exponential', delay: 1000 } },
  )
  return Response.json({ userId }, { status: 201 })
}
