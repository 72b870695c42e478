import { Queue } from 'bullmq'

// In the lab, BullMQ runs on a stand-in for Redis on the virtual clock: nothing connects to this host.
export const connection = { host: process.env.REDIS_HOST, port: Number(process.env.REDIS_PORT ?? 6379) }

export interface WelcomeEmail {
  userId: number
  email: string
}

export const emails = new Queue<WelcomeEmail>('emails', { connection })
