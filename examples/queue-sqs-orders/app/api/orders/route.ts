import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs'
import { z } from 'zod'
import { pool } from '@/lib/db'

// In the lab this is a simulated SQS on the virtual clock (queues in infra/queues.json), not AWS.
const sqs = new SQSClient({})

const Order = z.object({ email: z.string().email(), total: z.number().int().positive() })

// The producer: store the order, put a message on the queue, answer 202 at once.
// The receipt is the consumer's job (consumer/handler.ts), whenever the queue delivers it.
export async function POST(request: Request) {
  const parsed = Order.safeParse(await request.json().catch(() => null))
  if (!parsed.success) return Response.json({ error: 'Send { "email": string, "total": integer }' }, { status: 400 })
  const { email, total } = parsed.data
  const { rows } = await pool.query<{ id: number }>('INSERT INTO orders (email, total) VALUES ($1, $2) RETURNING id', [
    email,
    total,
  ])
  const orderId = rows[0].id
  await sqs.send(
    new SendMessageCommand({
      QueueUrl: process.env.ORDERS_QUEUE_URL,
      MessageBody: JSON.stringify({ orderId, email, total }),
    }),
  )
  return Response.json({ orderId, status: 'queued' }, { status: 202 })
}
