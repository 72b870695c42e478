import { after } from 'next/server'
import { z } from 'zod'
import { pool } from '@/lib/db'
import { sendWelcomeEmail } from '@/lib/email'

const Signup = z.object({ email: z.email() })

export async function POST(request: Request) {
  const parsed = Signup.safeParse(await request.json().catch(() => null))
  if (!parsed.success) return Response.json({ error: 'A valid email is required' }, { status: 400 })

  const { rows } = await pool.query('INSERT INTO users (email) VALUES ($1) RETURNING id, email', [parsed.data.email])

  // Fast, and fine while the provider is up. When a send fails, after() does not try again.
  after(() => sendWelcomeEmail(parsed.data.email))

  return Response.json(rows[0], { status: 201 })
}
