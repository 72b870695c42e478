import { z } from 'zod'
import { pool } from '@/lib/db'

const Signup = z.object({ email: z.email() })

export async function POST(request: Request) {
  const parsed = Signup.safeParse(await request.json().catch(() => null))
  if (!parsed.success) return Response.json({ error: 'A valid email is required' }, { status: 400 })

  // The user and the email to send are committed together: the email can no longer be lost, only delayed.
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const { rows } = await client.query('INSERT INTO users (email) VALUES ($1) RETURNING id, email', [parsed.data.email])
    await client.query('INSERT INTO email_outbox (recipient, template) VALUES ($1, $2)', [parsed.data.email, 'welcome'])
    await client.query('COMMIT')
    return Response.json(rows[0], { status: 201 })
  } catch (error) {
    await client.query('ROLLBACK')
    throw error
  } finally {
    client.release()
  }
}
