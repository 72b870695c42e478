import type { SQSBatchResponse, SQSEvent } from 'aws-lambda'
import { pool } from '@/lib/db'
import { sendReceipt } from '@/lib/email'

// An AWS Lambda function that the SQS event source mapping (infra/queues.json) invokes with a batch.
// It reports the messages it could not process, so only those go back to the queue.
export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = []
  for (const record of event.Records) {
    try {
      const { orderId, email } = JSON.parse(record.body) as { orderId: number; email: string }
      await sendReceipt(email, orderId)
      await pool.query("UPDATE orders SET status = 'receipt sent' WHERE id = $1", [orderId])
    } catch (error) {
      console.error(`message ${record.messageId} failed: ${(error as Error).message}`)
      batchItemFailures.push({ itemIdentifier: record.messageId })
    }
  }
  return { batchItemFailures }
}
