// Lessons of this section, in reading order.
export default {
  'cold-starts-and-connection-pooling': 'Cold starts and connection pooling',
  'prisma-client-and-pooling': 'Prisma Client and connection pooling',
  'serverless-database-limits': 'Serverless database limits',
  'real-time-updates': 'Real-time updates',
  'background-jobs-and-scheduled-tasks': 'Background jobs and scheduled tasks',
  'vendor-lock-in': 'Vendor lock-in',
}
