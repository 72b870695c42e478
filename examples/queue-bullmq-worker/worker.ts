import { Worker } from 'bullmq'
import { sendWelcomeEmail } from './lib/email'
import { connection, type WelcomeEmail } from './lib/queue'

// A long-running process, started beside the app (see Procfile): it waits for jobs and runs them.
// It could not live in a route handler: nothing would keep it running between requests.
const worker = new Worker<WelcomeEmail>('emails', async (job) => sendWelcomeEmail(job.data.userId, job.data.email), {
  connection,
  concurrency: 5,
})

worker.on('failed', (job, error) => console.warn(`job ${job?.id} failed attempt ${job?.attemptsMade}: ${error.message}`))
