/**
 * Console lines that no instance printed: the queue stand-ins' own reports. The engine writes them
 * under these names; the Console tab titles them so, instead of "Instance sqs". No imports, so the
 * UI can use it without loading the engine.
 */
export const QUEUE_CONSOLE_SOURCES: Record<string, string> = {
  sqs: 'Simulated SQS (the lab’s, not AWS)',
  bullmq: 'BullMQ stand-in (no Redis)',
}
