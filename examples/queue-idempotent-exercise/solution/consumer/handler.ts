import type { SQSBatchResponse, SQSEvent } from 'aws-lambda'
import { pool } from '@/lib/db'
import { reserveStock } from '@/lib/warehouse'

// Each message is processed in one transaction that first claims its MessageId in processed_messages.
// A second delivery finds the claim and skips the message. A run cut short (the timeout resets the
// function and closes its connection) rolls back its claim with its points, so the retry redoes both.
export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  for (const record of event.Records) {
    const { orderId, total } = JSON.parse(record.body) as { orderId: number; total: number }
    const client = await pool.connect()
    try {
      await client.query('BEGIN')
      const claim = await client.query(
        'INSERT INTO processed_messages (message_id) VALUES ($1) ON CONFLICT (message_id) DO NOTHING',
        [record.messageId],
      )
      if (claim.rowCount === 1) {
        await client.query('INSERT INTO loyalty_points (order_id, points) VALUES ($1, $2)', [
          orderId,
          Math.floor(total / 100),
        ])
        // Inside the transaction: if the function dies here, the claim is rolled back with the points.
        await reserveStock(orderId)
      }
      await client.query('COMMIT')
    } catch (error) {
      await client.query('ROLLBACK')
      throw error
    } finally {
      client.release()
    }
  }
  return { batchItemFailures: [] }
}
