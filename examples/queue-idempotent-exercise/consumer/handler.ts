import type { SQSBatchResponse, SQSEvent } from 'aws-lambda'
import { pool } from '@/lib/db'
import { reserveStock } from '@/lib/warehouse'

// Credits loyalty points for each order, then reserves its stock. SQS delivers at least once, and a
// batch that times out comes back whole after the visibility timeout: make a second delivery of the
// same message credit nothing. The processed_messages table in db/schema.sql is there for you.
export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  for (const record of event.Records) {
    const { orderId, total } = JSON.parse(record.body) as { orderId: number; total: number }
    await pool.query('INSERT INTO loyalty_points (order_id, points) VALUES ($1, $2)', [orderId, Math.floor(total / 100)])
    await reserveStock(orderId)
  }
  return { batchItemFailures: [] }
}
