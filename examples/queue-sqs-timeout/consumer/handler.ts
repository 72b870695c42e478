import type { SQSBatchResponse, SQSEvent } from 'aws-lambda'
import { pool } from '@/lib/db'
import { renderInvoice } from '@/lib/invoice'

// Invoked by the SQS event source mapping (infra/queues.json) with up to BatchSize orders at a time.
// Each invoice takes about 3 s to render, and the function's Timeout is 10 s.
export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  for (const record of event.Records) {
    const { orderId, email } = JSON.parse(record.body) as { orderId: number; email: string }
    await renderInvoice(orderId)
    await pool.query('INSERT INTO invoices (order_id, email) VALUES ($1, $2)', [orderId, email])
    console.log(`invoice for order ${orderId} stored (receive ${record.attributes.ApproximateReceiveCount})`)
  }
  return { batchItemFailures: [] }
}
