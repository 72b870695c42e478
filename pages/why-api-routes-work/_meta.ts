// Lessons of this section, in reading order.
export default {
  simplicity: 'Simplicity',
  'serverless-scaling': 'Serverless scaling',
  'secrets-and-environment-variables': 'Secrets and environment variables',
  'isr-and-caching': 'ISR and caching',
  'one-codebase': 'One codebase',
}
