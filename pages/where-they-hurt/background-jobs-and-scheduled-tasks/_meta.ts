// Sub-lessons of "Background jobs and scheduled tasks", in reading order.
export default {
  'durable-queues': 'Durable queues: SQS and BullMQ',
}
